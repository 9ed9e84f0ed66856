using Dashboard.Core.Disputes;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Warnings;
using Dashboard.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Benchmarks;

/// <summary>
/// A year and a bit of a busy district on the demo's jurisdiction tree: alarms generated inside SQLite (one INSERT … SELECT
/// per million rows; row by row would take many minutes), and disputes, hazards and warnings through EF with their rules.
/// </summary>
internal sealed class StatsHistory(BenchDatabase db, DateTimeOffset from, DateTimeOffset to, int alarms)
{
    private const int Chunk = 1_000_000;
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public IReadOnlyList<JurisdictionNode> Nodes { get; private set; } = [];

    public async Task SeedAsync()
    {
        await using (var context = db.CreateDbContext())
        {
            Nodes = new DemoJurisdictionBuilder().Build();
            context.Jurisdictions.AddRange(Nodes);
            await context.SaveChangesAsync();
        }
        await SeedAlarmsAsync();
        await SeedCasesAsync();
    }

    private async Task SeedAlarmsAsync()
    {
        var grids = Nodes.Where(n => n.Level == JurisdictionLevel.Grid).ToList();
        await using var connection = new SqliteConnection(db.CreateDbContext().Database.GetConnectionString());
        await connection.OpenAsync();
        await Execute(connection, "CREATE TEMP TABLE bench_grid (n INTEGER PRIMARY KEY, path TEXT, code TEXT, station TEXT)");
        for (var i = 0; i < grids.Count; i++)
            await Execute(connection, "INSERT INTO bench_grid VALUES ($n, $path, $code, $station)",
                ("$n", i), ("$path", grids[i].Path), ("$code", grids[i].Code), ("$station", grids[i].Path.Split('/')[2]));

        // Stored times are (ticks / 1000) << 11 for UTC values, so an even spread is arithmetic on that number.
        var first = Time.ConvertToProvider(from.ToUniversalTime()) is long f ? f : 0;
        var step = (Time.ConvertToProvider(to.ToUniversalTime()) is long t ? t : 0) - first;
        const long minute = 600_000L << 11;
        // Times and ids rise with x, so every index grows at its end: scattered times made the ten millionth row many times
        // dearer than the first.
        for (var start = 0; start < alarms; start += Chunk)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await Execute(connection, $"""
                WITH RECURSIVE c(x) AS (SELECT $start UNION ALL SELECT x + 1 FROM c WHERE x < $end)
                INSERT INTO Alarms (ExternalId, ReceivedAt, Category, Subcategory, Priority, Summary, Status, JurisdictionPath, CreatedAt,
                    Injury, GridCode, StationCode, DispatchedAt, OnSceneAt)
                SELECT printf('H%09d', x), at, category, NULL, 3, '历史警情', 'Closed', g.path, at, 0, g.code, g.station,
                    at + {minute}, CASE WHEN x % 5 = 0 THEN NULL ELSE at + (3 + x % 37) * {minute} END
                FROM (SELECT x, $first + (($step / {alarms}) >> 11 << 11) * x AS at,
                        CASE x % 20 WHEN 0 THEN 'criminal' WHEN 1 THEN 'criminal' WHEN 2 THEN 'criminal'
                            WHEN 3 THEN 'public_order' WHEN 4 THEN 'public_order' WHEN 5 THEN 'public_order' WHEN 6 THEN 'public_order'
                            WHEN 7 THEN 'dispute' WHEN 8 THEN 'dispute' WHEN 9 THEN 'dispute' WHEN 10 THEN 'dispute'
                            WHEN 11 THEN 'traffic' WHEN 12 THEN 'traffic' WHEN 13 THEN 'traffic' WHEN 14 THEN 'fire'
                            WHEN 15 THEN 'assistance' WHEN 16 THEN 'assistance' WHEN 17 THEN 'assistance' ELSE 'other' END AS category
                      FROM c) AS a
                JOIN bench_grid g ON g.n = (a.x * 31) % {grids.Count}
                """, ("$start", start), ("$end", Math.Min(alarms, start + Chunk) - 1), ("$first", first), ("$step", step));
            await transaction.CommitAsync();
            Console.Write($"\r  alarms: {Math.Min(alarms, start + Chunk):N0}");
        }
        Console.WriteLine();
    }

    /// <summary>About a hundred disputes a day, a tenth as many hazards, and warnings, most of them closed within weeks.</summary>
    private async Task SeedCasesAsync()
    {
        var rng = new Random(7);
        var grids = Nodes.Where(n => n.Level == JurisdictionLevel.Grid).Select(n => n.Path).ToArray();
        var days = (int)(to - from).TotalDays;
        DateTimeOffset At() => from.AddMinutes(rng.Next(days * 24 * 60)).ToUniversalTime();
        var categories = Enum.GetValues<DisputeCategory>();
        for (var batch = 0; batch < days / 10; batch++)
        {
            await using var context = db.CreateDbContext();
            for (var i = 0; i < 1000; i++)
            {
                var at = At();
                var dispute = new Dispute
                {
                    CaseNumber = $"JF-B{batch:000}{i:0000}", Category = categories[rng.Next(categories.Length)], Risk = rng.Next(20) == 0 ? RiskColor.Red : RiskColor.Green,
                    Description = "邻里纠纷", JurisdictionPath = grids[rng.Next(grids.Length)], RegisteredAt = at, RegisteredBy = "staff1",
                };
                dispute.Route("司法所", "调解员", null, at.AddDays(15), "chief1", at);
                if (rng.Next(100) < 85)
                {
                    var done = at.AddDays(rng.Next(1, 30));
                    dispute.RecordMediation(new MediationRecord { At = done, Mediator = "调解员", Outcome = rng.Next(10) < 9 ? MediationOutcome.Success : MediationOutcome.Failure }, "officer1");
                    dispute.RequestClosure("已调处", "officer1", done);
                    dispute.ApproveClosure("chief1", done);
                }
                context.Disputes.Add(dispute);
                if (i % 10 == 0) context.InvestigationItems.Add(Hazard(rng, batch, i, grids, at));
                if (i % 5 == 0) context.Warnings.Add(new Warning
                {
                    ModelCode = ModelCodes.All[rng.Next(ModelCodes.All.Count)], SubjectKey = $"b{batch}-{i}", Title = "预警", JurisdictionPath = dispute.JurisdictionPath, IssuedAt = at,
                });
            }
            await context.SaveChangesAsync();
        }
    }

    private static InvestigationItem Hazard(Random rng, int batch, int i, string[] grids, DateTimeOffset at)
    {
        var kind = (InvestigationKind)rng.Next(3);
        var categories = InvestigationCategories.Of(kind);
        var item = new InvestigationItem
        {
            Number = $"PC-B{batch:000}{i:0000}", Kind = kind, Category = categories[rng.Next(categories.Count)], Description = "隐患", Major = rng.Next(30) == 0,
            ResponsibleUnit = "派出所", ResponsiblePerson = "民警", Deadline = at.AddDays(20), FoundAt = at, RecordedBy = "staff1",
            JurisdictionPath = grids[rng.Next(grids.Length)],
        };
        if (rng.Next(100) < 80) item.Resolve("已整改", at.AddDays(rng.Next(1, 40)));
        return item;
    }

    private static async Task Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
