using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Alarms;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Units;
using Dashboard.Simulator.World;

namespace Dashboard.Simulator.Posting;

/// <summary>The dashboard's public ingestion API as the simulator uses it. Never throws for HTTP trouble: every call
/// answers a <see cref="PostOutcome"/> the caller can act on.</summary>
internal sealed class DashboardApiClient(HttpClient http, Uri baseUrl, string apiKey)
{
    private const int MaxDetailLength = 400;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Uri _root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    public async Task<(ReferenceData? Reference, PostOutcome Outcome)> GetReferenceAsync(CancellationToken ct)
    {
        var (outcome, body) = await SendAsync(HttpMethod.Get, "api/v1/reference", null, ct);
        if (outcome.Status != PostStatus.Accepted) return (null, outcome);
        try
        {
            return (JsonSerializer.Deserialize<ReferenceData>(body, Json), outcome);
        }
        catch (JsonException ex)
        {
            return (null, new PostOutcome(PostStatus.Unavailable, outcome.HttpStatus, Detail: "unreadable reference data: " + ex.Message));
        }
    }

    public async Task<PostOutcome> PostAlarmsAsync(IReadOnlyList<AlarmInput> alarms, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, "api/v1/alarms", alarms, ct)).Outcome;

    public async Task<PostOutcome> PostEventAsync(AlarmEventPost statusEvent, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, $"api/v1/alarms/{Uri.EscapeDataString(statusEvent.ExternalId)}/events", statusEvent.Event, ct)).Outcome;

    public async Task<PostOutcome> PostPositionsAsync(IReadOnlyList<PositionInput> positions, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, "api/v1/positions", positions, ct)).Outcome;

    private async Task<(PostOutcome Outcome, string Body)> SendAsync(HttpMethod method, string path, object? payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_root, path));
        request.Headers.Add("X-Api-Key", apiKey);
        if (payload is not null) request.Content = JsonContent.Create(payload, payload.GetType(), options: Json);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return (Classify(response, body), body);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (new PostOutcome(PostStatus.Unavailable, Detail: ex.Message), "");
        }
    }

    private static PostOutcome Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return new PostOutcome(PostStatus.Accepted, status, Detail: BatchProblems(body));
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new PostOutcome(PostStatus.RateLimited, status, RetryAfter(response), Truncate(body));
        var kind = status is >= 400 and < 500 ? PostStatus.Rejected : PostStatus.Unavailable;
        return new PostOutcome(kind, status, Detail: Truncate(body));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    /// <summary>A batch answered 200 can still carry rejected items or unknown units; those are worth a log line.</summary>
    private static string? BatchProblems(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var problems = Count(root, "rejected") + Count(root, "unknownUnits");
            return problems > 0 ? Truncate(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int Count(JsonElement root, string property) =>
        !root.TryGetProperty(property, out var value) ? 0
        : value.ValueKind == JsonValueKind.Array ? value.GetArrayLength()
        : value.ValueKind == JsonValueKind.Number ? value.GetInt32()
        : 0;

    private static string? Truncate(string body) =>
        string.IsNullOrEmpty(body) ? null : body.Length <= MaxDetailLength ? body : body[..MaxDetailLength] + "…";
}
