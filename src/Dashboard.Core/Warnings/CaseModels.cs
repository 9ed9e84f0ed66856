using System.Linq.Expressions;
using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

/// <summary>长期纠纷: a case still open after the set number of days; once per case.</summary>
public sealed class LongRunningDisputeModel : IScheduledModel
{
    public string Code => ModelCodes.LongRunningDispute;

    public async Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct)
    {
        var before = (now - TimeSpan.FromDays(settings.Read<LongRunningDisputeParameters>().OpenDays)).ToUniversalTime();
        var cases = await CaseFacts.Query(db, d => d.Status != DisputeStatus.Closed && d.RegisteredAt < before).ToListAsync(ct);
        return cases.Select(d => d.Firing(Code, $"case:{d.CaseNumber}", d.RegisteredAt)).ToList();
    }
}

/// <summary>调处超期: an open case past its deadline (plus grace); once per case and deadline, so a new deadline re-arms it.</summary>
public sealed class OverdueMediationModel : IScheduledModel
{
    public string Code => ModelCodes.OverdueMediation;

    public async Task<IReadOnlyList<WarningFiring>> ScanAsync(DashboardDbContext db, WarningModel settings, DateTimeOffset now, CancellationToken ct)
    {
        var due = (now - TimeSpan.FromHours(settings.Read<OverdueMediationParameters>().GraceHours)).ToUniversalTime();
        var cases = await CaseFacts.Query(db, d => d.Status != DisputeStatus.Closed && d.Deadline != null && d.Deadline < due).ToListAsync(ct);
        return cases.Select(d => d.Firing(Code, $"case:{d.CaseNumber}:due:{d.Deadline:yyyyMMddHHmm}", d.Deadline!.Value)).ToList();
    }
}

internal sealed record CaseFacts(
    string CaseNumber, string JurisdictionPath, string? GridCode, double? Lat, double? Lon, RiskColor Risk, string? Address,
    DisputeStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? Deadline)
{
    // The filter goes on the entity, before the projection: EF cannot translate a filter on a constructed record.
    public static IQueryable<CaseFacts> Query(DashboardDbContext db, Expression<Func<Dispute, bool>> filter) => db.Disputes.AsNoTracking()
        .Where(filter).OrderBy(d => d.Id)
        .Select(d => new CaseFacts(d.CaseNumber, d.JurisdictionPath, d.GridCode, d.Lat, d.Lon, d.Risk, d.Address, d.Status,
            d.RegisteredAt, d.Deadline));

    // A red case's warning is red; the others take the model's level.
    public WarningFiring Firing(string model, string subject, DateTimeOffset at) => new(
        model, subject, Address is { Length: > 0 } a ? $"{CaseNumber} {a}" : CaseNumber, JurisdictionPath,
        [new EvidenceItem(EvidenceItem.Case, CaseNumber, at)], Level: Risk == RiskColor.Red ? WarningLevel.Red : null,
        OncePerSubject: true, GridCode: GridCode, Lat: Lat, Lon: Lon);
}
