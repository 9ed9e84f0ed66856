using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>A dispute alarm or case as the household models see it.</summary>
public sealed record HouseholdRecord(
    string Kind, string Reference, DateTimeOffset At, string JurisdictionPath, string? GridCode, double? Lat, double? Lon,
    string? Address, IReadOnlyList<string> Keys, bool DomesticViolence, bool Injury)
{
    public const string DomesticViolenceSubcategory = "dispute.domestic_violence";

    public static HouseholdRecord Of(Alarm a) => new(EvidenceItem.Alarm, a.ExternalId, a.ReceivedAt, a.JurisdictionPath, a.GridCode,
        a.Lat, a.Lon, a.Address, HouseholdKeys.Of(a.Address, a.JurisdictionPath, a.Parties.Select(p => p.IdNumber),
            a.Parties.Select(p => p.Phone).Prepend(a.CallerPhone)),
        a.Subcategory == DomesticViolenceSubcategory, a.Injury);

    public static HouseholdRecord Of(Dispute d) => new(EvidenceItem.Case, d.CaseNumber, d.RegisteredAt, d.JurisdictionPath, d.GridCode,
        d.Lat, d.Lon, d.Address, HouseholdKeys.Of(d.Address, d.JurisdictionPath, d.Parties.Select(p => p.IdNumber),
            d.Parties.Select(p => p.Phone)), DomesticViolence: false, Injury: false);

    public EvidenceItem Evidence => new(Kind, Reference, At);
}

/// <summary>Published after a dispute alarm and its household keys are stored, for the warning engine.</summary>
public sealed record HouseholdRecorded(HouseholdRecord Record);

/// <summary>The household keys on disk: written with the alarm (or case) they belong to, read back when the index loads.</summary>
public static class HouseholdMarkStore
{
    public static IEnumerable<HouseholdMark> Marks(HouseholdRecord r) => r.Keys.Select(k => new HouseholdMark
    {
        Key = k, Kind = r.Kind, Reference = r.Reference, At = r.At.ToUniversalTime(), JurisdictionPath = r.JurisdictionPath,
        DomesticViolence = r.DomesticViolence, Injury = r.Injury,
    });

    /// <summary>
    /// Recomputes the keys of every dispute alarm and case since a time, for records written past ingestion (a bulk import,
    /// the demo's history) or after the normaliser changed. Returns the records keyed.
    /// </summary>
    public static async Task<int> RebuildAsync(IDbContextFactory<DashboardDbContext> dbFactory, DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = since.ToUniversalTime();
        var alarms = await db.Alarms.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.Category == AlarmCategories.Dispute && a.ReceivedAt >= from).ToListAsync(ct);
        var cases = await db.Disputes.AsNoTracking().Include(d => d.Parties)
            .Where(d => d.AlarmId == null && d.RegisteredAt >= from).ToListAsync(ct);
        var records = alarms.Select(HouseholdRecord.Of).Concat(cases.Select(HouseholdRecord.Of)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.HouseholdMarks.Where(m => m.At >= from).ExecuteDeleteAsync(ct);
        db.HouseholdMarks.AddRange(records.SelectMany(Marks));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return records.Count;
    }

    /// <summary>Stores a record's keys unless they are there already (a record evaluated again after a restart).</summary>
    public static async Task RememberAsync(DashboardDbContext db, HouseholdRecord r, CancellationToken ct)
    {
        if (r.Keys.Count == 0 || await db.HouseholdMarks.AnyAsync(m => m.Kind == r.Kind && m.Reference == r.Reference, ct)) return;
        db.HouseholdMarks.AddRange(Marks(r));
        await db.SaveChangesAsync(ct);
    }
}
