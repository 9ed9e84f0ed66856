using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Validation;
using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Web.Api;

/// <summary>
/// Reads a request body as JSON within the size limit and turns each item of a batch into a typed input on its own,
/// so one malformed item is reported and the rest still go through.
/// </summary>
internal static class JsonBody
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = true };
        options.Converters.Add(new OffsetRequiredDateTimeOffsetConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>The parsed body, or the problem to answer with (413, 415 or 400).</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = ApiSetup.MaxBodyBytes;
        if (request.ContentLength > ApiSetup.MaxBodyBytes) return (null, TooLarge());
        if (!request.HasJsonContentType())
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));

        // Read from the connection's pooled buffers, so a batch of thousands of items allocates no large arrays.
        var reader = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(ct);
                if (read.Buffer.Length > ApiSetup.MaxBodyBytes) { reader.AdvanceTo(read.Buffer.End); return (null, TooLarge()); }
                if (read.IsCompleted) break;
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        var body = read.Buffer;
        try
        {
            // A document over several segments copies them into a pooled array of its own; over one it would keep
            // pointing into the connection's buffer, which goes back to its pool below.
            return (body.IsSingleSegment ? JsonDocument.Parse(body.ToArray()) : JsonDocument.Parse(body), null);
        }
        catch (JsonException ex)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Body is not valid JSON",
                $"{ex.Message.Split(" Path:")[0]} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine})"));
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    /// <summary>Binds one item; a type or format error becomes a per-field message instead of an exception.</summary>
    public static (T? Value, FieldErrors? Errors) Bind<T>(JsonElement element) where T : class
    {
        if (element.ValueKind != JsonValueKind.Object) return (null, new FieldErrors().Add("$", "must be a JSON object"));
        try
        {
            return (element.Deserialize<T>(Options), null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            // Our converters explain themselves ("must be …"); the serializer's own messages are about CLR types.
            var message = ex.Message.StartsWith("must be", StringComparison.Ordinal) ? ex.Message : "has the wrong type or format";
            return (null, new FieldErrors().Add(field, message));
        }
    }

    /// <summary>Binds and validates every item of a batch; each lands in exactly one of the two lists, by its index.</summary>
    public static (List<(int Index, T Input)> Valid, List<(int Index, T? Input, FieldErrors Errors)> Rejected) BindAll<T>(
        IEnumerable<JsonElement> elements, Func<T, FieldErrors> validate) where T : class
    {
        var valid = new List<(int, T)>();
        var rejected = new List<(int, T?, FieldErrors)>();
        var index = 0;
        foreach (var element in elements)
        {
            var (input, errors) = Bind<T>(element);
            errors ??= validate(input!);
            if (errors.Any) rejected.Add((index, input, errors));
            else valid.Add((index, input!));
            index++;
        }
        return (valid, rejected);
    }

    /// <summary>
    /// Reads a body that is one object or an array of 1 to <paramref name="max"/>, binds and validates every item, and keeps
    /// each item's <c>externalId</c> as sent so a rejected item can still be named in the answer.
    /// </summary>
    public static async Task<(ItemBatch<T>? Batch, IResult? Problem)> ReadBatchAsync<T>(
        HttpRequest request, int max, string noun, Func<T, FieldErrors> validate, CancellationToken ct) where T : class
    {
        var (document, problem) = await ReadAsync(request, ct);
        if (problem is not null) return (null, problem);
        using var _ = document;
        var root = document!.RootElement;
        var isBatch = root.ValueKind == JsonValueKind.Array;
        var elements = isBatch ? root.EnumerateArray().ToList() : [root];
        if (isBatch && (elements.Count == 0 || elements.Count > max))
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [$"must hold 1 to {max} {noun}"] }));
        var (valid, rejected) = BindAll(elements, validate);
        var externalIds = elements.Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("externalId", out var id)
            && id.ValueKind == JsonValueKind.String ? id.GetString() : null).ToList();
        return (new ItemBatch<T>(isBatch, externalIds, valid, rejected.Select(r => (r.Index, r.Errors.ToDictionary())).ToList()), null);
    }

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body must be at most {ApiSetup.MaxBodyBytes} bytes (1 MiB).");
}

/// <summary>A bound request body: the valid items to store and the rejected ones with their errors, each by its index.</summary>
public sealed record ItemBatch<T>(
    bool IsBatch, IReadOnlyList<string?> ExternalIds, List<(int Index, T Input)> Valid, List<(int Index, IDictionary<string, string[]> Errors)> Rejected)
{
    /// <summary>Every item's outcome in the order sent: the stored ones as the service answered, the rejected ones as errors.</summary>
    public List<Core.Validation.ItemOutcome<TValue>> Outcomes<TValue>(IEnumerable<Core.Validation.ItemOutcome<TValue>> stored) where TValue : class =>
        stored.Concat(Rejected.Select(r => Core.Validation.ItemOutcome<TValue>.Rejected(r.Index, r.Errors))).OrderBy(o => o.Index).ToList();
}

/// <summary>An upstream time without an explicit offset is ambiguous across zones: refuse it rather than guess.</summary>
internal sealed class OffsetRequiredDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasOffset(text) || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var value))
            throw new JsonException("must be an ISO-8601 time with offset, e.g. 2026-11-23T08:15:00+08:00");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0) return false;
        var time = text.AsSpan(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.LastIndexOfAny('+', '-') > 0;
    }
}
