using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

public sealed record WarningModelChange(bool Enabled, string ParametersJson, WarningLevel Level, int SignDeadlineMinutes, string NotifyRoles);

/// <summary>An admin's edits to a model: checked against the model's parameter type before they are saved, and audited.</summary>
public sealed class WarningModelAdmin(IDbContextFactory<DashboardDbContext> dbFactory, WarningModelSettings settings, TimeProvider clock)
{
    private static readonly Dictionary<string, Type> ParameterTypes = new()
    {
        [ModelCodes.RepeatedDispute] = typeof(RepeatedDisputeParameters),
        [ModelCodes.DomesticViolence] = typeof(DomesticViolenceParameters),
        [ModelCodes.LongRunningDispute] = typeof(LongRunningDisputeParameters),
        [ModelCodes.OverdueMediation] = typeof(OverdueMediationParameters),
        [ModelCodes.AlarmSurge] = typeof(AlarmSurgeParameters),
        [ModelCodes.SlowResponse] = typeof(SlowResponseParameters),
        [ModelCodes.Geofence] = typeof(NoParameters),
        [ModelCodes.MissedPatrolPoint] = typeof(MissedPatrolPointParameters),
    };

    private static readonly JsonSerializerOptions Strict =
        new(WarningModelDefaults.Json) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private static readonly string[] NotifiableRoles = [Roles.StationChief, Roles.Officer, Roles.Leader, Roles.Staff];

    public async Task<IReadOnlyList<WarningModel>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WarningModels.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct);
    }

    public async Task UpdateAsync(string code, WarningModelChange change, string admin, CancellationToken ct = default)
    {
        Validate(code, change);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.WarningModels.SingleOrDefaultAsync(m => m.Code == code, ct) ?? throw new DomainRuleException("WarningModel.NotFound", "No such warning model.");
        var before = Describe(model);
        (model.Enabled, model.Level, model.SignDeadlineMinutes) = (change.Enabled, change.Level, change.SignDeadlineMinutes);
        model.ParametersJson = Canonical(code, change.ParametersJson);
        model.NotifyRoles = string.Join(',', WarningModel.SplitRoles(change.NotifyRoles));
        db.Audit(admin, "warning-model.update", code, $"{before} → {Describe(model)}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        settings.Invalidate();
    }

    private static void Validate(string code, WarningModelChange change)
    {
        if (change.SignDeadlineMinutes is < 1 or > 10_080) throw new DomainRuleException("WarningModel.SignDeadlineOutOfRange", "The sign-for deadline is 1 minute to 7 days.");
        var roles = WarningModel.SplitRoles(change.NotifyRoles ?? "");
        if (roles.Count == 0 || roles.Any(r => !NotifiableRoles.Contains(r)))
            throw new DomainRuleException("WarningModel.NotifyRolesInvalid", $"Notify one or more of: {string.Join(", ", NotifiableRoles)}.");
        if (!Enum.IsDefined(change.Level)) throw new DomainRuleException("WarningModel.LevelUnknown", "Unknown level.");
        if (change.ParametersJson is not { Length: <= 4000 }) throw new DomainRuleException("WarningModel.ParametersTooLong", "The parameters are too long.");
        _ = Canonical(code, change.ParametersJson);
    }

    // Read into the model's parameter type and written back: unknown fields are refused, missing ones take their defaults.
    private static string Canonical(string code, string json)
    {
        if (!ParameterTypes.TryGetValue(code, out var type)) return json;
        try
        {
            var value = JsonSerializer.Deserialize(json, type, Strict) as IModelParameters ?? throw new DomainRuleException("WarningModel.ParametersEmpty", "The parameters are empty.");
            if (value.Problem is { } problem) throw new DomainRuleException("WarningModel.ParametersInvalid", $"The parameters are not valid: {problem}.", problem);
            return JsonSerializer.Serialize(value, type, WarningModelDefaults.Json);
        }
        catch (JsonException ex)
        {
            throw new DomainRuleException("WarningModel.ParametersInvalid", $"The parameters are not valid: {ex.Message}", ex.Message);
        }
    }

    private static string Describe(WarningModel m) =>
        $"enabled={m.Enabled} level={m.Level} sign={m.SignDeadlineMinutes}min notify={m.NotifyRoles} {m.ParametersJson}";
}
