using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Catalogue;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.DemandMatches;

/// <summary>
/// 与本单位成果匹配的技术需求 (issue 8): open demands matched to the signed-in member's own organisation, with the
/// organisation's listings that matched. Only the demand's public summary is shown — the problem and indicators stay
/// behind the demand's NDA on its own page, where the member can accept it and propose. The organisation comes from the
/// member's claim, never from the request, so no organisation can read another's matches.
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class IndexModel(TechMarketDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Whether the signed-in member gets the daily matched-demand mail: on unless they turned it off or unsubscribed.</summary>
    public bool MailOn { get; private set; } = true;
    [TempData] public string? StatusMessage { get; set; }

    public sealed record MatchedListing(Guid Id, string Title, bool IsPublished);

    public sealed record Row(Guid DemandId, string Title, string PublicSummary, string Owner, Industry Industry, long BudgetMinFen, long BudgetMaxFen,
        DateOnly Deadline, DateTimeOffset MatchedAt, IReadOnlyList<MatchedListing> Listings);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    /// <summary>Turns the member's own daily mail off or back on (the same subscription the mail's unsubscribe link ends).</summary>
    public async Task<IActionResult> OnPostMailAsync(bool on, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        var subscription = await db.SavedSearches.FirstOrDefaultAsync(s => s.UserId == userId && s.Kind == SavedSearchKind.MatchedDemands, cancellationToken);
        if (subscription is null)
        {
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(email)) return NotFound();
            subscription = SavedSearch.ForMatchedDemands(userId, email, UnsubscribeTokens.Hash(UnsubscribeTokens.NewToken()), clock.GetUtcNow());
            db.SavedSearches.Add(subscription);
        }
        if (on) subscription.Resubscribe();
        else subscription.Unsubscribe(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = on ? "mail-on" : "mail-off";
        return RedirectToPage();
    }

    public async Task OnGetAsync(int p, CancellationToken cancellationToken)
    {
        var userId = User.UserId()!.Value;
        MailOn = !await db.SavedSearches.AnyAsync(s => s.UserId == userId && s.Kind == SavedSearchKind.MatchedDemands && s.UnsubscribedAt != null, cancellationToken);
        var org = User.OrganizationId()!.Value;
        var today = ChinaTime.Today(clock.GetUtcNow());
        PageNumber = Math.Clamp(p, 1, 1000); // a huge page number would overflow the offset
        // Demands still open for proposals only: an awarded, closed or expired demand can no longer be answered.
        var page = await db.DemandOrganisationMatches.AsNoTracking().Where(m => m.OrganizationId == org)
            .Join(db.Demands.Where(d => d.Status == DemandStatus.Open && d.Deadline >= today), m => m.DemandId, d => d.Id, (m, d) => new { Match = m, Demand = d })
            .OrderByDescending(x => x.Match.MatchedAt).ThenBy(x => x.Match.DemandId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new
            {
                x.Match.DemandId, x.Match.MatchedAt, x.Match.ListingIdList, x.Demand.Title, x.Demand.PublicSummary, x.Demand.Industry,
                x.Demand.BudgetMinFen, x.Demand.BudgetMaxFen, x.Demand.Deadline,
                Owner = db.Organizations.Where(o => o.Id == x.Demand.OwnerOrganizationId).Select(o => o.Name).First(),
            })
            .ToListAsync(cancellationToken);
        HasMore = page.Count > PageSize;
        var shown = page.Take(PageSize).ToList();
        var listingIds = shown.SelectMany(r => Ids(r.ListingIdList)).Distinct().ToList();
        var listings = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id) && l.OrganizationId == org)
            .Select(l => new { l.Id, l.Record!.Title, l.Status }).ToDictionaryAsync(l => l.Id, cancellationToken);
        Rows = [.. shown.Select(r => new Row(r.DemandId, r.Title, r.PublicSummary, r.Owner, r.Industry, r.BudgetMinFen, r.BudgetMaxFen, r.Deadline, r.MatchedAt,
            [.. Ids(r.ListingIdList).Where(listings.ContainsKey).Select(id => new MatchedListing(id, listings[id].Title, listings[id].Status == ListingStatus.Published))]))];
    }

    private static IEnumerable<Guid> Ids(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"));
}
