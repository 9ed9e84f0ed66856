using Dashboard.Core.Live;
using Dashboard.Core.Warnings;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Warnings;

/// <summary>
/// A component that reloads when a warning it cares about changes. <see cref="LiveState"/> only says that some warning
/// changed, so this follows the bus's <see cref="WarningChanged"/> and picks its own (one warning, one jurisdiction); a
/// burst of changes collapses into one reload at a time.
/// </summary>
public abstract class WarningFollower : ComponentBase, IDisposable
{
    [Inject] private ILiveBus Bus { get; set; } = default!;

    private IDisposable? _subscription;
    private int _pending;

    protected abstract bool Concerns(WarningChanged change);

    protected abstract Task ReloadAsync();

    protected void Follow() => _subscription ??= Bus.Subscribe<WarningChanged>(OnChanged);

    // Runs on the publisher's thread: decide quickly, then hand the work to this circuit.
    private void OnChanged(WarningChanged change)
    {
        if (!Concerns(change) || Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = InvokeAsync(async () =>
        {
            Interlocked.Exchange(ref _pending, 0);
            try
            {
                await ReloadAsync();
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
