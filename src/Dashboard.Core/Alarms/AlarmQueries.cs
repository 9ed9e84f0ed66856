using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Alarms;

/// <summary>An alarm in a list: personal data already masked.</summary>
public sealed record AlarmListItem(
    long Id, string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority,
    string Summary, string? Address, AlarmStatus Status, string? StationName, string? GridCode, string? CallerPhoneMasked);

/// <summary>A party as screens show it: name, ID number and phone masked.</summary>
public sealed record PartyView(string? Name, string? IdNumber, string? Phone, string? Role);

public sealed record AlarmDetail(
    long Id, string ExternalId, DateTimeOffset ReceivedAt, string Category, string? Subcategory, int Priority, string Summary,
    string? Address, double? Lat, double? Lon, AlarmStatus Status, string? StationName, string? GridCode, string? CallerPhone,
    string? UnitCode, DateTimeOffset? OnSceneAt, IReadOnlyList<PartyView> Parties);

/// <summary>Read side of alarms and units for the desk screens; every query is bounded by the caller's scope.</summary>
public sealed class AlarmQueries(IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map)
{
    public async Task<IReadOnlyList<AlarmListItem>> RecentAsync(JurisdictionScope scope, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Alarms.AsNoTracking().InScope(scope).OrderByDescending(a => a.ReceivedAt).Take(take)
            .Select(a => new AlarmListItem(a.Id, a.ExternalId, a.ReceivedAt, a.Category, a.Subcategory, a.Priority, a.Summary,
                a.Address, a.Status, a.StationCode, a.GridCode, a.CallerPhone))
            .ToListAsync(ct);
        var names = (await map.NodesAsync(ct)).ToDictionary(n => n.Code, n => n.Name);
        return rows.Select(r => r with
        {
            CallerPhoneMasked = PersonalDataMask.Phone(r.CallerPhoneMasked),
            StationName = r.StationName is { } code ? names.GetValueOrDefault(code, code) : null,
        }).ToList();
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
