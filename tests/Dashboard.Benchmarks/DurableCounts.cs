using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>Counts what reached the database file, so "stored durably" is read back rather than assumed from 2xx answers.</summary>
public static class DurableCounts
{
    public static async Task<(long Positions, long Alarms)> ReadAsync(string databasePath, DateTimeOffset from, DateTimeOffset to, string alarmPrefix)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={databasePath};Mode=ReadOnly").Options;
        await using var db = new DashboardDbContext(options);
        var positions = await db.PositionHistory.LongCountAsync(p => p.At >= from && p.At <= to);
        var alarms = await db.Alarms.LongCountAsync(a => a.ExternalId.StartsWith(alarmPrefix));
        return (positions, alarms);
    }
}
