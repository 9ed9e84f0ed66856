using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.Data;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Falls back to <c>ConnectionStrings:Dashboard</c>; SQLite defaults to <c>data/dashboard.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;
}
