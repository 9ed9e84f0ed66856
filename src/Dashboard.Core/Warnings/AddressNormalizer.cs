using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Warnings;

/// <summary>
/// Turns a household address into the key the repeated-dispute (重复纠纷) model compares: two call-takers' spellings of
/// one household give the same key, e.g. 城东镇渭南村三组十二号 and 渭南村 3村民小组 12 both give 渭南村3组12号.
/// The key is itself a readable address: a name followed by numbers that each carry their kind (组, 号, 栋, 单元, 层, 室).
/// </summary>
public static partial class AddressNormalizer
{
    // Characters that may belong to a number; a separator between two of them splits numbers (3-2-501), elsewhere it is noise.
    private const string NumberChar = "0-9a-z〇零一二三四五六七八九十百千两";

    // Characters no administrative name contains, so a prefix cannot run on into a road, village or house number.
    private const string AdminName = "[^0-9\\-省市区县镇乡街路巷弄村组号栋室]";

    // The suffixes of the levels above a village. The look-arounds keep names that merely end in such a character:
    // 城市花园, 市场路, 阳光小区, 金山社区, 古镇村, 水乡花园.
    private const string AdminLevel =
        "省|自治区|自治州|地区|(?<![城都超夜门集菜花])市(?!场)|(?<![小社园校景片厂宅营活舍])区|" +
        "街道办事处|街道办|街道|(?<![古小])镇(?![村路])|(?<![水故家城梦])乡(?!村)";

    private static readonly (Func<Regex> Pattern, string Replacement)[] Synonyms =
    [
        (Ordinal, ""),
        (Room, "室"),
        (Building, "栋"),
        (Floor, "层"),
        (FloorAboveRoom, ""),
        (Compound, "号"),
        (Group, "组"),
        (VillageCommittee, "村"),
        (ResidentsCommittee, "社区"),
    ];

    /// <summary>The household key of <paramref name="address"/>; null when it names no numbered household.</summary>
    public static string? Key(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        // FormKC folds full-width digits, letters and punctuation (１２, Ａ, －) into their ASCII forms.
        var text = address.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace('#', '号');
        text = Separator().Replace(text, m => m.Groups["joint"].Success ? "-" : "");
        text = AdministrativePrefix().Replace(text, "");
        text = ChineseNumerals.ToArabic(text);
        foreach (var (pattern, replacement) in Synonyms) text = pattern().Replace(text, replacement);
        return AddressParts.Compose(text);
    }

    [GeneratedRegex($@"(?<joint>(?<=[{NumberChar}])[\s\p{{P}}\p{{S}}]+(?=[{NumberChar}]))|[\s\p{{P}}\p{{S}}]+")]
    private static partial Regex Separator();

    // Any run of administrative names, in whatever order and as often as written, so stripping stays consistent when
    // a call-taker repeats the township. A name has two characters or more (新镇花园 is an estate), except a county (沛县).
    // The prefix must be followed by a name, so 工业区3栋 is not reduced to a bare 3栋.
    [GeneratedRegex($"^(?:{AdminName}{{2,8}}?(?:{AdminLevel})|{AdminName}{{1,8}}?县)*(?=[^0-9\\-])")]
    private static partial Regex AdministrativePrefix();

    // 第三组 is 三组.
    [GeneratedRegex("第(?=[0-9])")]
    private static partial Regex Ordinal();

    [GeneratedRegex("(?<=[0-9a-z])(?:号房|房间|室|房)")]
    private static partial Regex Room();

    // 3号楼, 3#楼, 3幢 and A座 all name a building.
    [GeneratedRegex("(?<=[0-9a-z])(?:[号栋幢座]楼|栋|幢|座)")]
    private static partial Regex Building();

    // What is left of 楼 after a number, once 3号楼 became a building, is a floor: 人民路12号3楼.
    [GeneratedRegex("(?<=[0-9])[楼层]")]
    private static partial Regex Floor();

    // Inside a building the room number already tells the floor: 3栋5楼501室 is 3栋501室.
    [GeneratedRegex("(?<=栋|单元)[0-9]+层(?=[0-9a-z])")]
    private static partial Regex FloorAboveRoom();

    // 12号院 is the house number of a compound on the road, written like any other 号.
    [GeneratedRegex("(?<=[0-9a-z])号院")]
    private static partial Regex Compound();

    // 村民小组, 生产队 and 社 are what different regions call a village group; 社区 is a community, not a group.
    [GeneratedRegex("(?<=[0-9a-z])(?:村民小组|小组|生产队|队|社(?!区))")]
    private static partial Regex Group();

    [GeneratedRegex("村(?:民委员会|委会|委)")]
    private static partial Regex VillageCommittee();

    [GeneratedRegex("(?:社区)?(?:居民委员会|居委会)")]
    private static partial Regex ResidentsCommittee();
}
