using Dashboard.Core.People;

namespace Dashboard.Core.Tests.People;

public class PersonalDataTests
{
    [Theory]
    [InlineData("320507198001011234", "320507********1234")]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("", "")]
    public void Id_numbers_keep_region_and_last_four(string raw, string masked) => Assert.Equal(masked, PersonalDataMask.IdNumber(raw));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0512-65551234", "051******1234")]
    [InlineData("110", "*10")]
    public void Phones_hide_the_middle(string raw, string masked) => Assert.Equal(masked, PersonalDataMask.Phone(raw));

    [Theory]
    [InlineData("施某某", "施**")]
    [InlineData("施某", "施*")]
    [InlineData("欧阳娜娜", "欧***")]
    public void Names_keep_only_the_first_character(string raw, string masked) => Assert.Equal(masked, PersonalDataMask.Name(raw));

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(PersonalDataMask.IdNumber(null));
        Assert.Null(PersonalDataMask.Phone(null));
        Assert.Null(PersonalDataMask.Name(null));
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("110105194913310029", false)]
    [InlineData("1101051949123100", false)]
    public void Id_number_check_character_follows_GB_11643(string value, bool valid) => Assert.Equal(valid, ChineseIdNumber.IsValid(value));
}
