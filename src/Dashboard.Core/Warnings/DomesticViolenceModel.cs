using Dashboard.Core.Data;

namespace Dashboard.Core.Warnings;

/// <summary>家暴: domestic-violence calls about one household — the set count within the window, or one with injury (red at once).</summary>
public sealed class DomesticViolenceModel : IHouseholdModel
{
    public string Code => ModelCodes.DomesticViolence;

    public async Task<WarningFiring?> EvaluateAsync(DashboardDbContext db, HouseholdRecord record, WarningModel settings, CancellationToken ct)
    {
        if (!record.DomesticViolence) return null;
        var parameters = settings.Read<DomesticViolenceParameters>();
        var earlier = await HouseholdIndex.MatchesAsync(db, record, TimeSpan.FromDays(parameters.WindowDays), domesticViolenceOnly: true, ct);
        if (!record.Injury && earlier.Count + 1 < parameters.Count) return null;
        var evidence = earlier.Append(record.Evidence with { Note = record.Injury ? "injury" : null }).ToList();
        var subject = await HouseholdIndex.OpenSubjectAsync(db, Code, evidence, ct) ?? HouseholdSubject.Of(record);
        return new WarningFiring(Code, subject, HouseholdSubject.Title(record), record.JurisdictionPath, evidence,
            Level: record.Injury ? WarningLevel.Red : null, GridCode: record.GridCode, Lat: record.Lat, Lon: record.Lon);
    }
}
