using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Events;
using TechMarket.Infrastructure.Identity;
using TechMarket.Web.Articles;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Events;

/// <summary>
/// A public event page: programme (Markdown, sanitised), place or link, presented listings, the auction session,
/// seats left, the calendar file, and afterwards its results. Signing in lets a person register (a seat or the waiting
/// list) and cancel; a cancellation hands the seat to the first on the waiting list.
/// </summary>
[AllowAnonymous]
public sealed class DetailsModel(TechMarketDbContext db, TimeProvider clock, RegisterForEvent register, CancelEventRegistration cancel,
    ComputeEventResults results, UserManager<AppUser> users) : PageModel
{
    public PromotionEvent Event { get; private set; } = null!;
    public string ProgrammeHtml { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Title)> Listings { get; private set; } = [];
    public int Confirmed { get; private set; }
    public int Waitlisted { get; private set; }
    public EventRegistration? Mine { get; private set; }
    public int? WaitlistPosition { get; private set; }
    public EventResults? Results { get; private set; }
    public bool IsOver { get; private set; }
    public bool Open { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var outcome = await register.RunAsync(id, user.Id, user.OrganizationId, user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? "", user.Email ?? "", cancellationToken);
        if (outcome.Refusal == RegistrationRefusal.NoSuchEvent) return NotFound();
        if (outcome.Refusal == RegistrationRefusal.Closed)
        {
            Problem = "报名已截止 / Registration is closed.";
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        await cancel.RunAsync(id, me, cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var e = await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        Event = e;
        var now = clock.GetUtcNow();
        IsOver = e.IsOver(now);
        Open = e.AcceptsRegistrations(now);
        ProgrammeHtml = ArticleLibrary.RenderSafeHtml(e.ProgrammeMarkdown);
        Listings = [.. (await db.EventListings.AsNoTracking().Where(l => l.EventId == id)
            .Join(db.Listings, l => l.ListingId, x => x.Id, (l, x) => new { x.Id, x.Record!.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title))];
        var regs = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id && r.Status != EventRegistrationStatus.Cancelled)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.UserId, r.Status }).ToListAsync(ct);
        Confirmed = regs.Count(r => r.Status == EventRegistrationStatus.Confirmed);
        Waitlisted = regs.Count(r => r.Status == EventRegistrationStatus.Waitlisted);
        if (User.UserId() is { } me)
        {
            Mine = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.UserId == me, ct);
            if (Mine?.Status == EventRegistrationStatus.Waitlisted)
                WaitlistPosition = regs.Where(r => r.Status == EventRegistrationStatus.Waitlisted).Select(r => r.Id).ToList().IndexOf(Mine.Id) + 1;
        }
        if (IsOver) Results = await results.RunAsync(e, ct);
        return true;
    }
}
