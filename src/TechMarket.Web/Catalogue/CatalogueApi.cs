using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Search;
using TechMarket.Search;

namespace TechMarket.Web.Catalogue;

internal static class CatalogueApi
{
    public static void MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Catalogue").AllowAnonymous();
        api.MapGet("/listings/{id:guid}", GetListingAsync)
            .WithName("GetListing")
            .WithSummary("One published listing with its record's fields. Drafts, listings under review and closed listings are 404.")
            .Produces<ListingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/suggest", SuggestAsync)
            .WithName("SuggestTitles")
            .WithSummary("Autocomplete: up to 8 published listing titles that start with or contain the text typed so far.")
            .Produces<IReadOnlyList<SuggestionResponse>>()
            .ProducesValidationProblem();
    }

    internal static async Task<IResult> GetListingAsync(Guid id, TechMarketDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Listings.AsNoTracking().Where(l => l.Id == id && l.Status == ListingStatus.Published)
            .Select(l => new { Listing = l, l.Record, Org = db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这个挂牌 / No such published listing");
        var (l, r) = (row.Listing, row.Record!);
        return TypedResults.Ok(new ListingResponse(l.Id, r.RecordId, r.Title, r.Abstract, r.Claims, r.Kind.Code(), l.TradeModes.ToCodes(), l.PriceFen,
            row.Org, CatalogDocuments.IndustryCode(l.Industry), r.IpcCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries), l.LegalStatus?.Code(),
            l.Encumbrances, l.Trl, l.PublishedAt, l.IsDemo));
    }

    internal static async Task<IResult> SuggestAsync(string? q, ICatalogSearch search, CancellationToken cancellationToken)
    {
        if (q is { Length: > 100 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["最长 100 个字符 / q may be at most 100 characters."] });
        if (string.IsNullOrWhiteSpace(q)) return TypedResults.Ok(Array.Empty<SuggestionResponse>());
        var suggestions = await search.SuggestAsync(q.Trim(), 8, cancellationToken);
        return TypedResults.Ok(suggestions.Select(s => new SuggestionResponse(s.ListingId, s.RecordId, s.Title)).ToArray());
    }
}

public sealed record ListingResponse(Guid Id, string RecordId, string Title, string? Abstract, string? Claims, string Type, IReadOnlyList<string> TradeModes,
    long? PriceFen, string Organization, string? Industry, IReadOnlyList<string> IpcCodes, string? LegalStatus, string? Encumbrances, int? Trl,
    DateTimeOffset? PublishedAt, bool IsDemo);

public sealed record SuggestionResponse(Guid Id, string RecordId, string Title);
