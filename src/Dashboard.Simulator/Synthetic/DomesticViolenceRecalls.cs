using Dashboard.Core.Warnings;

namespace Dashboard.Simulator.Synthetic;

/// <summary>
/// Domestic violence rarely ends with one call: once the officers leave, the same household often calls again — the
/// same night or within days — and now and then someone is hurt. Keeps the households due to call again, so the
/// domestic-violence model sees its second call (and, with an injury, its red warning) rather than waiting for the
/// ordinary repeat draw to happen to land on one of the few such households.
/// </summary>
internal sealed class DomesticViolenceRecalls
{
    /// <summary>Share of domestic-violence calls followed by another from the same household.</summary>
    public const double RecallShare = 0.5;

    /// <summary>Share of domestic-violence calls that report someone injured.</summary>
    public const double InjuryShare = 0.15;

    public static readonly TimeSpan SoonestRecall = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan LatestRecall = TimeSpan.FromDays(3);

    private readonly PriorityQueue<DisputeHousehold, DateTimeOffset> _due = new();

    public static bool IsDomesticViolence(AlarmKind kind) => kind.Subcategory == HouseholdRecord.DomesticViolenceSubcategory;

    /// <summary>After a domestic-violence call from the household: maybe it will call again.</summary>
    public void AfterCall(DisputeHousehold household, DateTimeOffset at, Random rng)
    {
        if (rng.NextDouble() >= RecallShare) return;
        // Log-uniform between half an hour and three days: as likely the same evening as in the days after.
        var delay = SoonestRecall * Math.Pow(LatestRecall / SoonestRecall, rng.NextDouble());
        _due.Enqueue(household, at + delay);
    }

    /// <summary>The household whose call comes next, if it comes by <paramref name="upTo"/>.</summary>
    public bool TryNext(DateTimeOffset upTo, out DisputeHousehold household, out DateTimeOffset at)
    {
        if (_due.TryPeek(out household!, out at) && at <= upTo)
        {
            _due.Dequeue();
            return true;
        }
        return false;
    }
}
