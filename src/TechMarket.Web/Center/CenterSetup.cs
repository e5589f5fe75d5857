using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Infrastructure;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Center;

/// <summary>Service center workspace (issue 10): brokerage, events, database articles, and the event calendar file.</summary>
internal static class CenterSetup
{
    public static IServiceCollection AddCenter(this IServiceCollection services)
    {
        services.AddCenterWorkspace();
        services.AddScoped<Articles.ArticleCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapCenter(this IEndpointRouteBuilder app)
    {
        // RFC 5545 calendar file of a public event (UTF-8, CRLF); anyone may add it to a calendar.
        app.MapGet("/events/{id:guid}/ics", async (Guid id, HttpContext http, TechMarketDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var e = await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null) return Results.NotFound();
            var page = new Uri($"{http.Request.Scheme}://{http.Request.Host}/events/{id}");
            var ics = IcsCalendar.Write(e, page, clock.GetUtcNow());
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"event-{id:N}.ics");
        }).AllowAnonymous();
        return app;
    }
}
