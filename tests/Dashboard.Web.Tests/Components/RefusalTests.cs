using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dashboard.Core;
using Dashboard.Core.Disputes;
using Dashboard.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Tests.Components;

/// <summary>A rule's refusal reaches the screen from the resources, in the reader's language; its English message stays for logs and the API.</summary>
public sealed partial class RefusalTests
{
    private static readonly string Root = FindRoot();

    [GeneratedRegex(@"new\s+DomainRuleException\(")]
    private static partial Regex ThrowSite();

    [GeneratedRegex(@"new\s+DomainRuleException\(\s*""(?<code>[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+)""")]
    private static partial Regex CodedThrowSite();

    [GeneratedRegex(@"\{(?<index>\d+)")]
    private static partial Regex Placeholder();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, string> RuleTexts(string file) =>
        XDocument.Load(Path.Combine(Root, "src/Dashboard.Web/Resources", file)).Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith("Rule.", StringComparison.Ordinal))
            .ToDictionary(d => ((string)d.Attribute("name")!)["Rule.".Length..], d => (string)d.Element("value")!);

    [Fact]
    public void Every_rule_thrown_in_the_source_has_a_stable_code_and_text_in_chinese_and_english()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var sites = sources.Sum(s => ThrowSite().Count(s));
        var codes = sources.SelectMany(s => CodedThrowSite().Matches(s)).Select(m => m.Groups["code"].Value).ToList();
        Assert.True(sites > 50, $"only {sites} throw sites found: is the source where the test looks ({Root})?");
        Assert.Equal(sites, codes.Count); // each site names its rule with a literal code

        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var texts = RuleTexts(file);
            Assert.Empty(codes.Distinct().Where(c => !texts.ContainsKey(c)).Select(c => $"{file}: Rule.{c} is missing"));
            Assert.Empty(texts.Keys.Except(codes).Select(c => $"{file}: Rule.{c} is not thrown anywhere"));
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{file}: Rule.{t.Key} is empty"));
            // Well-formed placeholders: the rule with the most arguments passes two.
            Assert.All(texts, t => Assert.True(Placeholder().Matches(t.Value).All(m => int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) < 2),
                $"{file}: Rule.{t.Key} uses a placeholder beyond {{1}}"));
            Assert.All(texts, t => _ = string.Format(CultureInfo.InvariantCulture, t.Value, "a", "b"));
        }
    }

    [Fact]
    public void A_refused_step_names_the_status_and_the_step_in_the_readers_language_and_keeps_its_english_message()
    {
        var d = new Dispute { CaseNumber = "JF-1", Description = "x", JurisdictionPath = "/T001/S001/", RegisteredBy = "staff1" };
        d.Route("司法所", "张三", null, DateTimeOffset.UtcNow.AddDays(3), "staff1", DateTimeOffset.UtcNow);
        var ex = Assert.Throws<DomainRuleException>(() => d.RequestClosure("已和解", "staff1", DateTimeOffset.UtcNow));

        Assert.Equal("Dispute.TransitionNotAllowed", ex.Code);
        Assert.Equal("RequestClosure is not allowed while the case is Routed.", ex.Message);
        Assert.Equal("案件当前为“已分流”，不能申请结案", In("zh-CN", l => l.Refusal(ex)));
        Assert.Equal("This step is not possible while the case is “Routed”.", In("en", l => l.Refusal(ex)));
    }

    [Fact]
    public void Numbers_are_passed_through_and_an_unknown_rule_or_term_falls_back_to_english()
    {
        var rows = new DomainRuleException("Ledger.TooManyRows", "A ledger import takes at most 5000 rows.", 5000);
        Assert.Equal("台账一次最多导入 5000 行", In("zh-CN", l => l.Refusal(rows)));

        var unknown = new DomainRuleException("Nowhere.Unheard", "Something English.");
        Assert.Equal("Something English.", In("zh-CN", l => l.Refusal(unknown)));

        var model = new DomainRuleException("WarningModel.StoredParametersInvalid", "…",
            new RuleTerm("WarningModel.no-such-model", "no-such-model"), "bad json");
        Assert.Equal("预警模型“no-such-model”的参数有误：bad json", In("zh-CN", l => l.Refusal(model)));
    }

    private static string In(string culture, Func<IStringLocalizer, string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
            return text(services.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
