using Microsoft.AspNetCore.Mvc;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Financing;

public static class FinancingEndpoints
{
    /// <summary>The securitisation export (center staff) and the valuation report download (whoever sees the case).</summary>
    public static void MapFinancing(this IEndpointRouteBuilder app)
    {
        // GET, no side effects: antiforgery is not needed; the center chooses the cases on the dashboard.
        app.MapGet("/pledges/export.{format}", async (string format, [FromQuery(Name = "id")] Guid[] ids, SecuritisationExport export, TimeProvider clock, CancellationToken ct) =>
        {
            if (format is not ("csv" or "json")) return Results.NotFound();
            if (ids.Length == 0) return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["请至少选择一个案件。 / Select at least one case."] });
            var pool = await export.BuildAsync(ids, ct);
            var stamp = clock.GetUtcNow().ToOffset(ChinaCalendar.Offset).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
            return format == "csv"
                ? Results.File(SecuritisationExport.ToCsv(pool), "text/csv; charset=utf-8", $"pledge-pool-{stamp}.csv")
                : Results.File(SecuritisationExport.ToJson(pool), "application/json; charset=utf-8", $"pledge-pool-{stamp}.json");
        }).RequireAuthorization(Policies.CenterStaff);

        app.MapGet("/pledges/{id:guid}/valuation-report", async (Guid id, HttpContext http, PledgeCaseStore store, ValuationReportStore files, CancellationToken ct) =>
        {
            if (http.User.PledgeActor() is not { } actor) return Results.NotFound();
            var loaded = await store.FindAsync(id, actor, ct);
            if (loaded?.Row.ValuationReportFile is not { } name || files.Open(name) is not { } stream) return Results.NotFound();
            return Results.File(stream, "application/pdf", $"valuation-{loaded.Case.Valuation?.ReportNumber ?? id.ToString()}.pdf");
        }).RequireAuthorization(Policies.OrganizationMember);
    }
}
