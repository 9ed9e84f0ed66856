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
