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

/// <summary>Stores each record's household keys once and finds earlier records that share one, through the key index.</summary>
public static class HouseholdIndex
{
    public static async Task RememberAsync(DashboardDbContext db, HouseholdRecord r, CancellationToken ct)
    {
        if (r.Keys.Count == 0 || await db.HouseholdMarks.AnyAsync(m => m.Kind == r.Kind && m.Reference == r.Reference, ct)) return;
        db.HouseholdMarks.AddRange(r.Keys.Select(k => new HouseholdMark
        {
            Key = k, Kind = r.Kind, Reference = r.Reference, At = r.At.ToUniversalTime(), JurisdictionPath = r.JurisdictionPath,
            DomesticViolence = r.DomesticViolence, Injury = r.Injury,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Other records of the same household within <paramref name="window"/> either side of this one, oldest first.</summary>
    public static async Task<IReadOnlyList<EvidenceItem>> MatchesAsync(
        DashboardDbContext db, HouseholdRecord r, TimeSpan window, bool domesticViolenceOnly, CancellationToken ct)
    {
        if (r.Keys.Count == 0) return [];
        var keys = r.Keys.ToList();
        var (from, to) = ((r.At - window).ToUniversalTime(), (r.At + window).ToUniversalTime());
        var marks = await db.HouseholdMarks.AsNoTracking()
            .Where(m => EF.Parameter(keys).Contains(m.Key) && m.At >= from && m.At <= to && (!domesticViolenceOnly || m.DomesticViolence))
            .Select(m => new { m.Kind, m.Reference, m.At }).ToListAsync(ct);
        return marks.Where(m => !(m.Kind == r.Kind && m.Reference == r.Reference))
            .DistinctBy(m => (m.Kind, m.Reference)).OrderBy(m => m.At)
            .Select(m => new EvidenceItem(m.Kind, m.Reference, m.At)).ToList();
    }

    /// <summary>The subject of an open warning of this model that already holds one of these records, if any.</summary>
    public static async Task<string?> OpenSubjectAsync(DashboardDbContext db, string modelCode, IEnumerable<EvidenceItem> records, CancellationToken ct)
    {
        var references = records.Select(e => e.Reference).ToList();
        return await db.Warnings.AsNoTracking()
            .Where(w => w.ModelCode == modelCode && w.State != WarningState.Closed && w.Evidence.Any(e => EF.Parameter(references).Contains(e.Reference)))
            .Select(w => w.SubjectKey).FirstOrDefaultAsync(ct);
    }
}
