using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Core.Data;

/// <summary>
/// One SQL statement run once per row, prepared once and reused, inside the caller's transaction. At thousands of rows a
/// second EF's change tracker and per-statement query pipeline cost far more per row than the database does. Table and
/// column names and value conversions come from the EF model, so each provider gets its own names and encodings.
/// </summary>
internal sealed class PreparedRows
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    /// <summary>The properties bound as @p0, @p1, … in this order.</summary>
    public IReadOnlyList<string> Properties { get; }

    public PreparedRows(DashboardDbContext db, Type entityType, params string[] properties)
    {
        _entity = db.Model.FindEntityType(entityType) ?? throw new ArgumentException($"{entityType.Name} is not in the model", nameof(entityType));
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        Properties = properties;
    }

    public string Table => _sql.DelimitIdentifier(_table.Name, _table.Schema);

    public string Column(string property) => _sql.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName(_table)!);

    /// <summary>The placeholder of a property: @p and its place in <see cref="Properties"/>.</summary>
    public string Parameter(string property) => "@p" + IndexOf(property);

    /// <summary>INSERT of every property; the caller may append a conflict clause.</summary>
    public string Insert => $"INSERT INTO {Table} ({string.Join(", ", Properties.Select(Column))}) " +
        $"VALUES ({string.Join(", ", Properties.Select(Parameter))})";

    /// <summary>
    /// Inserts whole entities, every stored property, and reads a generated key back into each (RETURNING, on SQLite and
    /// PostgreSQL; elsewhere through EF's SaveChanges). Navigations are not followed: the caller inserts children after.
    /// </summary>
    public static async Task InsertEntitiesAsync<T>(DashboardDbContext db, IReadOnlyList<T> entities, CancellationToken ct) where T : class
    {
        if (entities.Count == 0) return;
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            // A child list may already be tracked through its parent's navigation, and saved with it.
            db.AddRange(entities.Where(e => db.Entry(e).State == EntityState.Detached));
            await db.SaveChangesAsync(ct);
            return;
        }
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the model");
        var key = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var stored = type.GetProperties().Where(p => p != key).ToList();
        var rows = new PreparedRows(db, typeof(T), [.. stored.Select(p => p.Name)]);
        var text = key is null ? rows.Insert : $"{rows.Insert} RETURNING {rows.Column(key.Name)}";
        await rows.RunAsync(db, text, entities.Select(e => stored.Select(p => p.GetGetter().GetClrValue(e)).ToArray()), ct,
            key is null ? null : (i, id) => key.PropertyInfo!.SetValue(entities[i], Convert.ChangeType(id, key.ClrType, CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Runs <paramref name="text"/> once per row; each row holds the values of <see cref="Properties"/> in order. With
    /// <paramref name="readBack"/>, the statement returns one value a row (RETURNING), handed back with the row's index.
    /// </summary>
    public async Task RunAsync(DashboardDbContext db, string text, IEnumerable<object?[]> rows, CancellationToken ct, Action<int, object?>? readBack = null)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("prepared rows are written inside the caller's transaction");
        command.CommandText = text;
        // Each parameter typed by the model's mapping for its column (PostgreSQL prepares typed statements, whatever the
        // first row's values are); values pass through the mapping's converter, as EF would send them.
        var mappings = Properties.Select(p => _entity.FindProperty(p)!.GetRelationalTypeMapping()).ToArray();
        var parameters = mappings.Select((m, i) => command.Parameters[command.Parameters.Add(m.CreateParameter(command, "@p" + i, null))]).ToArray();
        var row = 0;
        foreach (var values in rows)
        {
            for (var i = 0; i < values.Length; i++)
                parameters[i].Value = (values[i] is { } v && mappings[i].Converter is { } c ? c.ConvertToProvider(v) : values[i]) ?? DBNull.Value;
            if (row == 0) await command.PrepareAsync(ct);
            if (readBack is null) await command.ExecuteNonQueryAsync(ct);
            else readBack(row, await command.ExecuteScalarAsync(ct));
            row++;
        }
    }

    private int IndexOf(string property)
    {
        for (var i = 0; i < Properties.Count; i++) if (Properties[i] == property) return i;
        throw new ArgumentException($"{property} is not bound", nameof(property));
    }
}
