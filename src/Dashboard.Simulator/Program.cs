using System.Runtime.InteropServices;
using Dashboard.Simulator;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

return await SimulatorCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
