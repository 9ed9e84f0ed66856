using Dashboard.Core.Warnings;

namespace Dashboard.Core.Tests.Warnings;

public class AddressNormalizerTests
{
    [Theory]
    // Full-width digits and letters, spaces and punctuation
    [InlineData("人民路12号", "人民路１２号")]
    [InlineData("阳光花园3栋2单元501室", "阳光花园 3栋，2单元、501室")]
    [InlineData("渭南村桥角郎14号", "渭南村·桥角郎 14 号")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路（123号）5栋—2单元 301室。")]
    [InlineData("阳光花园A座1102室", "阳光花园ａ幢１１０２")]
    // Chinese numerals, positional and digit by digit
    [InlineData("人民路12号", "人民路十二号")]
    [InlineData("人民路21号", "人民路二十一号")]
    [InlineData("人民路105号", "人民路一百零五号")]
    [InlineData("人民路105号", "人民路一〇五号")]
    [InlineData("建设路205号", "建设路两百零五号")]
    [InlineData("锦绣苑8幢1102室", "锦绣苑八幢一一零二室")]
    [InlineData("锦绣苑8幢201室", "锦绣苑八幢二〇一室")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123号五栋二单元三百零一室")]
    // Building, unit, room and group words
    [InlineData("阳光花园3栋501室", "阳光花园3幢501室")]
    [InlineData("阳光花园3栋501室", "阳光花园3号楼501室")]
    [InlineData("阳光花园3栋501室", "阳光花园3#楼501")]
    [InlineData("和泰小区12座0501", "和泰小区12栋501室")]
    [InlineData("阳光花园3栋501室", "阳光花园3栋501号房")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123号5栋2单元301号")]
    [InlineData("渭南村3组12号", "渭南村第三村民小组12号")]
    [InlineData("渭南村3组12号", "渭南村3社12号")]
    [InlineData("渭南村3组12号", "渭南村委会三组十二号")]
    [InlineData("和平里12号院3号楼2单元501", "和平里12号3栋2单元501室")]
    // Words and separators left out
    [InlineData("渭南村3组12号", "渭南村3组12")]
    [InlineData("翠湖新村3幢1102室", "翠湖新村3幢1102")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123号5-2-301")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123-5-2-301")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123-5栋2单元301室")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123 5栋 2单元 301")]
    [InlineData("金桂家园3栋501室", "金桂家园3-501")]
    [InlineData("金桂家园3栋2单元501室", "金桂家园3 - 2 - 501")]
    [InlineData("人民路12号", "人民路12号（张三家）")]
    [InlineData("阳光花园3栋501室", "阳光花园3栋5楼501室")]
    [InlineData("人民路12号3楼", "人民路十二号三层")]
    // Township and village prefixes
    [InlineData("城东镇渭南村3组12号", "渭南村3组12号")]
    [InlineData("江苏省苏州市相城区渭塘镇渭南村3组12号", "渭南村三组12号")]
    [InlineData("福建省泉州市丰泽区东海街道东海大街88号", "东海大街88号")]
    [InlineData("丰泽区东海街道办事处金山社区居委会东海大街88号", "金山社区东海大街88号")]
    [InlineData("泉州市丰泽区市场路8号", "市场路8号")]
    [InlineData("城东镇人民路12号", "人民路12号")]
    [InlineData("渭塘镇 渭塘镇渭南村桥角郎14号", "渭南村桥角郎十四号")]
    public void Same_household_written_differently_gives_the_same_key(string one, string other) =>
        Assert.Equal(AddressNormalizer.Key(one), AddressNormalizer.Key(other));

    [Theory]
    [InlineData("人民路12号", "人民路13号")]
    [InlineData("人民路12号", "建设路12号")]
    [InlineData("人民路十二号", "人民路二十一号")]
    [InlineData("人民路一百零五号", "人民路十五号")]
    [InlineData("阳光花园3栋501室", "阳光花园4栋501室")]
    [InlineData("阳光花园3栋501室", "阳光花园3栋502室")]
    [InlineData("人民路12号3楼", "人民路12号4楼")]
    [InlineData("阳光花园3栋501室", "阳光花园3单元501室")]
    [InlineData("阳光花园A座501室", "阳光花园B座501室")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123号5栋3单元301室")]
    [InlineData("凤凰路123号5栋2单元301室", "凤凰路123号5栋301室")]
    [InlineData("金桂家园3-2-501", "金桂家园3-2-502")]
    [InlineData("渭南村3组12号", "渭南村4组12号")]
    [InlineData("渭南村3组12号", "渭北村3组12号")]
    [InlineData("城东镇古镇村3组12号", "城东镇新桥村3组12号")]
    [InlineData("阳光小区3栋501室", "和泰小区3栋501室")]
    [InlineData("城市花园3栋501室", "都市花园3栋501室")]
    [InlineData("水乡花园3栋501室", "锦绣花园3栋501室")]
    [InlineData("新镇花园3栋501室", "锦绣花园3栋501室")]
    [InlineData("阳光花园一期3栋501室", "阳光花园二期3栋501室")]
    [InlineData("市场路8号", "场路8号")]
    [InlineData("人民路88-3号", "人民路88号")]
    [InlineData("人民路88-3号", "人民路3号")]
    public void Different_households_give_different_keys(string one, string other) =>
        Assert.NotEqual(AddressNormalizer.Key(one), AddressNormalizer.Key(other));

    [Theory]
    [InlineData("城东镇渭南村三组十二号", "渭南村3组12号")]
    [InlineData("渭南村 3村民小组 12", "渭南村3组12号")]
    [InlineData("凤凰路123-5-2-301", "凤凰路123号5栋2单元301室")]
    [InlineData("泉州市丰泽区市场路8号", "市场路8号")]
    [InlineData("阳光城市花园Ａ座1102", "阳光城市花园a栋1102室")]
    [InlineData("长乐路一百二十三弄五号", "长乐路123弄5号")]
    public void The_key_reads_as_the_canonical_address(string address, string key) =>
        Assert.Equal(key, AddressNormalizer.Key(address));

    [Theory]
    [InlineData("渭南村3组12号")]
    [InlineData("凤凰路123号5栋2单元301室")]
    [InlineData("人民路88-3号")]
    public void A_key_is_its_own_key(string address)
    {
        var key = AddressNormalizer.Key(address);
        Assert.Equal(key, AddressNormalizer.Key(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("　")]
    [InlineData("，。、——（）")]
    public void A_missing_or_blank_address_has_no_key(string? address) =>
        Assert.Null(AddressNormalizer.Key(address));

    [Theory]
    [InlineData("城东镇")]
    [InlineData("福建省泉州市丰泽区")]
    [InlineData("渭南村")]
    [InlineData("人民路（张三家）")]
    public void An_address_without_any_number_names_no_household(string address) =>
        Assert.Null(AddressNormalizer.Key(address));
}
