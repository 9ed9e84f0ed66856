using System.Security.Claims;

namespace Dashboard.Core.Jurisdictions;

/// <summary>Records that belong to one node of the jurisdiction tree.</summary>
public interface IJurisdictionScoped
{
    string JurisdictionPath { get; }
}

/// <summary>What a caller may see: the subtree under one path.</summary>
public sealed record JurisdictionScope(string Path)
{
    public const string CodeClaim = "jurisdiction";
    public const string PathClaim = "jurisdiction_path";

    public bool Contains(string path) => path.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>
    /// This scope cut down to a node's subtree: the node's own scope when it lies inside, this scope when it already lies
    /// inside the node, otherwise null (the two do not overlap, so the answer is nothing — never the node's wider view).
    /// </summary>
    public JurisdictionScope? Narrow(JurisdictionNode? node) =>
        node is null ? null
        : Contains(node.Path) ? new JurisdictionScope(node.Path)
        : Path.StartsWith(node.Path, StringComparison.Ordinal) ? this
        : null;

    /// <summary>The scope of a signed-in principal; a principal without the claim sees nothing.</summary>
    public static JurisdictionScope? Of(ClaimsPrincipal user) =>
        user.FindFirst(PathClaim)?.Value is { Length: > 0 } path ? new JurisdictionScope(path) : null;
}

public static class JurisdictionScopeQueries
{
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, JurisdictionScope scope)
        where T : class, IJurisdictionScoped =>
        query.Where(x => x.JurisdictionPath.StartsWith(scope.Path));
}

/// <summary>Paths are the codes from the root down, each followed by a slash: <c>/T001/S001/C003/</c>.</summary>
public static class JurisdictionPaths
{
    /// <summary>The path one level up, or null at the top of the tree.</summary>
    public static string? Parent(string path)
    {
        var cut = path.TrimEnd('/').LastIndexOf('/');
        return cut <= 0 ? null : path[..(cut + 1)];
    }

    /// <summary>The path and each path above it, with its depth (1 at the top): <c>/T/S/</c> gives (<c>/T/</c>, 1), (<c>/T/S/</c>, 2).</summary>
    public static IEnumerable<(string Path, int Depth)> WithAncestors(string path)
    {
        var depth = 0;
        for (var end = path.IndexOf('/', 1); end > 0; end = path.IndexOf('/', end + 1))
            yield return (path[..(end + 1)], ++depth);
    }

    /// <summary>The path of the node at <paramref name="depth"/> on the way down to <paramref name="path"/>; null when the path is shallower.</summary>
    public static string? AncestorAt(string path, int depth) => WithAncestors(path).Where(p => p.Depth == depth).Select(p => p.Path).FirstOrDefault();

    /// <summary>The depth of a node's path: 1 for the top of the tree.</summary>
    public static int Depth(string path) => path.Count(c => c == '/') - 1;

    /// <summary>
    /// The node one level below <paramref name="ancestor"/> on the way down to <paramref name="path"/>
    /// (<c>/T001/</c>, <c>/T001/S001/C003/G012/</c> → <c>/T001/S001/</c>); the ancestor itself when the path is the ancestor,
    /// null when the path does not lie under it.
    /// </summary>
    public static string? ChildOf(string ancestor, string path)
    {
        if (!path.StartsWith(ancestor, StringComparison.Ordinal)) return null;
        var end = path.IndexOf('/', ancestor.Length);
        return end < 0 ? ancestor : path[..(end + 1)];
    }

    /// <summary>The top node a path lies under (the township, or the district when the tree has one).</summary>
    public static string Root(string path)
    {
        var end = path.IndexOf('/', 1);
        return end < 0 ? path : path[..(end + 1)];
    }
}
