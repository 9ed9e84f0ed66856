using System.Data.Common;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Core.Units;

/// <summary>
/// Writes a batch's fixes with one prepared statement per kind of row, reused for every row, inside the caller's transaction:
/// track points appended, latest positions inserted or updated. At thousands of fixes a second EF's change tracker (and
/// the statements it leaves to finalizers) costs far more per row than the database does. Table and column names and value
/// conversions still come from the EF model, so each provider gets its own names and encodings.
/// </summary>
internal static class PositionWriter
{
    private static readonly string[] Fix = [nameof(UnitPosition.At), nameof(UnitPosition.Lat), nameof(UnitPosition.Lon),
        nameof(UnitPosition.SpeedKmh), nameof(UnitPosition.Heading)];

    private static object?[] ValuesOf(int unitId, DateTimeOffset at, double lat, double lon, double? speed, double? heading) =>
        [unitId, at, lat, lon, speed, heading];

    public static Task AppendHistoryAsync(DashboardDbContext db, IReadOnlyList<PositionSample> samples, CancellationToken ct) =>
        InsertAsync<PositionSample>(db, samples.Select(s => ValuesOf(s.UnitId, s.At, s.Lat, s.Lon, s.SpeedKmh, s.Heading)), ct);

    public static Task InsertLatestAsync(DashboardDbContext db, IEnumerable<UnitPosition> positions, CancellationToken ct) =>
        InsertAsync<UnitPosition>(db, positions.Select(Values), ct);

    public static async Task UpdateLatestAsync(DashboardDbContext db, IEnumerable<UnitPosition> positions, CancellationToken ct)
    {
        var (entity, table, sql) = Describe<UnitPosition>(db);
        var set = string.Join(", ", Fix.Select((c, i) => $"{Column(entity, table, sql, c)} = @p{i + 1}"));
        var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {set} " +
            $"WHERE {Column(entity, table, sql, nameof(UnitPosition.UnitId))} = @p0";
        await RunAsync(db, entity, text, positions.Select(Values), ct);
    }

    private static object?[] Values(UnitPosition p) => ValuesOf(p.UnitId, p.At, p.Lat, p.Lon, p.SpeedKmh, p.Heading);

    private static async Task InsertAsync<T>(DashboardDbContext db, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var (entity, table, sql) = Describe<T>(db);
        string[] columns = [nameof(UnitPosition.UnitId), .. Fix];
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => Column(entity, table, sql, c)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        await RunAsync(db, entity, text, rows, ct);
    }

    private static (IEntityType Entity, StoreObjectIdentifier Table, ISqlGenerationHelper Sql) Describe<T>(DashboardDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), db.GetService<ISqlGenerationHelper>());
    }

    private static string Column(IEntityType entity, StoreObjectIdentifier table, ISqlGenerationHelper sql, string property) =>
        sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

    /// <summary>Runs one statement per row; parameter @p0 is the unit id, @p1… the fix in <see cref="Fix"/> order.</summary>
    private static async Task RunAsync(DashboardDbContext db, IEntityType entity, string text, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("positions are written inside the batch's transaction");
        command.CommandText = text;
        var converters = new[] { nameof(UnitPosition.UnitId) }.Concat(Fix)
            .Select(c => entity.FindProperty(c)!.GetTypeMapping().Converter).ToArray();
        var parameters = converters.Select((_, i) => AddParameter(command, "@p" + i)).ToArray();
        var prepared = false;
        foreach (var values in rows)
        {
            if (!prepared) { await command.PrepareAsync(ct); prepared = true; }
            for (var i = 0; i < values.Length; i++)
                parameters[i].Value = (values[i] is { } v && converters[i] is { } c ? c.ConvertToProvider(v) : values[i]) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
