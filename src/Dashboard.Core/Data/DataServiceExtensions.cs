using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Data;

public static class DataServiceExtensions
{
    public const string SqliteMigrations = "Dashboard.Migrations.Sqlite";
    public const string SqlServerMigrations = "Dashboard.Migrations.SqlServer";
    public const string PostgreSqlMigrations = "Dashboard.Migrations.PostgreSql";

    /// <summary>Registers the context factory for the configured provider and the data services built on it.</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<DashboardDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = db.ConnectionString ?? configuration.GetConnectionString("Dashboard");
            Configure(options, db.Provider, connectionString, contentRoot);
            if (db.Provider == DatabaseProvider.Sqlite) options.AddInterceptors(WalCheckpointer.WritersDoNotCheckpoint);
        });
        services.AddSingleton<JurisdictionMap>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, string contentRoot)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(connectionString, contentRoot), x => x.MigrationsAssembly(SqliteMigrations));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(Required(connectionString, provider), x => x.MigrationsAssembly(SqlServerMigrations));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(Required(connectionString, provider), x => x.MigrationsAssembly(PostgreSqlMigrations));
                break;
        }
    }

    /// <summary>A relative SQLite file lives under the content root; its folder is created on demand.</summary>
    public static string SqliteConnectionString(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? "Data Source=data/dashboard.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DataSource != ":memory:") Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        !string.IsNullOrWhiteSpace(connectionString) ? connectionString
            : throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                [$"Database:Provider is {provider}: set Database:ConnectionString or ConnectionStrings:Dashboard."]);
}
