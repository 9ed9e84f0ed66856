using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Simulator.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Demo;

/// <summary>
/// A year (or any number of days) of past alarms with the township's daily and weekly rhythm, each carried through its
/// lifecycle, and the dispute cases that came out of them. Uses the simulator's generators, so history and live feed look alike.
/// </summary>
internal sealed class DemoHistory(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, ReferenceQueries reference,
    DemoDisputes disputes, TimeProvider clock)
{
    private const int ChunkSize = 2000;

    public async Task SeedAsync(int days, CancellationToken ct)
    {
        var rng = new Random(365);
        var root = (await map.NodesAsync(ct)).First(n => n.Level == JurisdictionLevel.Township);
        var data = await reference.BuildAsync(new JurisdictionScope(root.Path), ct);
        var responders = data.Units.Where(u => u.Kind is nameof(UnitKind.PatrolCar) or nameof(UnitKind.Motorcycle) or nameof(UnitKind.FootPatrol))
            .GroupBy(u => u.StationCode).ToDictionary(g => g.Key, g => g.Select(u => u.Code).ToArray());
        var generator = new AlarmGenerator(data, rng, "hist");
        var now = clock.GetUtcNow();

        var chunk = new List<Alarm>(ChunkSize);
        foreach (var at in AlarmMix.ArrivalTimes(now.AddDays(-days), now.AddMinutes(-10), rng))
        {
            // Domestic-violence households calling again come in between the ordinary calls, as they do live.
            var inputs = generator.RecallsDue(at).ToList();
            inputs.Add(generator.Next(at));
            foreach (var input in inputs)
            {
                var alarm = await ToAlarmAsync(input, root.Path, ct);
                Progress(alarm, responders, rng, now);
                chunk.Add(alarm);
                if (chunk.Count == ChunkSize) await SaveAsync(chunk, now, ct);
            }
        }
        await SaveAsync(chunk, now, ct);
    }

    private async Task SaveAsync(List<Alarm> alarms, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Alarms.AddRange(alarms);
        await db.SaveChangesAsync(ct);
        db.Disputes.AddRange(disputes.FromAlarms(alarms, now));
        await db.SaveChangesAsync(ct);
        alarms.Clear();
    }

    private async Task<Alarm> ToAlarmAsync(AlarmInput input, string rootPath, CancellationToken ct)
    {
        var grid = await map.LocateAsync(input.Location!.Lat!.Value, input.Location.Lon!.Value, ct);
        return new Alarm
        {
            ExternalId = input.ExternalId!, ReceivedAt = input.ReceivedAt!.Value.ToUniversalTime(), Category = input.Category!,
            Subcategory = input.Subcategory, Priority = input.Priority ?? 3, Summary = input.Summary!, Address = input.Address,
            Lat = input.Location.Lat, Lon = input.Location.Lon, CallerPhone = input.CallerPhone,
            GridId = grid?.GridId, GridCode = grid?.GridCode, StationCode = grid?.StationCode,
            JurisdictionPath = grid?.Path ?? rootPath, CreatedAt = input.ReceivedAt.Value.ToUniversalTime(), Injury = input.Injury == true,
            Parties = input.Parties?.Select(p => new AlarmParty { Name = p.Name!, IdNumber = p.IdNumber, Phone = p.Phone, Role = p.Role }).ToList() ?? [],
        };
    }

    /// <summary>Dispatch within minutes, on scene faster for urgent calls, resolved and closed later; only what has happened by now.</summary>
    private static void Progress(Alarm alarm, Dictionary<string, string[]> responders, Random rng, DateTimeOffset now)
    {
        var units = responders.GetValueOrDefault(alarm.StationCode ?? "") ?? responders.Values.First();
        var unit = units[rng.Next(units.Length)];
        var dispatched = alarm.ReceivedAt.AddMinutes(1 + rng.NextDouble() * 3);
        var onScene = dispatched.AddMinutes((alarm.Priority <= 2 ? 4 : 7) + rng.NextDouble() * rng.NextDouble() * 25);
        var resolved = onScene.AddMinutes(10 + rng.NextDouble() * 60);
        var closed = resolved.AddMinutes(5 + rng.NextDouble() * 120);
        foreach (var (status, at) in new[] { (AlarmStatus.Dispatched, dispatched), (AlarmStatus.OnScene, onScene),
                     (AlarmStatus.Resolved, resolved), (AlarmStatus.Closed, closed) })
        {
            if (at > now) break;
            alarm.Apply(status, at, status <= AlarmStatus.OnScene ? unit : null);
        }
    }
}
