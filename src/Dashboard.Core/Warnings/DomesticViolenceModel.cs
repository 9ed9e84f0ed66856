namespace Dashboard.Core.Warnings;

/// <summary>家暴: domestic-violence calls about one household — the set count within the window, or one with injury (red at once).</summary>
public sealed class DomesticViolenceModel : IHouseholdModel
{
    public string Code => ModelCodes.DomesticViolence;

    public TimeSpan Window(WarningModel settings) => TimeSpan.FromDays(settings.Read<DomesticViolenceParameters>().WindowDays);

    public WarningFiring? Evaluate(HouseholdIndex index, HouseholdRecord record, WarningModel settings)
    {
        if (!record.DomesticViolence) return null;
        var earlier = index.Matches(record, Window(settings), domesticViolenceOnly: true);
        if (!record.Injury && earlier.Count + 1 < settings.Read<DomesticViolenceParameters>().Count) return null;
        var evidence = earlier.Append(record.Evidence with { Note = record.Injury ? "injury" : null }).ToList();
        return HouseholdSubject.Firing(Code, record, evidence, record.Injury ? WarningLevel.Red : null);
    }
}
