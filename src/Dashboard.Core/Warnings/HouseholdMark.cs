namespace Dashboard.Core.Warnings;

/// <summary>
/// One way to recognise the household behind a dispute alarm or case: its normalised address (within one township),
/// a party's ID number or a phone. The repeated-dispute and domestic-violence models look a household up by these keys
/// through an index instead of scanning every past record.
/// </summary>
public sealed class HouseholdMark
{
    public long Id { get; set; }
    /// <summary><c>addr:/T001/|渭南村3组12号</c>, <c>id:330…</c> or <c>tel:138…</c>.</summary>
    public required string Key { get; set; }
    /// <summary>The record: an alarm's externalId or a case number.</summary>
    public required string Reference { get; set; }
    /// <summary><c>alarm</c> or <c>case</c>, as in warning evidence.</summary>
    public required string Kind { get; set; }
    public bool DomesticViolence { get; set; }
    public bool Injury { get; set; }
    public DateTimeOffset At { get; set; }
    public required string JurisdictionPath { get; set; }
}
