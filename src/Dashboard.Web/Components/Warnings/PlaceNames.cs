using Dashboard.Core.Jurisdictions;

namespace Dashboard.Web.Components.Warnings;

/// <summary>The names screens show for the jurisdiction paths and codes that warnings and silences carry.</summary>
public sealed class PlaceNames
{
    private readonly Dictionary<string, string> _byPath;
    private readonly Dictionary<string, string> _byCode;

    private PlaceNames(IReadOnlyList<JurisdictionNode> nodes)
    {
        _byPath = nodes.DistinctBy(n => n.Path).ToDictionary(n => n.Path, n => n.Name);
        _byCode = nodes.DistinctBy(n => n.Code).ToDictionary(n => n.Code, n => n.Name);
    }

    public static readonly PlaceNames None = new([]);

    public static async Task<PlaceNames> LoadAsync(JurisdictionMap map) => new(await map.NodesAsync());

    public string OfPath(string path) => _byPath.GetValueOrDefault(path) ?? path;

    public string OfCode(string code) => _byCode.GetValueOrDefault(code) ?? code;
}
