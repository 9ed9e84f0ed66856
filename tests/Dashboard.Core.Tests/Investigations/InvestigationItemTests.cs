using Dashboard.Core.Investigations;

namespace Dashboard.Core.Tests.Investigations;

public class InvestigationItemTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private static InvestigationItem Open() => new()
    {
        Number = "PC-2026-000001", Kind = InvestigationKind.Safety, Category = "fire", Description = "楼道堆放杂物",
        ResponsibleUnit = "某村委会", ResponsiblePerson = "王某", RecordedBy = "staff1", JurisdictionPath = "/T/S1/", FoundAt = T0,
        Deadline = T0.AddDays(7),
    };

    [Fact]
    public void An_item_is_started_then_resolved_with_its_result()
    {
        var item = Open();
        item.Start();
        Assert.Equal(InvestigationStatus.InProgress, item.Status);
        item.Resolve("  已清理 ", T0.AddDays(2));
        Assert.Equal(InvestigationStatus.Resolved, item.Status);
        Assert.Equal("已清理", item.Result);
        Assert.Equal(T0.AddDays(2), item.ResolvedAt);
        Assert.False(item.IsOverdue(T0.AddDays(30)));
    }

    [Fact]
    public void An_open_item_may_be_resolved_directly() 
    {
        var item = Open();
        item.Resolve("当场整改", T0);
        Assert.Equal(InvestigationStatus.Resolved, item.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolving_needs_a_result(string result)
    {
        var item = Open();
        var ex = Assert.Throws<DomainRuleException>(() => item.Resolve(result, T0));
        Assert.Equal("Investigation.ResultRequired", ex.Code);
        Assert.Equal(InvestigationStatus.Open, item.Status);
    }

    [Fact]
    public void A_resolved_item_cannot_be_started_again_or_resolved_twice()
    {
        var item = Open();
        item.Resolve("已整改", T0);
        Assert.Equal("Investigation.StartNotOpen", Assert.Throws<DomainRuleException>(item.Start).Code);
        Assert.Equal("Investigation.AlreadyResolved", Assert.Throws<DomainRuleException>(() => item.Resolve("再次", T0)).Code);
        Assert.Equal("已整改", item.Result);
    }

    [Fact]
    public void Work_starts_only_once()
    {
        var item = Open();
        item.Start();
        var ex = Assert.Throws<DomainRuleException>(item.Start);
        Assert.Equal("Investigation.StartNotOpen", ex.Code);
        Assert.Equal([InvestigationStatus.InProgress], ex.Arguments);
    }

    [Fact]
    public void An_open_item_past_its_deadline_is_overdue()
    {
        var item = Open();
        Assert.False(item.IsOverdue(T0.AddDays(6)));
        Assert.True(item.IsOverdue(T0.AddDays(8)));
    }

    [Theory]
    [InlineData(InvestigationKind.PublicOrder, "rental", true)]
    [InlineData(InvestigationKind.PublicOrder, "fire", false)]
    [InlineData(InvestigationKind.Instability, "petition", true)]
    [InlineData(InvestigationKind.Safety, null, false)]
    public void Categories_belong_to_their_kind(InvestigationKind kind, string? category, bool valid) =>
        Assert.Equal(valid, InvestigationCategories.IsValid(kind, category));

    [Fact]
    public void Input_with_missing_fields_or_a_foreign_category_lists_each_field()
    {
        var errors = new InvestigationInput("PublicOrder", "fire", null, " ", false, null, "王某", null, null, null).Validate(T0).ToDictionary();
        Assert.Equal(["category", "description", "responsibleUnit"], errors.Keys.Order());
        Assert.Contains("kind", new InvestigationInput("Bogus", "other", null, "x", false, "u", "p", null, null, null).Validate(T0).ToDictionary().Keys);
    }
}
