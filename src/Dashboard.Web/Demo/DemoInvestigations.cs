using Dashboard.Core.Data;
using Dashboard.Core.Investigations;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Dashboard.Simulator.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Demo;

/// <summary>
/// The other three investigations of the past days, so the register and the monthly report have something to show: a
/// few items a week per kind across the communities, most put right within their deadline, a few major, a few overdue.
/// Instability factors are rare, so some months have none and their report says 零报告.
/// </summary>
internal sealed class DemoInvestigations(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, LocalCalendar calendar, TimeProvider clock)
{
    private static readonly Dictionary<InvestigationKind, (double PerDay, (string Category, string Description, string Unit)[] Items)> Kinds = new()
    {
        [InvestigationKind.PublicOrder] = (0.5,
        [
            ("entertainment", "KTV 营业至凌晨，周边酒后滋事警情多发", "派出所治安组"),
            ("rental", "群租房人员流动大，多名租客未登记居住信息", "派出所社区民警"),
            ("hotspot", "夜市周边电动车被盗警情集中", "派出所巡防队"),
            ("other", "废品收购站收购来源不明的电缆", "派出所治安组"),
        ]),
        [InvestigationKind.Safety] = (0.6,
        [
            ("fire", "老旧小区楼道堆放杂物，堵塞消防通道", "镇消防工作站"),
            ("traffic", "村道与省道交叉口无信号灯，事故多发", "镇交管办"),
            ("construction", "工地塔吊临近学校作业，防护网破损", "镇建设管理所"),
            ("chemical", "家庭作坊违规存放油漆稀释剂", "镇安监办"),
            ("other", "河道护栏缺失，临水步道无警示牌", "镇水利站"),
        ]),
        [InvestigationKind.Instability] = (0.08,
        [
            ("petition", "拆迁补偿有争议，村民多次到镇政府反映", "镇信访办"),
            ("group", "企业拖欠工资，工人有聚集讨薪苗头", "镇劳动保障所"),
            ("mental", "有肇事肇祸风险的精神障碍患者，监护人外出务工", "村（社区）综治中心"),
        ]),
    };

    public async Task SeedAsync(int days, CancellationToken ct)
    {
        var rng = new Random(44);
        var now = clock.GetUtcNow();
        var communities = (await map.NodesAsync(ct)).Where(n => n.Level == JurisdictionLevel.Community).ToList();
        var items = new List<InvestigationItem>();
        var numbers = new Dictionary<int, int>();
        for (var day = days; day > 0; day--)
            foreach (var (kind, (perDay, choices)) in Kinds)
                for (var n = Poisson(rng, perDay); n > 0; n--)
                {
                    var (category, description, unit) = choices[rng.Next(choices.Length)];
                    var community = communities[rng.Next(communities.Count)];
                    var foundAt = now.AddDays(-day).AddMinutes(rng.Next(8 * 60, 18 * 60) - 12 * 60);
                    var year = calendar.ToLocal(foundAt).Year;
                    numbers[year] = numbers.GetValueOrDefault(year) + 1;
                    var item = new InvestigationItem
                    {
                        Number = $"PC-{year}-{numbers[year]:000000}", Kind = kind, Category = category, Place = community.Name,
                        Description = description, Major = rng.NextDouble() < 0.08, ResponsibleUnit = unit, ResponsiblePerson = SyntheticPeople.Name(rng),
                        Deadline = foundAt.AddDays(rng.Next(10, 31)), FoundAt = foundAt, RecordedBy = "staff1", JurisdictionPath = community.Path,
                    };
                    var fixedAt = foundAt.AddDays(rng.Next(2, 40));
                    if (fixedAt < now && rng.NextDouble() < 0.9) item.Resolve("已整改到位，复查合格，销号", fixedAt);
                    else if (rng.NextDouble() < 0.6) item.Start();
                    items.Add(item);
                }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.InvestigationItems.AddRange(items);
        await db.SaveChangesAsync(ct);
    }

    private static int Poisson(Random rng, double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= rng.NextDouble()) > limit) k++;
        return k;
    }
}
