using Dashboard.Simulator.Synthetic;

namespace Dashboard.Simulator.Tests.Synthetic;

public sealed class SyntheticAddressesTests
{
    private const string Township = "渭塘镇";

    [Fact]
    public void Village_addresses_name_the_township_the_village_and_a_house_number()
    {
        var rng = new Random(1);

        var addresses = Enumerable.Range(0, 500).Select(_ => SyntheticAddresses.ForCommunity(Township, "渭南村", rng)).ToList();

        Assert.All(addresses, a => Assert.Matches("^渭塘镇渭南村(\\p{IsCJKUnifiedIdeographs}+|[0-9]+组)[0-9]+号$", a));
        Assert.Contains(addresses, a => a.Contains('组'));
        Assert.Contains(addresses, a => !a.Contains('组'));
    }

    [Fact]
    public void Urban_addresses_use_roads_buildings_and_rooms()
    {
        var rng = new Random(2);

        var addresses = Enumerable.Range(0, 500).Select(_ => SyntheticAddresses.ForCommunity(Township, "凤凰社区", rng)).ToList();

        Assert.All(addresses, a => Assert.StartsWith(Township, a));
        Assert.Contains(addresses, a => System.Text.RegularExpressions.Regex.IsMatch(a, "[0-9]+号[0-9]+栋[0-9]+单元[0-9]+室$"));
        Assert.Contains(addresses, a => System.Text.RegularExpressions.Regex.IsMatch(a, "[0-9]+幢[0-9]+室$"));
        Assert.Contains(addresses, a => a.Contains("凤凰", StringComparison.Ordinal));
        Assert.DoesNotContain(addresses, a => a.Contains("社区", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_always_reads_differently_from_the_original()
    {
        var rng = new Random(3);
        var originals = Enumerable.Range(0, 2_000)
            .Select(i => SyntheticAddresses.ForCommunity(Township, i % 2 == 0 ? "渭南村" : "凤凰社区", rng)).ToList();

        var variants = originals.Select(a => SyntheticAddresses.Variant(a, rng, Township)).ToList();

        Assert.All(originals.Zip(variants), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(variants, v => Assert.InRange(v.Length, 1, 200));
    }

    [Theory]
    [InlineData("十")]
    [InlineData("１")]
    [InlineData("村民小组")]
    [InlineData("幢")]
    [InlineData(" ")]
    public void Variants_use_the_spellings_call_takers_use(string spelling)
    {
        var rng = new Random(4);
        var originals = Enumerable.Range(0, 500)
            .Select(i => SyntheticAddresses.ForCommunity(Township, i % 2 == 0 ? "渭南村" : "凤凰社区", rng)).ToList();

        var variants = originals.Select(a => SyntheticAddresses.Variant(a, rng, Township)).ToList();

        Assert.Contains(variants, v => v.Contains(spelling, StringComparison.Ordinal));
    }

    [Fact]
    public void Variants_sometimes_drop_the_township_prefix()
    {
        var rng = new Random(5);

        var variants = Enumerable.Range(0, 300).Select(_ => SyntheticAddresses.Variant("渭塘镇渭南村桥角郎14号", rng, Township)).ToList();

        Assert.Contains(variants, v => v.StartsWith("渭南村", StringComparison.Ordinal));
    }

    [Fact]
    public void Variants_without_a_known_township_can_still_drop_its_prefix()
    {
        var rng = new Random(6);

        var variants = Enumerable.Range(0, 300).Select(_ => SyntheticAddresses.Variant("渭塘镇渭南村3组12号", rng)).ToList();

        Assert.Contains(variants, v => v.StartsWith("渭南村", StringComparison.Ordinal));
    }
}
