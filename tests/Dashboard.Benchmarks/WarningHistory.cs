using System.Globalization;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Warnings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Benchmarks;

/// <summary>
/// A year of alarms written straight into SQLite (EF would take minutes for a million rows): a fifth of them disputes from
/// a pool of households, each dispute with the household keys the engine would have stored.
/// </summary>
internal sealed class WarningHistory(BenchDatabase db, DateTimeOffset now, int count, int repeatPercent)
{
    private const string Path = "/T001/S001/C001/G001/";
    private static readonly string[] Villages = ["渭南", "北庄", "桥角", "石桥", "杨湾", "幸福", "东河", "西塘", "南渡", "新港"];
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public int DisputeAlarms { get; private set; }

    private static (string Address, string Phone) Household(int n) =>
        ($"青湖镇{Villages[n % Villages.Length]}村{n / 10 % 12 + 1}组{n / 120 % 300 + 1}号", $"139{n:00000000}");

    public async Task SeedAsync()
    {
        await using (var context = db.CreateDbContext())
        {
            var township = Node("T001", JurisdictionLevel.Township, null);
            var station = Node("S001", JurisdictionLevel.Station, township);
            var community = Node("C001", JurisdictionLevel.Community, station);
            context.Jurisdictions.AddRange(township, station, community, Node("G001", JurisdictionLevel.Grid, community));
            await context.SaveChangesAsync();
            await WarningModelDefaults.EnsureAsync(context, default);
        }
        await using var connection = new SqliteConnection(db.CreateDbContext().Database.GetConnectionString());
        await connection.OpenAsync();
        var rng = new Random(11);
        var span = TimeSpan.FromDays(365).Ticks;
        for (var start = 0; start < count; start += 50_000)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var alarm = Command(connection, transaction, """
                INSERT INTO Alarms (ExternalId, ReceivedAt, Category, Subcategory, Priority, Summary, Address, CallerPhone, Status,
                    JurisdictionPath, CreatedAt, Injury, GridCode, StationCode)
                VALUES ($id, $at, $category, $sub, 3, '历史警情', $address, $phone, 'Closed', $path, $at, 0, 'G001', 'S001')
                """, "$id", "$at", "$category", "$sub", "$address", "$phone", "$path");
            var mark = Command(connection, transaction, """
                INSERT INTO HouseholdMarks (Key, Reference, Kind, DomesticViolence, Injury, At, JurisdictionPath)
                VALUES ($key, $ref, 'alarm', 0, 0, $at, $path)
                """, "$key", "$ref", "$at", "$path");
            for (var i = start; i < Math.Min(count, start + 50_000); i++)
            {
                var at = now.AddTicks(-(long)(rng.NextDouble() * span));
                var dispute = rng.Next(5) == 0;
                var (address, phone) = dispute ? Household(rng.Next(36_000)) : (null, null);
                Run(alarm, $"H{i:0000000}", Time.ConvertToProvider(at.ToUniversalTime()), dispute ? AlarmCategories.Dispute : AlarmCategories.PublicOrder,
                    dispute ? "dispute.neighbor" : "noise", address, phone, Path);
                if (!dispute) continue;
                DisputeAlarms++;
                foreach (var key in HouseholdKeys.Of(address, Path, [], [phone]))
                    Run(mark, key, $"H{i:0000000}", Time.ConvertToProvider(at.ToUniversalTime()), Path);
            }
            await transaction.CommitAsync();
        }
    }

    /// <summary>
    /// A new dispute alarm now, stored with its household keys as ingestion stores it; the given share of them come from a
    /// household already on file (whether it called within the window is up to the history), half of those written differently.
    /// </summary>
    public async Task<Alarm> NewDisputeAlarmAsync(DateTimeOffset at, int n)
    {
        var (address, phone) = n * 7919 % 100 < repeatPercent ? Household(n * 7 % 36_000) : ($"青湖镇新苑小区{n / 50 + 1}栋{n % 50 + 101}室", $"137{n:00000000}");
        if (n % 2 == 0) address = address.Replace("青湖镇", "", StringComparison.Ordinal).Replace("组", " 组", StringComparison.Ordinal);
        await using var context = db.CreateDbContext();
        var alarm = new Alarm
        {
            ExternalId = $"N{n:0000000}", ReceivedAt = at, Category = AlarmCategories.Dispute, Subcategory = "dispute.neighbor", Priority = 3,
            Summary = "邻里纠纷", Address = address, CallerPhone = phone, JurisdictionPath = Path, GridCode = "G001", StationCode = "S001", CreatedAt = at,
        };
        context.Alarms.Add(alarm);
        context.HouseholdMarks.AddRange(HouseholdMarkStore.Marks(HouseholdRecord.Of(alarm)));
        await context.SaveChangesAsync();
        return alarm;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        (command.CommandText, command.Transaction) = (sql, transaction);
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private static JurisdictionNode Node(string code, JurisdictionLevel level, JurisdictionNode? parent) => new()
    {
        Code = code, Name = code, Level = level, Parent = parent, Path = JurisdictionNode.ChildPath(parent?.Path, code),
        BoundaryWkt = level == JurisdictionLevel.Grid ? "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))" : null,
    };
}
