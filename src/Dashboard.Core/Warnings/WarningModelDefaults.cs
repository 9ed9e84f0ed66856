using System.Text.Json;
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
}

public sealed record RepeatedDisputeParameters { public int WindowDays { get; init; } = 30; }

public sealed record DomesticViolenceParameters
{
    public int WindowDays { get; init; } = 90;
    public int Count { get; init; } = 2;
}

public sealed record LongRunningDisputeParameters { public int OpenDays { get; init; } = 60; }

public sealed record OverdueMediationParameters { public int GraceHours { get; init; } }

public sealed record AlarmSurgeParameters
{
    public int Hours { get; init; } = 3;
    public int BaselineWeeks { get; init; } = 8;
    public double PValue { get; init; } = 0.01;
    public int MinCount { get; init; } = 5;
}

public sealed record SlowResponseParameters
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
}

/// <summary>Windows that ended within the look-back are judged: enough to catch up after a restart, not days of old windows.</summary>
public sealed record MissedPatrolPointParameters { public int LookbackHours { get; init; } = 2; }

/// <summary>The geofence model is configured by its fences (the Geofences table); it has no parameters of its own.</summary>
public sealed record NoParameters;

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
            throw new DomainRuleException($"The parameters of model {model.Code} are not valid: {ex.Message}");
        }
    }
}
