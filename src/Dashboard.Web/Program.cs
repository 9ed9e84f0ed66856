using Dashboard.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
if (AdminCommand.IsRequested(args)) return await AdminCommand.RunAsync(app, args);

app.MapDashboard();
await app.RunAsync();
return 0;
