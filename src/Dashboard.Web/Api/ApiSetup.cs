using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Dashboard.Web.Api;

/// <summary>Per-key request budget: a token bucket refilled every second.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";
    public int PermitsPerSecond { get; set; } = 20;
    public int Burst { get; set; } = 40;
}

internal static class ApiSetup
{
    public const string RateLimitPolicy = "per-api-key";
    public const long MaxBodyBytes = 1024 * 1024;

    public static void AddIngestionApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Hosting.DatabaseBusyHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<Dashboard.Core.Jurisdictions.ReferenceQueries>();
        builder.Services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section)
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0, "Api:RateLimit values must be positive").ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
                var partition = http.User.FindFirst(ApiKeyHandler.KeyIdClaim)?.Value ?? "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst, TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                else response.Headers.RetryAfter = "1";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "This API key is over its rate limit; retry after the time in Retry-After." },
                });
            };
        });
    }

    public static void MapIngestionApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyHandler.SchemeName)
            .RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .DisableAntiforgery()
            .WithTags("Ingestion v1");
        v1.MapAlarmsApi();
        v1.MapPositionsApi();
        v1.MapDisputesApi();
        v1.MapReferenceApi();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("平安态势 Dashboard API")).AllowAnonymous();
    }
}
