using System.Data.Common;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Core.Units;

/// <summary>
/// Appends track points with one prepared INSERT reused for every row, inside the caller's transaction. At thousands of
/// fixes a second EF's change tracker costs far more per row than the database does; table, column names and value
/// conversions still come from the EF model, so each provider gets its own names and encodings.
/// </summary>
internal static class PositionHistoryWriter
{
    private static readonly string[] Columns =
    [
        nameof(PositionSample.UnitId), nameof(PositionSample.At), nameof(PositionSample.Lat), nameof(PositionSample.Lon),
        nameof(PositionSample.SpeedKmh), nameof(PositionSample.Heading),
    ];

    public static async Task AppendAsync(DashboardDbContext db, IReadOnlyList<PositionSample> samples, CancellationToken ct)
    {
        if (samples.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(PositionSample))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Columns.Select(c => entity.FindProperty(c)!).ToArray();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("position history is appended inside the batch's transaction");
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var parameters = properties.Select((p, i) => (Parameter: AddParameter(command, "@p" + i), p.GetTypeMapping().Converter)).ToArray();
        await command.PrepareAsync(ct);

        foreach (var s in samples)
        {
            object?[] values = [s.UnitId, s.At, s.Lat, s.Lon, s.SpeedKmh, s.Heading];
            for (var i = 0; i < values.Length; i++)
            {
                var (parameter, converter) = parameters[i];
                var value = values[i] is { } v && converter is not null ? converter.ConvertToProvider(v) : values[i];
                parameter.Value = value ?? DBNull.Value;
            }
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
