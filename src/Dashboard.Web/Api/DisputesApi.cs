using Dashboard.Core.Disputes;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

public sealed record DisputeBatchItem(int Index, string? ExternalId, long? Id, string? CaseNumber, string? GridCode, bool? Duplicate,
    IDictionary<string, string[]>? Errors);

public sealed record DisputeBatchResponse(int Created, int Duplicates, int Rejected, IReadOnlyList<DisputeBatchItem> Items);

internal static class DisputesApi
{
    public static void MapDisputesApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/disputes", PostDisputesAsync)
            .RequireAuthorization(ApiKeyHandler.PolicyFor(Core.Security.ApiScopes.Disputes))
            .Accepts<DisputeInput>("application/json")
            .Produces<DisputeAccepted>(StatusCodes.Status201Created)
            .Produces<DisputeAccepted>(StatusCodes.Status200OK)
            .Produces<DisputeBatchResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Register one dispute or an array of up to 1,000 (hotline, grid app); idempotent on externalId.");
    }

    private static async Task<IResult> PostDisputesAsync(HttpContext http, DisputeIntake intake, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (batch, problem) = await JsonBody.ReadBatchAsync<DisputeInput>(http.Request, DisputeInput.MaxBatch, "disputes",
            input => input.Validate(now, fromUpstream: true), ct);
        if (problem is not null) return problem;
        var sender = "api:" + (http.User.Identity?.Name ?? "?");
        var stored = batch!.Valid.Count == 0 ? [] : await intake.IngestAsync(batch.Valid, http.User.IngestionSource(), sender, ct);
        var outcomes = batch.Outcomes(stored);

        if (!batch.IsBatch)
        {
            var single = outcomes[0];
            if (!single.Accepted) return TypedResults.ValidationProblem(single.Errors!, title: "The dispute was not accepted");
            return single.Value!.Duplicate ? TypedResults.Ok(single.Value) : TypedResults.Created((string?)null, single.Value);
        }
        var items = outcomes.Select(o => new DisputeBatchItem(o.Index, batch.ExternalIds[o.Index], o.Value?.Id, o.Value?.CaseNumber,
            o.Value?.GridCode, o.Value?.Duplicate, o.Errors)).ToList();
        return TypedResults.Ok(new DisputeBatchResponse(
            items.Count(i => i.Duplicate == false), items.Count(i => i.Duplicate == true), items.Count(i => i.Errors is not null), items));
    }
}
