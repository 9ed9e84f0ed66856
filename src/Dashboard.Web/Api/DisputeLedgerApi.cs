using Dashboard.Core.Disputes;
using Dashboard.Core.Jurisdictions;
using Dashboard.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Api;

/// <summary>The ledger download for signed-in people (not upstream keys): the cases of the caller's jurisdiction as Excel.</summary>
internal static class DisputeLedgerApi
{
    public static void MapDisputeLedger(this WebApplication app) =>
        app.MapGet("/disputes/ledger.xlsx", async (HttpContext http, DisputeLedger ledger, DisputeStatus? status, RiskColor? risk, CancellationToken ct) =>
        {
            if (JurisdictionScope.Of(http.User) is not { } scope) return Results.Forbid();
            var buffer = new MemoryStream();
            await ledger.ExportAsync(scope, new DisputeFilter(status, risk), http.User.Identity?.Name ?? "?", buffer, ct);
            buffer.Position = 0;
            return TypedResults.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"矛盾纠纷台账-{DateTime.UtcNow:yyyyMMdd}.xlsx");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.People }).ExcludeFromDescription();
}
