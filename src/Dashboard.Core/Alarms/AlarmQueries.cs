using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Alarms;

/// <summary>An alarm in a list: personal data already masked.</summary>
public sealed record AlarmListItem(
    long Id, string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority,
    string Summary, string? Address, AlarmStatus Status, string? StationName, string? GridCode, string? CallerPhoneMasked,
    long? DisputeId = null);

/// <summary>A party as screens show it: name, ID number and phone masked.</summary>
public sealed record PartyView(string? Name, string? IdNumber, string? Phone, string? Role);

public sealed record AlarmDetail(
    long Id, string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority, string Summary,
    string? Address, double? Lat, double? Lon, AlarmStatus Status, string? StationName, string? GridCode, string? CallerPhone,
    string? UnitCode, DateTimeOffset? OnSceneAt, IReadOnlyList<PartyView> Parties);

/// <summary>Read side of alarms and units for the desk screens; every query is bounded by the caller's scope.</summary>
public sealed class AlarmQueries(IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map)
{
    /// <summary>
    /// One page of the alarms matching <paramref name="filter"/> inside <paramref name="scope"/>, newest first, masked. A station
    /// outside the scope (or unknown) matches nothing; search text is found in summary, address and external id.
    /// </summary>
    public async Task<AlarmPage> SearchAsync(JurisdictionScope scope, AlarmFilter filter, int skip, int take, CancellationToken ct = default)
    {
        var narrowed = filter.StationCode is { Length: > 0 } station ? scope.Narrow(await map.FindAsync(station, ct)) : scope;
        if (narrowed is null) return new AlarmPage([], 0);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarms = Where(db.Alarms.AsNoTracking().InScope(narrowed), filter);
        var total = await alarms.CountAsync(ct);
        var rows = await alarms.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .Select(a => new AlarmListItem(a.Id, a.ExternalId, a.ReceivedAt, a.Category, a.Subcategory, a.Priority, a.Summary,
                a.Address, a.Status, a.StationCode, a.GridCode, a.CallerPhone, a.DisputeId))
            .ToListAsync(ct);
        var names = (await map.NodesAsync(ct)).ToDictionary(n => n.Code, n => n.Name);
        return new AlarmPage(rows.Select(r => r with
        {
            CallerPhoneMasked = PersonalDataMask.Phone(r.CallerPhoneMasked),
            StationName = r.StationName is { } code ? names.GetValueOrDefault(code, code) : null,
        }).ToList(), total);
    }

    private static IQueryable<Alarm> Where(IQueryable<Alarm> alarms, AlarmFilter filter)
    {
        if (filter.Category is { Length: > 0 } category) alarms = alarms.Where(a => a.Category == category);
        if (filter.Status is { } status) alarms = alarms.Where(a => a.Status == status);
        if (filter.Period is { } period) alarms = alarms.Where(a => a.ReceivedAt >= period.From && a.ReceivedAt < period.To);
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            // lower() on both sides: SQLite's LIKE ignores ASCII case already, PostgreSQL's does not, and Chinese has none.
            // ToLower() here is SQL's lower(), never run in .NET, so the culture analyzers do not apply.
#pragma warning disable CA1304, CA1311
            var pattern = AlarmFilter.ContainsPattern(text[..Math.Min(text.Length, AlarmFilter.MaxTextLength)].ToLowerInvariant());
            alarms = alarms.Where(a => EF.Functions.Like(a.Summary.ToLower(), pattern, AlarmFilter.LikeEscape)
                || (a.Address != null && EF.Functions.Like(a.Address.ToLower(), pattern, AlarmFilter.LikeEscape))
                || EF.Functions.Like(a.ExternalId.ToLower(), pattern, AlarmFilter.LikeEscape));
#pragma warning restore CA1304, CA1311
        }
        return alarms;
    }

    /// <summary>One alarm with its parties, masked; null when it does not exist or lies outside the scope.</summary>
    public async Task<AlarmDetail?> DetailAsync(long id, JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.Alarms.AsNoTracking().InScope(scope).Include(x => x.Parties).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var station = a.StationCode is { } code ? (await map.FindAsync(code, ct))?.Name ?? code : null;
        return new AlarmDetail(a.Id, a.ExternalId, a.ReceivedAt, a.Category, a.Subcategory, a.Priority, a.Summary, a.Address, a.Lat, a.Lon,
            a.Status, station, a.GridCode, PersonalDataMask.Phone(a.CallerPhone), a.UnitCode, a.OnSceneAt,
            a.Parties.Select(p => new PartyView(PersonalDataMask.Name(p.Name), PersonalDataMask.IdNumber(p.IdNumber),
                PersonalDataMask.Phone(p.Phone), p.Role)).ToList());
    }
}
