using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Data;
using Dashboard.Core.People;

namespace Dashboard.Core.Warnings;

/// <summary>
/// 重复纠纷: a second dispute alarm or case about one household (same address, a party's ID number or a phone) within the
/// window. The evidence lists every matching record; a third one adds to the open warning.
/// </summary>
public sealed class RepeatedDisputeModel : IHouseholdModel
{
    public string Code => ModelCodes.RepeatedDispute;

    public async Task<WarningFiring?> EvaluateAsync(DashboardDbContext db, HouseholdRecord record, WarningModel settings, CancellationToken ct)
    {
        var window = TimeSpan.FromDays(settings.Read<RepeatedDisputeParameters>().WindowDays);
        var earlier = await HouseholdIndex.MatchesAsync(db, record, window, domesticViolenceOnly: false, ct);
        if (earlier.Count == 0) return null;
        var evidence = earlier.Append(record.Evidence).ToList();
        var subject = await HouseholdIndex.OpenSubjectAsync(db, Code, evidence, ct) ?? HouseholdSubject.Of(record);
        return new WarningFiring(Code, subject, HouseholdSubject.Title(record), record.JurisdictionPath, evidence,
            GridCode: record.GridCode, Lat: record.Lat, Lon: record.Lon);
    }
}

internal static class HouseholdSubject
{
    // Keys hold phones and ID numbers; the subject travels to screens and hub clients, so it carries only a digest.
    public static string Of(HouseholdRecord r) =>
        $"household:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Keys[0])))[..20]}";

    /// <summary>What a screen shows for the household: its address, else a masked phone or ID, never personal data in clear.</summary>
    public static string Title(HouseholdRecord r)
    {
        var title = r.Address ?? r.Keys.Select(k => k.Split(':', 2)).Select(p => p[0] switch
        {
            "tel" => PersonalDataMask.Phone(p[1]),
            "id" => PersonalDataMask.IdNumber(p[1]),
            _ => null,
        }).FirstOrDefault(t => t is not null) ?? r.Reference;
        return title!.Length > 200 ? title[..200] : title;
    }
}
