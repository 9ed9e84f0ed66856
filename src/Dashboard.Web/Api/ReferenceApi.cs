using Dashboard.Core.Jurisdictions;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

internal static class ReferenceApi
{
    public static void MapReferenceApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/reference", (HttpContext http, ReferenceQueries reference, CancellationToken ct) =>
                reference.BuildAsync(http.User.IngestionSource().Scope, ct))
            .Produces<ReferenceData>()
            .WithSummary("Codes, grid outlines and units of the key's jurisdiction, for upstream systems to post against.");
}
