using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.People;

namespace Dashboard.Core.Warnings;

/// <summary>
/// 重复纠纷: a second dispute alarm or case about one household (same address, a party's ID number or a phone) within the
/// window. The evidence lists every matching record; a third one adds to the open warning that holds the earlier ones.
/// </summary>
public sealed class RepeatedDisputeModel : IHouseholdModel
{
    public string Code => ModelCodes.RepeatedDispute;

    public TimeSpan Window(WarningModel settings) => TimeSpan.FromDays(settings.Read<RepeatedDisputeParameters>().WindowDays);

    public WarningFiring? Evaluate(HouseholdIndex index, HouseholdRecord record, WarningModel settings)
    {
        var earlier = index.Matches(record, Window(settings), domesticViolenceOnly: false);
        return earlier.Count == 0 ? null : HouseholdSubject.Firing(Code, record, earlier.Append(record.Evidence).ToList(), null);
    }
}

internal static class HouseholdSubject
{
    // Keys hold phones and ID numbers; the subject travels to screens and hub clients, so it carries only a digest.
    public static string Of(HouseholdRecord r) =>
        $"household:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Keys[0])))[..20]}";

    /// <summary>
    /// A household firing joins the open warning that already holds one of its records (the same household may have been
    /// recognised by another key the first time), else opens one under this record's first key.
    /// </summary>
    public static WarningFiring Firing(string model, HouseholdRecord r, IReadOnlyList<EvidenceItem> evidence, WarningLevel? level) =>
        new(model, Of(r), Title(r), r.JurisdictionPath, evidence, Level: level, GridCode: r.GridCode, Lat: r.Lat, Lon: r.Lon,
            JoinByEvidence: true);

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
