using System.Globalization;
using Dashboard.Core.People;
using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.Tests.Synthetic;

public sealed class SyntheticPeopleTests
{
    [Fact]
    public void Every_generated_id_number_has_a_valid_check_character()
    {
        var rng = new Random(1);

        var ids = Enumerable.Range(0, 10_000).Select(_ => SyntheticPeople.IdNumber(rng)).ToList();

        Assert.All(ids, id => Assert.True(ChineseIdNumber.IsValid(id), id));
    }

    [Fact]
    public void Id_numbers_carry_the_birth_date_and_sex_they_were_asked_for()
    {
        var rng = new Random(2);
        var birth = new DateOnly(1980, 1, 1);

        var man = SyntheticPeople.IdNumber(rng, birth, male: true);
        var woman = SyntheticPeople.IdNumber(rng, birth, male: false);

        Assert.Equal("19800101", man[6..14]);
        Assert.Equal(1, (man[16] - '0') % 2);
        Assert.Equal(0, (woman[16] - '0') % 2);
    }

    [Fact]
    public void Id_numbers_belong_to_adults_born_after_the_war()
    {
        var rng = new Random(3);

        var births = Enumerable.Range(0, 2_000)
            .Select(_ => DateOnly.ParseExact(SyntheticPeople.IdNumber(rng)[6..14], "yyyyMMdd", CultureInfo.InvariantCulture));

        Assert.All(births, b => Assert.InRange(b.Year, 1945, 2006));
    }

    [Fact]
    public void Mobile_numbers_have_eleven_digits_and_a_carrier_prefix()
    {
        var rng = new Random(4);

        var phones = Enumerable.Range(0, 10_000).Select(_ => SyntheticPeople.MobilePhone(rng)).ToList();

        Assert.All(phones, phone =>
        {
            Assert.Matches("^1[35789][0-9]{9}$", phone);
            Assert.True(PhoneNumber.IsPlausible(phone));
        });
        Assert.True(phones.Distinct().Count() > 9_900, "phones should rarely repeat");
    }

    [Fact]
    public void Names_are_a_common_family_name_and_one_or_two_given_characters()
    {
        var rng = new Random(5);

        var names = Enumerable.Range(0, 2_000).Select(_ => SyntheticPeople.Name(rng)).ToList();

        Assert.All(names, name => Assert.InRange(name.Length, 2, 3));
        Assert.Contains(names, n => n.Length == 2);
        Assert.Contains(names, n => n.Length == 3);
        Assert.True(names.Count(n => n[0] is '王' or '李' or '张') > names.Count(n => n[0] is '潘' or '彭' or '曹'));
    }

    [Fact]
    public void A_party_has_a_name_a_valid_id_a_phone_and_the_role_asked_for()
    {
        var party = SyntheticPeople.Party("caller", new Random(6));

        Assert.False(string.IsNullOrEmpty(party.Name));
        Assert.True(ChineseIdNumber.IsValid(party.IdNumber));
        Assert.True(PhoneNumber.IsPlausible(party.Phone!));
        Assert.Equal("caller", party.Role);
    }

    [Fact]
    public void The_same_seed_gives_the_same_people()
    {
        var (one, other) = (new Random(7), new Random(7));

        var first = Enumerable.Range(0, 5).Select(_ => SyntheticPeople.Party("caller", one)).ToList();
        var again = Enumerable.Range(0, 5).Select(_ => SyntheticPeople.Party("caller", other)).ToList();

        Assert.Equal(first, again);
        Assert.Equal(5, first.Distinct().Count());
    }
}
