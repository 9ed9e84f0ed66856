using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        DataServiceExtensions.Configure(options, DatabaseProvider.SqlServer, DesignTimeConnection, Path.GetTempPath());
        return new DashboardDbContext(options.Options);
    }

    public const string DesignTimeConnection = "Server=localhost;Database=dashboard;Trusted_Connection=True;TrustServerCertificate=True";
}
