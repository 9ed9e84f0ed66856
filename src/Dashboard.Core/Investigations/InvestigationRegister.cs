using Dashboard.Core.Data;
using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Time;
using Dashboard.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Investigations;

/// <summary>An item as staff record it on the form; kind and status are enum names, the category a code of the kind.</summary>
public sealed record InvestigationInput(
    string? Kind, string? Category, string? Place, string? Description, bool Major, string? ResponsibleUnit,
    string? ResponsiblePerson, DateTimeOffset? Deadline, DateTimeOffset? FoundAt, string? StationCode)
{
    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!TryKind(Kind, out var kind)) errors.Add("kind", $"must be one of: {string.Join(", ", Enum.GetNames<InvestigationKind>())}");
        else if (!InvestigationCategories.IsValid(kind, Category))
            errors.Add("category", $"must be one of: {string.Join(", ", InvestigationCategories.Of(kind))}");
        errors.Optional("place", Place, 200);
        errors.Required("description", Description, 2000);
        errors.Required("responsibleUnit", ResponsibleUnit, 100);
        errors.Required("responsiblePerson", ResponsiblePerson, 64);
        errors.Optional("stationCode", StationCode, 32);
        if (FoundAt is { } found && found > now.AddMinutes(5)) errors.Add("foundAt", "must not be in the future");
        if (FoundAt is { } old && old < now.AddYears(-5)) errors.Add("foundAt", "is more than 5 years in the past");
        if (Deadline is { } due && due < (FoundAt ?? now).AddDays(-1)) errors.Add("deadline", "must not be before the item was found");
        return errors;
    }

    public InvestigationKind KindValue => TryKind(Kind, out var k) ? k : default;

    private static bool TryKind(string? value, out InvestigationKind kind)
    {
        kind = default;
        return value is { Length: > 0 and <= 32 } && value.All(char.IsAsciiLetter) && Enum.TryParse(value, ignoreCase: true, out kind);
    }
}

public sealed record InvestigationRecorded(long Id, string Number);

/// <summary>
/// Records the items of the monthly investigations and moves them from open to resolved; every step is scoped to the
/// actor's jurisdiction and audited with the state before and after.
/// </summary>
public sealed class InvestigationRegister(
    IDbContextFactory<DashboardDbContext> dbFactory, JurisdictionMap map, LocalCalendar calendar, TimeProvider clock)
{
    public async Task<ItemOutcome<InvestigationRecorded>> RecordAsync(InvestigationInput input, CaseActor actor, CancellationToken ct = default)
    {
        try
        {
            return await TryRecordAsync(input, actor, ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent writer took the number first: the retry sees it.
            return await TryRecordAsync(input, actor, ct);
        }
    }

    private async Task<ItemOutcome<InvestigationRecorded>> TryRecordAsync(InvestigationInput input, CaseActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = input.Validate(now);
        if (errors.Any) return ItemOutcome<InvestigationRecorded>.Rejected(0, errors.ToDictionary());
        var placement = await map.PlaceAsync(null, string.IsNullOrWhiteSpace(input.StationCode) ? null : input.StationCode.Trim(), actor.Scope, errors, ct);
        if (errors.Any) return ItemOutcome<InvestigationRecorded>.Rejected(0, errors.ToDictionary());

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var foundAt = (input.FoundAt ?? now).ToUniversalTime();
        var item = new InvestigationItem
        {
            Number = await new YearlyNumbers("PC", db.InvestigationItems.Select(x => x.Number), calendar).NextAsync(foundAt, ct), Kind = input.KindValue, Category = input.Category!,
            Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim(), Description = input.Description!.Trim(),
            Major = input.Major, ResponsibleUnit = input.ResponsibleUnit!.Trim(), ResponsiblePerson = input.ResponsiblePerson!.Trim(),
            Deadline = input.Deadline?.ToUniversalTime(), FoundAt = foundAt, RecordedBy = actor.UserName, JurisdictionPath = placement.Path!,
        };
        db.InvestigationItems.Add(item);
        db.Audit(actor.UserName, "investigation.record", item.Number,
            $"kind={item.Kind} category={item.Category} major={item.Major} at={item.JurisdictionPath}", now);
        await db.SaveChangesAsync(ct);
        return ItemOutcome<InvestigationRecorded>.Ok(0, new InvestigationRecorded(item.Id, item.Number));
    }

    public Task StartAsync(long id, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "start", (item, _) => item.Start(), ct);

    public Task ResolveAsync(long id, string result, CaseActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, "resolve", (item, now) => item.Resolve(result, now), ct);

    private async Task ChangeAsync(long id, CaseActor actor, string action, Action<InvestigationItem, DateTimeOffset> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.InvestigationItems.InScope(actor.Scope).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainRuleException("Investigation.NotInScope", "No such item in your jurisdiction.");
        var before = item.Status;
        var now = clock.GetUtcNow();
        change(item, now);
        db.Audit(actor.UserName, "investigation." + action, item.Number, $"{before} → {item.Status}", now);
        await db.SaveChangesAsync(ct);
    }
}
