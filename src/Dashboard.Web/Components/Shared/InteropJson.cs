using System.Text.Json;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Models for JS interop, turned into JSON with options the whole server shares. Blazor gives every circuit serializer
/// options of its own, so a model passed as it is has its serialization metadata (reflection-emitted accessors included)
/// built again in each circuit, about 70 KB a wall; a <see cref="JsonElement"/> is written out as it stands.
/// </summary>
public static class InteropJson
{
    // What Blazor's own interop options do: camelCase names, depth 32.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 32 };

    public static JsonElement Of<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
