using Dashboard.Core.Alarms;

namespace Dashboard.Simulator.Synthetic;

/// <summary>What kind of call it is, as the 110 centre files it.</summary>
public sealed record AlarmKind(string Category, string Subcategory, int Priority, string Summary);

/// <summary>
/// The realistic 110 mix of a township of ~100,000 people: which categories come in, how urgent they are, what the
/// callers say, and when during the day and week the calls arrive.
/// </summary>
public static class AlarmMix
{
    /// <summary>Calls a day in an average week for a township of about 100,000 residents.</summary>
    public const double ExpectedPerDay = 45;

    public static readonly IReadOnlyDictionary<string, double> CategoryShares = new Dictionary<string, double>
    {
        [AlarmCategories.Dispute] = 0.28,
        [AlarmCategories.Assistance] = 0.24,
        [AlarmCategories.PublicOrder] = 0.15,
        [AlarmCategories.Traffic] = 0.15,
        [AlarmCategories.Criminal] = 0.10,
        [AlarmCategories.Fire] = 0.02,
        [AlarmCategories.Other] = 0.06,
    };

    // Relative calls per local hour: a trough from 2 to 6, a late-morning peak and the evening peak at 19–22.
    private static readonly double[] RawHourWeights =
    [
        0.55, 0.40, 0.25, 0.20, 0.20, 0.25, 0.45, 0.75, 1.00, 1.20, 1.35, 1.40,
        1.15, 1.10, 1.20, 1.25, 1.30, 1.35, 1.45, 1.60, 1.70, 1.65, 1.35, 0.90,
    ];

    private static readonly double[] HourWeights = RawHourWeights.Select(w => w * 24 / RawHourWeights.Sum()).ToArray();

    // Indexed by DayOfWeek (Sunday first); averages to 1 so ExpectedPerDay stays the weekly mean.
    private static readonly double[] WeekdayWeights = [1.03, 0.93, 0.92, 0.92, 0.93, 1.12, 1.15];

    public static AlarmKind Draw(Random rng)
    {
        var roll = rng.NextDouble();
        foreach (var (category, share) in CategoryShares)
        {
            if (roll < share) return DrawIn(category, rng);
            roll -= share;
        }
        return DrawIn(AlarmCategories.Other, rng);
    }

    /// <summary>A call of the given category, its subcategory drawn by how common each one is.</summary>
    public static AlarmKind DrawIn(string category, Random rng)
    {
        var profiles = AlarmProfiles.ByCategory[category];
        var roll = rng.NextDouble() * profiles.Sum(p => p.Weight);
        foreach (var profile in profiles)
        {
            if (roll < profile.Weight) return Describe(category, profile, rng);
            roll -= profile.Weight;
        }
        return Describe(category, profiles[^1], rng);
    }

    /// <summary>Another call about the same kind of trouble, e.g. the second family dispute at one household.</summary>
    public static AlarmKind DrawLike(AlarmKind earlier, Random rng) => DrawOf(earlier.Category, earlier.Subcategory, rng);

    /// <summary>A call of the given subcategory, with its usual priority (graded differently now and then) and a summary.</summary>
    public static AlarmKind DrawOf(string category, string subcategory, Random rng) =>
        Describe(category, AlarmProfiles.Find(subcategory), rng);

    /// <summary>Relative call volume at a local hour (0–23); the 24 weights average to 1.</summary>
    public static double HourWeight(int hour) => HourWeights[hour];

    /// <summary>Relative call volume on a weekday; Friday and Saturday are busier. The seven weights average to 1.</summary>
    public static double WeekdayWeight(DayOfWeek day) => WeekdayWeights[(int)day];

    /// <summary>Expected calls per hour at the given moment, on the township's local clock.</summary>
    public static double ExpectedPerHour(DateTimeOffset at, double rate = 1)
    {
        var local = ChinaTime.Of(at);
        return ExpectedPerDay / 24 * HourWeight(local.Hour) * WeekdayWeight(local.DayOfWeek) * rate;
    }

    /// <summary>How many calls arrive in the hour starting at <paramref name="hourStart"/>.</summary>
    public static int CountForHour(DateTimeOffset hourStart, Random rng, double rate = 1) =>
        PoissonCount(ExpectedPerHour(hourStart, rate), rng);

    /// <summary>A Poisson-distributed count with the given mean.</summary>
    public static int PoissonCount(double mean, Random rng)
    {
        if (mean <= 0) return 0;
        // Knuth's method underflows for large means; a sum of Poisson draws is Poisson, so split the mean.
        var count = 0;
        for (; mean > 30; mean -= 30) count += PoissonCount(30, rng);
        var limit = Math.Exp(-mean);
        var product = rng.NextDouble();
        while (product > limit)
        {
            count++;
            product *= rng.NextDouble();
        }
        return count;
    }

    /// <summary>
    /// Arrival times of calls between two moments, in order and in China time: a Poisson process whose intensity
    /// follows the hour and weekday rhythm. The demo seeder uses it to lay down a year of history.
    /// </summary>
    public static IEnumerable<DateTimeOffset> ArrivalTimes(DateTimeOffset from, DateTimeOffset to, Random rng, double rate = 1)
    {
        for (var sliceStart = from; sliceStart < to;)
        {
            var local = ChinaTime.Of(sliceStart);
            var nextHour = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, ChinaTime.Offset).AddHours(1);
            var sliceEnd = nextHour < to ? nextHour : to;
            var span = sliceEnd - sliceStart;
            var count = PoissonCount(ExpectedPerHour(sliceStart, rate) * span.TotalHours, rng);
            var offsets = Enumerable.Range(0, count).Select(_ => rng.NextDouble() * span.Ticks).Order().ToList();
            foreach (var offset in offsets) yield return ChinaTime.Of(sliceStart.AddTicks((long)offset));
            sliceStart = sliceEnd;
        }
    }

    private static AlarmKind Describe(string category, AlarmProfile profile, Random rng)
    {
        // Call-takers grade the same kind of call differently now and then.
        var priority = rng.NextDouble() switch
        {
            < 0.08 => profile.Priority - 1,
            > 0.92 => profile.Priority + 1,
            _ => profile.Priority,
        };
        var summary = profile.Summaries[rng.Next(profile.Summaries.Length)];
        return new AlarmKind(category, profile.Subcategory, Math.Clamp(priority, 1, 4), summary);
    }
}
