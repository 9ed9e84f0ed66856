using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Warnings;

public static class ModelCodes
{
    public const string RepeatedDispute = "repeated-dispute";
    public const string DomesticViolence = "domestic-violence";
    public const string LongRunningDispute = "long-running-dispute";
    public const string OverdueMediation = "overdue-mediation";
    public const string AlarmSurge = "alarm-surge";
    public const string SlowResponse = "slow-response";
    public const string Geofence = "geofence";
    public const string MissedPatrolPoint = "missed-patrol-point";

    public static readonly IReadOnlyList<string> All =
        [RepeatedDispute, DomesticViolence, LongRunningDispute, OverdueMediation, AlarmSurge, SlowResponse, Geofence, MissedPatrolPoint];
}

/// <summary>A model's parameters say what is wrong with them, so an admin's edit cannot switch a model off by accident.</summary>
public interface IModelParameters
{
    string? Problem { get; }
}

public sealed record RepeatedDisputeParameters : IModelParameters
{
    public int WindowDays { get; init; } = 30;
    [JsonIgnore] public string? Problem => WindowDays is < 1 or > 365 ? "windowDays is 1 to 365" : null;
}

public sealed record DomesticViolenceParameters : IModelParameters
{
    public int WindowDays { get; init; } = 90;
    public int Count { get; init; } = 2;
    [JsonIgnore] public string? Problem => WindowDays is < 1 or > 365 ? "windowDays is 1 to 365" : Count is < 1 or > 20 ? "count is 1 to 20" : null;
}

public sealed record LongRunningDisputeParameters : IModelParameters
{
    public int OpenDays { get; init; } = 60;
    [JsonIgnore] public string? Problem => OpenDays is < 1 or > 3650 ? "openDays is 1 to 3650" : null;
}

public sealed record OverdueMediationParameters : IModelParameters
{
    public int GraceHours { get; init; }
    [JsonIgnore] public string? Problem => GraceHours is < 0 or > 720 ? "graceHours is 0 to 720" : null;
}

public sealed record AlarmSurgeParameters : IModelParameters
{
    public int Hours { get; init; } = 3;
    public int BaselineWeeks { get; init; } = 8;
    public double PValue { get; init; } = 0.01;
    public int MinCount { get; init; } = 5;

    [JsonIgnore] public string? Problem =>
        Hours is < 1 or > 24 ? "hours is 1 to 24"
        : BaselineWeeks is < 1 or > 52 ? "baselineWeeks is 1 to 52"
        : PValue is not (> 0 and < 0.5) ? "pValue lies between 0 and 0.5"
        : MinCount is < 1 or > 1000 ? "minCount is 1 to 1000"
        : null;
}

public sealed record SlowResponseParameters : IModelParameters
{
    public int Priority1Minutes { get; init; } = 10;
    public int Priority2Minutes { get; init; } = 15;
    public int Priority3Minutes { get; init; } = 30;
    public int Priority4Minutes { get; init; } = 45;
    public int LookbackHours { get; init; } = 2;

    public int MinutesFor(int priority) => priority switch
    {
        1 => Priority1Minutes, 2 => Priority2Minutes, 3 => Priority3Minutes, _ => Priority4Minutes,
    };

    [JsonIgnore] public string? Problem =>
        new[] { Priority1Minutes, Priority2Minutes, Priority3Minutes, Priority4Minutes }.Any(m => m is < 1 or > 1440) ? "minutes are 1 to 1440"
        : LookbackHours is < 1 or > 72 ? "lookbackHours is 1 to 72"
        : null;
}

/// <summary>Windows that ended within the look-back are judged: enough to catch up after a restart, not days of old windows.</summary>
public sealed record MissedPatrolPointParameters : IModelParameters
{
    public int LookbackHours { get; init; } = 2;
    [JsonIgnore] public string? Problem => LookbackHours is < 1 or > 72 ? "lookbackHours is 1 to 72" : null;
}

/// <summary>The geofence model is configured by its fences (the Geofences table); it has no parameters of its own.</summary>
public sealed record NoParameters : IModelParameters
{
    [JsonIgnore] public string? Problem => null;
}

/// <summary>The models a new installation starts with. Start-up adds missing ones and never overwrites an admin's edits.</summary>
public static class WarningModelDefaults
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<WarningModel> All =>
    [
        Model(ModelCodes.RepeatedDispute, "重复纠纷", WarningLevel.Orange, 30, new RepeatedDisputeParameters()),
        Model(ModelCodes.DomesticViolence, "家暴", WarningLevel.Orange, 15, new DomesticViolenceParameters()),
        Model(ModelCodes.LongRunningDispute, "长期纠纷", WarningLevel.Yellow, 240, new LongRunningDisputeParameters()),
        Model(ModelCodes.OverdueMediation, "调处超期", WarningLevel.Yellow, 120, new OverdueMediationParameters()),
        Model(ModelCodes.AlarmSurge, "警情激增", WarningLevel.Orange, 30, new AlarmSurgeParameters(), "StationChief,Leader"),
        Model(ModelCodes.SlowResponse, "出警超时", WarningLevel.Yellow, 15, new SlowResponseParameters(), "StationChief"),
        Model(ModelCodes.Geofence, "电子围栏", WarningLevel.Orange, 15, new NoParameters(), "StationChief,Officer"),
        Model(ModelCodes.MissedPatrolPoint, "必到点漏巡", WarningLevel.Blue, 120, new MissedPatrolPointParameters(), "StationChief"),
    ];

    public static async Task EnsureAsync(DashboardDbContext db, CancellationToken ct)
    {
        var existing = await db.WarningModels.Select(m => m.Code).ToListAsync(ct);
        db.WarningModels.AddRange(All.Where(m => !existing.Contains(m.Code)));
        await db.SaveChangesAsync(ct);
    }

    private static WarningModel Model<T>(string code, string name, WarningLevel level, int signMinutes, T parameters,
        string notify = "StationChief,Officer") => new()
    {
        Code = code, Name = name, Level = level, SignDeadlineMinutes = signMinutes, NotifyRoles = notify,
        ParametersJson = JsonSerializer.Serialize(parameters, Json),
    };
}

public static class WarningModelParameters
{
    /// <summary>The model's parameters; missing fields take their defaults, and unreadable JSON is an error for the admin.</summary>
    public static T Read<T>(this WarningModel model) where T : new()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(model.ParametersJson, WarningModelDefaults.Json) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new DomainRuleException("WarningModel.StoredParametersInvalid", $"The parameters of model {model.Code} are not valid: {ex.Message}", new RuleTerm($"WarningModel.{model.Code}", model.Code), ex.Message);
        }
    }
}
