using Dashboard.Core.Alarms;
using Dashboard.Core.Data;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Live;
using Dashboard.Core.Time;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Disputes;

/// <summary>
/// Registers cases (登记受理) from every source: the staff form, a dispute alarm, a grid worker, the hotline and grid app
/// through the API (idempotent on externalId, a bad item never sinks the good ones). Whoever finds a dispute registers it;
/// routing decides who resolves it (排调分离).
/// </summary>
public sealed class DisputeIntake(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, LocalCalendar calendar, ILiveBus bus, TimeProvider clock)
{
    public async Task<IReadOnlyList<ItemOutcome<DisputeAccepted>>> IngestAsync(
        IReadOnlyList<(int Index, DisputeInput Input)> items, IngestionSource source, string sender, CancellationToken ct = default)
    {
        try
        {
            return await TryIngestAsync(items, source, sender, ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request took an externalId or a case number first: the retry sees it.
            return await TryIngestAsync(items, source, sender, ct);
        }
    }

    /// <summary>A case registered on the form by a person, placed within their own jurisdiction.</summary>
    public async Task<ItemOutcome<DisputeAccepted>> RegisterAsync(
        DisputeInput input, DisputeSource source, string actor, JurisdictionScope scope, CancellationToken ct = default)
    {
        var errors = input.Validate(clock.GetUtcNow(), fromUpstream: false);
        if (errors.Any) return ItemOutcome<DisputeAccepted>.Rejected(0, errors.ToDictionary());
        var outcomes = await IngestAsync([(0, input with { ExternalId = null, Source = source.ToString() })], new IngestionSource(null, scope), actor, ct);
        return outcomes[0];
    }

    /// <summary>One click from a dispute alarm: the case copies its facts and parties, and each points at the other.</summary>
    public async Task<DisputeAccepted> FromAlarmAsync(long alarmId, RiskColor risk, string actor, JurisdictionScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarm = await db.Alarms.InScope(scope).Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == alarmId, ct)
            ?? throw new DomainRuleException("Alarm.NotInScope", "No such alarm in your jurisdiction.");
        if (alarm.DisputeId is { } existing)
        {
            var known = await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == existing, ct);
            return new DisputeAccepted(known.Id, known.CaseNumber, known.ExternalId, known.GridCode, Duplicate: true);
        }
        if (alarm.Category != AlarmCategories.Dispute) throw new DomainRuleException("Dispute.AlarmNotDispute", "Only a dispute alarm can become a dispute case.");

        var now = clock.GetUtcNow();
        // The case needs its id before the alarm can point at it: two saves, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dispute = new Dispute
        {
            CaseNumber = await CaseNumbersOf(db).NextAsync(now, ct), Source = DisputeSource.Alarm, AlarmId = alarm.Id,
            Category = CategoryOfAlarm(alarm.Subcategory), Risk = risk, Description = alarm.Summary, Address = alarm.Address,
            Lat = alarm.Lat, Lon = alarm.Lon, GridCode = alarm.GridCode, JurisdictionPath = alarm.JurisdictionPath,
            PeopleInvolved = Math.Max(2, alarm.Parties.Count), RegisteredAt = now, RegisteredBy = actor,
            Parties = alarm.Parties.Select(p => new DisputeParty { Name = p.Name, IdNumber = p.IdNumber, Phone = p.Phone, Role = p.Role }).ToList(),
        };
        dispute.RecordRegistration(now);
        db.Disputes.Add(dispute);
        await db.SaveChangesAsync(ct);
        alarm.DisputeId = dispute.Id;
        db.Audit(actor, "dispute.register", dispute.CaseNumber, $"from alarm {alarm.ExternalId}, risk={risk}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(dispute);
        return new DisputeAccepted(dispute.Id, dispute.CaseNumber, null, dispute.GridCode, Duplicate: false);
    }

    public static DisputeCategory CategoryOfAlarm(string? subcategory) => subcategory switch
    {
        "dispute.family" => DisputeCategory.Family,
        "dispute.neighbor" => DisputeCategory.Neighbor,
        "dispute.labor" => DisputeCategory.Labor,
        "dispute.land" => DisputeCategory.Land,
        "dispute.property" => DisputeCategory.Property,
        "dispute.traffic" => DisputeCategory.TrafficAccident,
        "dispute.medical" => DisputeCategory.Medical,
        _ => DisputeCategory.Other,
    };

    private async Task<IReadOnlyList<ItemOutcome<DisputeAccepted>>> TryIngestAsync(
        IReadOnlyList<(int Index, DisputeInput Input)> items, IngestionSource source, string sender, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = items.Select(i => i.Input.ExternalId).OfType<string>().Distinct().ToList();
        var existing = await db.Disputes.AsNoTracking().Where(d => d.ExternalId != null && ids.Contains(d.ExternalId))
            .Select(d => new DisputeAccepted(d.Id, d.CaseNumber, d.ExternalId, d.GridCode, true))
            .ToDictionaryAsync(d => d.ExternalId!, ct);

        var numbers = CaseNumbersOf(db);
        var now = clock.GetUtcNow();
        var outcomes = new ItemOutcome<DisputeAccepted>?[items.Count];
        var created = new List<(Dispute Dispute, List<int> Positions)>();
        var byExternalId = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (index, input) = items[i];
            if (input.ExternalId is { } id && existing.TryGetValue(id, out var original)) { outcomes[i] = ItemOutcome<DisputeAccepted>.Ok(index, original); continue; }
            if (input.ExternalId is { } repeat && byExternalId.TryGetValue(repeat, out var first)) { first.Add(i); continue; }

            var errors = new FieldErrors();
            var placement = await map.PlaceAsync(input.Location, input.StationCode, source.Scope, errors, ct);
            if (errors.Any) { outcomes[i] = ItemOutcome<DisputeAccepted>.Rejected(index, errors.ToDictionary()); continue; }
            var registeredAt = (input.ReportedAt ?? now).ToUniversalTime();
            var dispute = Build(input, placement, await numbers.NextAsync(registeredAt, ct), registeredAt, sender);
            db.Disputes.Add(dispute);
            db.Audit(sender, "dispute.register", dispute.CaseNumber,
                $"source={dispute.Source} category={dispute.Category} risk={dispute.Risk} at={dispute.JurisdictionPath}", now);
            List<int> positions = [i];
            created.Add((dispute, positions));
            if (input.ExternalId is { } externalId) byExternalId[externalId] = positions;
        }
        await db.SaveChangesAsync(ct);

        foreach (var (dispute, positions) in created)
        {
            for (var p = 0; p < positions.Count; p++)
                outcomes[positions[p]] = ItemOutcome<DisputeAccepted>.Ok(items[positions[p]].Index,
                    new DisputeAccepted(dispute.Id, dispute.CaseNumber, dispute.ExternalId, dispute.GridCode, Duplicate: p > 0));
            Publish(dispute);
        }
        return outcomes!;
    }

    private static Dispute Build(DisputeInput input, Placement placement, string caseNumber, DateTimeOffset registeredAt, string by)
    {
        var parties = input.Parties!.OfType<Alarms.PartyInput>().ToList();
        var dispute = new Dispute
        {
            CaseNumber = caseNumber, ExternalId = input.ExternalId, Source = input.SourceValue, Category = input.CategoryValue,
            Risk = input.RiskValue, Description = input.Description!.Trim(), Address = input.Address?.Trim(),
            Lat = input.Location?.Lat, Lon = input.Location?.Lon, GridCode = placement.Grid?.GridCode, JurisdictionPath = placement.Path!,
            PeopleInvolved = input.PeopleInvolved ?? Math.Max(2, parties.Count), RegisteredAt = registeredAt, RegisteredBy = by,
            Parties = parties.Select(p => new DisputeParty
            {
                Name = p.Name!.Trim(), IdNumber = p.IdNumber?.ToUpperInvariant(), Phone = p.Phone, Role = p.Role,
            }).ToList(),
        };
        dispute.RecordRegistration(registeredAt);
        return dispute;
    }

    private void Publish(Dispute d) => bus.Publish(new DisputeChanged(d.Id, d.CaseNumber, d.JurisdictionPath, d.Status, "register"));

    private YearlyNumbers CaseNumbersOf(DashboardDbContext db) => new("JF", db.Disputes.Select(d => d.CaseNumber), calendar);
}
