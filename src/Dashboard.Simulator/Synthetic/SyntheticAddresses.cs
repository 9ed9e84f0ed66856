namespace Dashboard.Simulator.Synthetic;

/// <summary>
/// Household addresses as a township's call-takers write them: village style (渭南村桥角郎14号, 渭南村3组12号) for
/// villages and urban style (凤凰路123号5栋2单元301室, 凤凰花园3幢1102室) for residential communities.
/// </summary>
public static class SyntheticAddresses
{
    // Natural-village names (自然村) of the Taihu plain; none contains a numeral, so variants stay unambiguous.
    private static readonly string[] Hamlets =
    [
        "桥角郎", "东浜", "西港", "前巷", "后埭", "南舍", "北桥头", "陆家浜", "沈家角", "金家宅", "张家湾", "塘东", "河西",
        "庙前", "钱家浜", "顾家场", "新宅", "荡口",
    ];

    private static readonly string[] Roads = ["人民路", "建设路", "振兴路", "澄阳路", "长康路", "富民路", "太平街", "春申路", "永安路"];

    private static readonly string[] Estates = ["阳光花园", "锦绣苑", "翠湖新村", "金桂家园", "御景湾", "和泰小区", "香樟园"];

    private static readonly string[] RoadSuffixes = ["路", "街", "大道"];

    private static readonly string[] EstateSuffixes = ["花园", "新村", "家园", "苑", "小区"];

    private static readonly string[] CommunitySuffixes = ["社区居委会", "居委会", "社区", "村委会", "村", "街道"];

    /// <summary>An address in the community: village style when the community is a village (…村), else urban.</summary>
    public static string ForCommunity(string township, string community, Random rng) =>
        community.EndsWith('村') ? Village(township, community, rng) : Urban(township, community, rng);

    /// <summary>渭塘镇渭南村桥角郎14号 or 渭塘镇渭南村3组12号.</summary>
    public static string Village(string township, string village, Random rng)
    {
        var house = rng.Next(1, 121);
        return rng.Next(2) == 0
            ? $"{township}{village}{Hamlets[rng.Next(Hamlets.Length)]}{house}号"
            : $"{township}{village}{rng.Next(1, 19)}组{house}号";
    }

    /// <summary>渭塘镇凤凰路123号5栋2单元301室, 渭塘镇凤凰花园3幢1102室 or a street-front 渭塘镇凤凰路88号.</summary>
    public static string Urban(string township, string community, Random rng)
    {
        var stem = Stem(community);
        var room = $"{rng.Next(1, 19)}{rng.Next(1, 5):D2}";
        var roll = rng.NextDouble();
        if (roll < 0.45)
        {
            var road = rng.Next(3) == 0 ? Roads[rng.Next(Roads.Length)] : stem + RoadSuffixes[rng.Next(RoadSuffixes.Length)];
            return $"{township}{road}{rng.Next(1, 400)}号{rng.Next(1, 31)}栋{rng.Next(1, 5)}单元{room}室";
        }
        if (roll < 0.85)
        {
            var estate = rng.Next(3) == 0 ? Estates[rng.Next(Estates.Length)] : stem + EstateSuffixes[rng.Next(EstateSuffixes.Length)];
            return $"{township}{estate}{rng.Next(1, 31)}幢{room}室";
        }
        return $"{township}{stem}{RoadSuffixes[rng.Next(RoadSuffixes.Length)]}{rng.Next(1, 400)}号";
    }

    /// <summary>
    /// The same household written differently, the way another call-taker would: township prefix added or dropped,
    /// 14 ↔ 十四, full-width digits, spaces or punctuation, 栋 ↔ 幢, 组 ↔ 村民小组, 号 or 室 dropped… Always differs
    /// from <paramref name="address"/>.
    /// </summary>
    public static string Variant(string address, Random rng, string? township = null) =>
        AddressRewrites.Apply(address, township, rng);

    private static string Stem(string community)
    {
        foreach (var suffix in CommunitySuffixes)
        {
            if (community.Length > suffix.Length && community.EndsWith(suffix, StringComparison.Ordinal))
                return community[..^suffix.Length];
        }
        return community;
    }
}
