using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Auctions;

/// <summary>
/// 次高出价受让邀请: after a default the runner-up's organisation sees the lot at its last bid and accepts (a deal and its
/// settlement are opened) or declines before the answer date. Only that organisation sees the offer; anyone else gets
/// 404, so the page does not even confirm that an offer exists. The reserve is never shown.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class OfferModel(TechMarketDbContext db, AnswerRunnerUpOffer answer, TimeProvider clock) : PageModel
{
    public RunnerUpOfferRecord Offer { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, bool confirm, CancellationToken cancellationToken) =>
        AnswerAsync(id, RunnerUpAnswer.Accept, confirm, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, bool confirm, CancellationToken cancellationToken) =>
        AnswerAsync(id, RunnerUpAnswer.Decline, confirm, cancellationToken);

    private async Task<IActionResult> AnswerAsync(Guid id, RunnerUpAnswer choice, bool confirm, CancellationToken cancellationToken)
    {
        if (User.OrganizationId() is not { } organization) return NotFound();
        if (!confirm)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("confirm", "答复后不可更改，请勾选确认 / An answer cannot be changed: tick to confirm.");
            return Page();
        }
        var outcome = await answer.RunAsync(id, organization, User.UserId(), choice, cancellationToken);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            ModelState.AddModelError("", outcome.Error!);
            return Page();
        }
        if (outcome.Deal is { } deal) return Redirect($"/deals/{deal.Id}");
        TempData["Message"] = choice == RunnerUpAnswer.Accept ? "已接受 / Accepted." : "已谢绝，标的将重新拍卖 / Declined; the lot goes to re-auction.";
        return Redirect($"/auctions/offers/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        if (User.OrganizationId() is not { } organization) return false;
        var offer = await db.RunnerUpOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.OrganizationId == organization, cancellationToken);
        if (offer is null) return false;
        Offer = offer;
        Title = await db.Auctions.AsNoTracking().Where(a => a.Id == offer.AuctionId).Select(a => a.Title).FirstAsync(cancellationToken);
        Now = clock.GetUtcNow();
        return true;
    }
}
