using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TechMarket.Search;

namespace TechMarket.Web.Health;

internal sealed class SearchIndexHealthCheck(ICatalogSearch search) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await search.IsHealthyAsync(cancellationToken)
                ? HealthCheckResult.Healthy("search index answers")
                : HealthCheckResult.Unhealthy("search index does not answer");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("search index failed: " + e.GetType().Name, e);
        }
    }
}

/// <summary>/health body: overall status and each part, so an operator sees which part failed.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
