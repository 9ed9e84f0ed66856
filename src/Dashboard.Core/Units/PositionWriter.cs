using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Units;

/// <summary>
/// Writes a batch's fixes with one prepared statement per kind of row (<see cref="PreparedRows"/>), inside the caller's
/// transaction: track points appended, latest positions inserted or updated.
/// </summary>
internal static class PositionWriter
{
    private static readonly string[] Row = [nameof(UnitPosition.UnitId), nameof(UnitPosition.At), nameof(UnitPosition.Lat),
        nameof(UnitPosition.Lon), nameof(UnitPosition.SpeedKmh), nameof(UnitPosition.Heading)];

    private static object?[] ValuesOf(int unitId, DateTimeOffset at, double lat, double lon, double? speed, double? heading) =>
        [unitId, at, lat, lon, speed, heading];

    public static Task AppendHistoryAsync(DashboardDbContext db, IReadOnlyList<PositionSample> samples, CancellationToken ct)
    {
        var rows = new PreparedRows(db, typeof(PositionSample), [.. Row, nameof(PositionSample.Bucket)]);
        return rows.RunAsync(db, rows.Insert, samples.Select(s => (object?[])[.. ValuesOf(s.UnitId, s.At, s.Lat, s.Lon, s.SpeedKmh, s.Heading), s.Bucket]), ct);
    }

    /// <summary>
    /// Writes the latest positions whatever the table holds (the caller decided last-write-wins inside the transaction):
    /// an upsert each where the database has one (SQLite, PostgreSQL), else an update or an insert.
    /// </summary>
    public static async Task WriteLatestAsync(DashboardDbContext db, IReadOnlyList<UnitPosition> positions, IReadOnlySet<int> known, CancellationToken ct)
    {
        if (db.Database.IsSqlite() || db.Database.IsNpgsql())
        {
            var rows = new PreparedRows(db, typeof(UnitPosition), Row);
            var set = string.Join(", ", Row.Skip(1).Select(rows.Column).Select(c => $"{c} = excluded.{c}"));
            await rows.RunAsync(db, $"{rows.Insert} ON CONFLICT ({rows.Column(Row[0])}) DO UPDATE SET {set}", positions.Select(Values), ct);
            return;
        }
        await UpdateLatestAsync(db, positions.Where(p => known.Contains(p.UnitId)), ct);
        await InsertLatestAsync(db, positions.Where(p => !known.Contains(p.UnitId)), ct);
    }

    private static Task InsertLatestAsync(DashboardDbContext db, IEnumerable<UnitPosition> positions, CancellationToken ct)
    {
        var rows = new PreparedRows(db, typeof(UnitPosition), Row);
        return rows.RunAsync(db, rows.Insert, positions.Select(Values), ct);
    }

    private static Task UpdateLatestAsync(DashboardDbContext db, IEnumerable<UnitPosition> positions, CancellationToken ct)
    {
        var rows = new PreparedRows(db, typeof(UnitPosition), Row);
        var set = string.Join(", ", Row.Skip(1).Select(c => $"{rows.Column(c)} = {rows.Parameter(c)}"));
        var id = nameof(UnitPosition.UnitId);
        return rows.RunAsync(db, $"UPDATE {rows.Table} SET {set} WHERE {rows.Column(id)} = {rows.Parameter(id)}", positions.Select(Values), ct);
    }

    /// <summary>
    /// Writes back the status that movement gave these units (units are read untracked, thousands a batch). A unit
    /// dispatched meanwhile keeps its assignment: movement never overrides one.
    /// </summary>
    public static Task UpdateMovementStatusAsync(DashboardDbContext db, IReadOnlyList<Unit> units, CancellationToken ct)
    {
        var rows = new PreparedRows(db, typeof(Unit), nameof(Unit.Id), nameof(Unit.Status), nameof(Unit.StatusChangedAt));
        var (id, status, changedAt) = (rows.Properties[0], rows.Properties[1], rows.Properties[2]);
        var text = $"UPDATE {rows.Table} SET {rows.Column(status)} = {rows.Parameter(status)}, {rows.Column(changedAt)} = {rows.Parameter(changedAt)} " +
            $"WHERE {rows.Column(id)} = {rows.Parameter(id)} AND {rows.Column(nameof(Unit.CurrentAlarmId))} IS NULL";
        return rows.RunAsync(db, text, units.Select(u => new object?[] { u.Id, u.Status, u.StatusChangedAt }), ct);
    }

    private static object?[] Values(UnitPosition p) => ValuesOf(p.UnitId, p.At, p.Lat, p.Lon, p.SpeedKmh, p.Heading);
}
