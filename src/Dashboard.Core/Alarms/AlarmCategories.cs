namespace Dashboard.Core.Alarms;

/// <summary>The 110 category catalogue: categories and the subcategories that belong to each.</summary>
public static class AlarmCategories
{
    public const string Criminal = "criminal";
    public const string PublicOrder = "public_order";
    public const string Dispute = "dispute";
    public const string Traffic = "traffic";
    public const string Fire = "fire";
    public const string Assistance = "assistance";
    public const string Other = "other";

    public static readonly IReadOnlyDictionary<string, string[]> Subcategories = new Dictionary<string, string[]>
    {
        [Criminal] = ["theft.ebike", "theft.vehicle", "theft.other", "burglary", "fraud.telecom", "fraud.other", "robbery", "assault.injury"],
        [PublicOrder] = ["fight", "gambling", "noise", "drunk", "disorder"],
        [Dispute] = ["dispute.family", "dispute.domestic_violence", "dispute.neighbor", "dispute.labor", "dispute.land", "dispute.property", "dispute.consumer", "dispute.traffic", "dispute.other"],
        [Traffic] = ["traffic.accident", "traffic.congestion", "traffic.violation"],
        [Fire] = ["fire.building", "fire.vehicle", "fire.outdoor"],
        [Assistance] = ["assistance.lost_person", "assistance.medical", "assistance.locked_out", "assistance.other"],
        [Other] = ["other"],
    };

    public static IEnumerable<string> All => Subcategories.Keys;

    public static bool IsCategory(string? code) => code is not null && Subcategories.ContainsKey(code);

    public static bool BelongsTo(string category, string subcategory) =>
        Subcategories.TryGetValue(category, out var subs) && subs.Contains(subcategory, StringComparer.Ordinal);
}
