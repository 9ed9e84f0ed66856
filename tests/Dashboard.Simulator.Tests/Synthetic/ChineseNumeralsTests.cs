using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.Tests.Synthetic;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData(4, "四")]
    [InlineData(10, "十")]
    [InlineData(14, "十四")]
    [InlineData(20, "二十")]
    [InlineData(105, "一百零五")]
    [InlineData(115, "一百一十五")]
    [InlineData(300, "三百")]
    public void Numbers_are_read_the_way_people_say_them(int value, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Positional(value));

    [Fact]
    public void Every_positional_reading_converts_back_to_its_number()
    {
        var failures = Enumerable.Range(0, 1000)
            .Where(n => ChineseNumerals.ToArabic(ChineseNumerals.Positional(n)) != n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Room_numbers_read_digit_by_digit_convert_back() =>
        Assert.Equal("1102", ChineseNumerals.ToArabic(ChineseNumerals.DigitByDigit("1102")));

    [Fact]
    public void Full_width_digits_replace_ascii_digits_only() =>
        Assert.Equal("凤凰路１２３号", ChineseNumerals.ToFullWidth("凤凰路123号"));
}
