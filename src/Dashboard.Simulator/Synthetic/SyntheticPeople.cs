using System.Globalization;
using System.Text;
using Dashboard.Core.Alarms;
using Dashboard.Core.People;

namespace Dashboard.Simulator.Synthetic;

/// <summary>
/// Synthetic but valid-looking people: names, resident ID numbers and mobile numbers. Every draw comes from the
/// caller's <see cref="Random"/>, so the same seed gives the same people (the demo seeder relies on that).
/// </summary>
public static class SyntheticPeople
{
    // Ordered roughly by how common they are; the weight falls off with the position in the list.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
        "施", "沈", "顾", "陆", "钱", "蒋", "姚", "金", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "潘",
    ];

    private const string GivenNameCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文斌辉鹏飞云峰海燕雪梅晓东俊宇浩然子涵欣怡佳琪志伟春林凤琴";

    // Real county-level area codes: mostly the home district, some from provinces that send migrant workers.
    private static readonly string[] AreaCodes =
    [
        "320507", "320507", "320507", "320505", "320506", "320508", "320509", "320581", "320582", "320583", "320585",
        "320102", "341221", "411522", "510921", "340122", "320382", "321323",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "170", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
        "188", "189", "191", "193", "195", "198", "199",
    ];

    private static readonly DateOnly EarliestBirth = new(1945, 1, 1);
    private static readonly DateOnly LatestBirth = new(2006, 12, 31);

    /// <summary>A family name followed by a one- or two-character given name, e.g. 施建国.</summary>
    public static string Name(Random rng)
    {
        var name = new StringBuilder(Surname(rng));
        var givenLength = rng.NextDouble() < 0.3 ? 1 : 2;
        for (var i = 0; i < givenLength; i++) name.Append(GivenNameCharacters[rng.Next(GivenNameCharacters.Length)]);
        return name.ToString();
    }

    public static string Surname(Random rng)
    {
        // Squaring a uniform draw favours the front of the list, like real surname frequencies.
        var u = rng.NextDouble();
        return Surnames[(int)(u * u * Surnames.Length)];
    }

    /// <summary>An 18-character ID number with a real area code, the birth date and a correct check character.</summary>
    public static string IdNumber(Random rng, DateOnly? birthDate = null, bool? male = null)
    {
        var birth = birthDate ?? BirthDate(rng);
        var isMale = male ?? rng.Next(2) == 0;
        var sequence = rng.Next(0, 100) * 10 + OddOrEvenDigit(rng, isMale);
        var first17 = string.Concat(
            AreaCodes[rng.Next(AreaCodes.Length)],
            birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            sequence.ToString("D3", CultureInfo.InvariantCulture));
        return first17 + ChineseIdNumber.CheckCharacter(first17);
    }

    /// <summary>A birth date for an adult of working or retirement age.</summary>
    public static DateOnly BirthDate(Random rng) =>
        EarliestBirth.AddDays(rng.Next(LatestBirth.DayNumber - EarliestBirth.DayNumber + 1));

    /// <summary>An 11-digit mobile number with a prefix the Chinese carriers really use.</summary>
    public static string MobilePhone(Random rng)
    {
        var subscriber = rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return MobilePrefixes[rng.Next(MobilePrefixes.Length)] + subscriber;
    }

    /// <summary>A new person taking part in an alarm: caller, victim, the other side of a dispute…</summary>
    public static PartyInput Party(string role, Random rng) => new(Name(rng), IdNumber(rng), MobilePhone(rng), role);

    // The 17th digit is odd for men and even for women (GB 11643).
    private static int OddOrEvenDigit(Random rng, bool male) => rng.Next(0, 5) * 2 + (male ? 1 : 0);
}
