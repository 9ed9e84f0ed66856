using System.Text.Json;
using Dashboard.Core.Alarms;
using Dashboard.Core.Validation;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

public sealed record AlarmBatchItem(
    int Index, string? ExternalId, long? Id, string? GridCode, string? StationCode, bool? Duplicate, IDictionary<string, string[]>? Errors);

public sealed record AlarmBatchResponse(int Created, int Duplicates, int Rejected, IReadOnlyList<AlarmBatchItem> Items);

internal static class AlarmsApi
{
    public static void MapAlarmsApi(this RouteGroupBuilder v1)
    {
        var alarms = v1.MapGroup("/alarms").RequireAuthorization(ApiKeyHandler.PolicyFor(Core.Security.ApiScopes.Alarms));
        alarms.MapPost("/", PostAlarmsAsync)
            .Accepts<AlarmInput>("application/json")
            .Produces<AlarmAccepted>(StatusCodes.Status201Created)
            .Produces<AlarmAccepted>(StatusCodes.Status200OK)
            .Produces<AlarmBatchResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Post one alarm or an array of up to 1,000; idempotent on externalId.");
        alarms.MapPost("/{externalId}/events", PostEventAsync)
            .Accepts<AlarmEventInput>("application/json")
            .Produces<AlarmEventApplied>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Record a status event; repeated and out-of-order events are harmless.");
    }

    private static async Task<IResult> PostAlarmsAsync(HttpContext http, AlarmIngestion ingestion, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (batch, problem) = await JsonBody.ReadBatchAsync<AlarmInput>(http.Request, AlarmInput.MaxBatch, "alarms", input => input.Validate(now), ct);
        if (problem is not null) return problem;
        var stored = batch!.Valid.Count == 0 ? [] : await ingestion.IngestAsync(batch.Valid, http.User.IngestionSource(), ct);
        var outcomes = batch.Outcomes(stored);

        if (!batch.IsBatch)
        {
            var single = outcomes[0];
            if (!single.Accepted) return TypedResults.ValidationProblem(single.Errors!, title: "The alarm was not accepted");
            return single.Value!.Duplicate ? TypedResults.Ok(single.Value) : TypedResults.Created((string?)null, single.Value);
        }
        var items = outcomes.Select(o => new AlarmBatchItem(o.Index, batch.ExternalIds[o.Index], o.Value?.Id, o.Value?.GridCode,
            o.Value?.StationCode, o.Value?.Duplicate, o.Errors)).ToList();
        return TypedResults.Ok(new AlarmBatchResponse(
            items.Count(i => i.Duplicate == false), items.Count(i => i.Duplicate == true), items.Count(i => i.Errors is not null), items));
    }

    private static async Task<IResult> PostEventAsync(
        string externalId, HttpContext http, AlarmStatusUpdates updates, TimeProvider clock, CancellationToken ct)
    {
        var (document, problem) = await JsonBody.ReadAsync(http.Request, ct);
        if (problem is not null) return problem;
        using var _ = document;
        var (input, bindErrors) = JsonBody.Bind<AlarmEventInput>(document!.RootElement);
        AlarmStatus status = default;
        var errors = bindErrors ?? input!.Validate(clock.GetUtcNow(), out status);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The event was not accepted");

        var applied = await updates.ApplyAsync(externalId, status, input!.At!.Value, input.UnitCode, http.User.IngestionSource(), ct);
        return applied is null
            ? JsonBody.Problem(StatusCodes.Status404NotFound, "Unknown alarm", $"No alarm with externalId '{externalId}' is visible to this key.")
            : TypedResults.Ok(applied);
    }
}
