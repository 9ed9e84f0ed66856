using System.Text.Json;
using Dashboard.Core.Units;
using Dashboard.Core.Validation;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

public sealed record PositionRejection(int Index, string? UnitCode, IDictionary<string, string[]> Errors);

public sealed record PositionBatchResponse(int Accepted, int Stale, IReadOnlyList<string> UnknownUnits, IReadOnlyList<PositionRejection> Rejected);

internal static class PositionsApi
{
    public static void MapPositionsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/positions", PostPositionsAsync)
            .RequireAuthorization(ApiKeyHandler.PolicyFor(Core.Security.ApiScopes.Positions))
            .Accepts<PositionInput[]>("application/json")
            .Produces<PositionBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Post up to 5,000 GPS fixes; last write wins per unit on its time; unknown units are reported back.");
    }

    private static async Task<IResult> PostPositionsAsync(HttpContext http, PositionIngestion ingestion, TimeProvider clock, CancellationToken ct)
    {
        var (document, problem) = await JsonBody.ReadAsync(http.Request, ct);
        if (problem is not null) return problem;
        using var _ = document;
        var root = document!.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() is 0 or > PositionInput.MaxBatch)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [$"must be an array of 1 to {PositionInput.MaxBatch} positions"] });

        var now = clock.GetUtcNow();
        var (valid, invalid) = JsonBody.BindAll<PositionInput>(root.EnumerateArray(), input => input.Validate(now));
        var rejected = invalid.Select(r => new PositionRejection(r.Index, r.Input?.UnitCode, r.Errors.ToDictionary())).ToList();
        var stored = valid.Count == 0
            ? new PositionBatchResult(0, 0, [])
            : await ingestion.IngestAsync(valid, http.User.IngestionSource(), ct);
        return TypedResults.Ok(new PositionBatchResponse(stored.Accepted, stored.Stale, stored.UnknownUnits, rejected));
    }
}
