using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Documents;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;
using TechMarket.Web.Pages.Contracts;
using TechMarket.Web.RdContracts;

namespace TechMarket.Web.Deals;

/// <summary>Deals (issue 7): the PDF downloads of the deal contract and the R&amp;D contract, and the deals API.</summary>
internal static class DealsSetup
{
    public static IEndpointRouteBuilder MapDeals(this IEndpointRouteBuilder app)
    {
        // The contract as a PDF: only the two parties and the center (404 for anyone else, existence not revealed).
        app.MapGet("/deals/{id:guid}/contract.pdf", async (Guid id, ClaimsPrincipal user, TechMarketDbContext db, DealAccess access, DocumentPdf pdf, CancellationToken ct) =>
        {
            if (user.DealCaller() is not { } caller || await access.LoadVisibleAsync(id, caller, ct) is not { } deal) return Results.NotFound();
            var view = await DealView.LoadAsync(deal, db, ct);
            return Pdf(pdf, DealDocuments.Contract(view), $"contract-{deal.Id.ToString("N")[..12]}.pdf");
        }).RequireAuthorization();

        app.MapGet("/contracts/{id:guid}/contract.pdf", async (Guid id, ClaimsPrincipal user, TechMarketDbContext db, RdContractStore store,
            ReadContractEscrow escrow, DocumentPdf pdf, CancellationToken ct) =>
        {
            if (user.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, ct) is not { } loaded) return Results.NotFound();
            var view = await ContractView.LoadAsync(loaded, db, escrow, ct);
            return Pdf(pdf, DealDocuments.Development(view), $"rd-contract-{id.ToString("N")[..12]}.pdf");
        }).RequireAuthorization();

        // The caller's deals (buyer or seller side; the center sees all), newest first, 20 a page.
        app.MapGet("/api/v1/deals", async (ClaimsPrincipal user, TechMarketDbContext db, int? page, CancellationToken ct) =>
        {
            if (user.DealCaller() is not { } caller) return Results.Forbid();
            var p = Math.Clamp(page ?? 1, 1, 10_000);
            var query = DealQueries.Visible(db, caller);
            var total = await query.CountAsync(ct);
            var items = await query.OrderByDescending(d => d.CreatedAt).Skip((p - 1) * 20).Take(20)
                .Select(d => new
                {
                    d.Id, d.ListingId, Origin = d.Origin.ToString(), Status = d.Status.ToString(), TradeMode = d.TradeMode.ToString(), d.PriceFen,
                    d.SellerOrganizationId, d.BuyerOrganizationId, d.CreatedAt, d.PublicityEndsAt,
                }).ToListAsync(ct);
            return Results.Ok(new { total, page = p, items });
        }).RequireAuthorization(Policies.OrganizationMember);
        return app;
    }

    private static IResult Pdf(DocumentPdf pdf, PdfDocumentModel model, string fileName)
    {
        try
        {
            return Results.File(pdf.Render(model), "application/pdf", fileName);
        }
        catch (CjkFontMissingException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF font missing / 缺少 PDF 中文字体");
        }
    }

    public static DealCaller? DealCaller(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId() is not { } userId) return null;
        return new DealCaller(userId, user.OrganizationId(), user.IsCenterStaff(), user.FindFirstValue(TechMarketClaims.DisplayName) ?? "");
    }
}

internal static class DealQueries
{
    public static IQueryable<DealRecord> Visible(TechMarketDbContext db, DealCaller caller) => caller.IsCenter
        ? db.Deals.AsNoTracking()
        : db.Deals.AsNoTracking().Where(d => d.SellerOrganizationId == caller.OrganizationId || d.BuyerOrganizationId == caller.OrganizationId);
}

/// <summary>A deal with what its pages and documents show beside it: the listing, both parties' real names, signatures, objections.</summary>
public sealed record DealView(DealRecord Deal, string Title, string RecordNumber, string SellerName, string BuyerName, OrganizationType SellerType,
    IReadOnlyList<DealSignatureRecord> Signatures, IReadOnlyList<DealObjectionRecord> Objections)
{
    public TransferContractTerms Contract => Deal.Contract!;

    public DealSignatureRecord? SignatureOf(OfferSide side) => Signatures.FirstOrDefault(s => s.Side == side);

    public static async Task<DealView> LoadAsync(DealRecord deal, TechMarketDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(db);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record).FirstAsync(l => l.Id == deal.ListingId, ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.Id == deal.SellerOrganizationId || o.Id == deal.BuyerOrganizationId)
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Type }, ct);
        var signatures = await db.DealSignatures.AsNoTracking().Where(s => s.DealId == deal.Id).ToListAsync(ct);
        var objections = await db.DealObjections.AsNoTracking().Where(o => o.DealId == deal.Id).OrderBy(o => o.RaisedAt).ToListAsync(ct);
        return new DealView(deal, listing.Record!.Title, listing.Record.RecordId, orgs[deal.SellerOrganizationId].Name, orgs[deal.BuyerOrganizationId].Name,
            orgs[deal.SellerOrganizationId].Type, signatures, objections);
    }
}
