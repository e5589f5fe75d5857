using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Events;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Events;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Events;

/// <summary>The door list (confirmed registrants, check in / undo), the waiting list in order, and the results after the event.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class AttendeesModel(TechMarketDbContext db, CheckInRegistration checkIn, RecordEventResults record, ComputeEventResults compute) : PageModel
{
    public PromotionEvent Event { get; private set; } = null!;
    public IReadOnlyList<EventRegistration> Confirmed { get; private set; } = [];
    public IReadOnlyList<EventRegistration> Waitlist { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Organizations { get; private set; } = new Dictionary<Guid, string>();
    public EventResults Results { get; private set; } = null!;

    [BindProperty] public ResultsInput Input { get; set; } = new();

    public sealed class ResultsInput
    {
        [Display(Name = "促成交易数")] [Range(0, 100_000, ErrorMessage = "请填写 0 或正整数 / Enter zero or a positive whole number.")] public int? DealsStarted { get; set; }
        [Display(Name = "成交拍品数")] [Range(0, 100_000, ErrorMessage = "请填写 0 或正整数 / Enter zero or a positive whole number.")] public int? LotsSold { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = new ResultsInput { DealsStarted = Event.DealsStarted, LotsSold = Event.LotsSold };
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, Guid registrationId, bool undo, CancellationToken cancellationToken) =>
        await checkIn.RunAsync(id, registrationId, !undo, cancellationToken) ? RedirectToPage(new { id }) : NotFound();

    public async Task<IActionResult> OnPostResultsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        return await record.RunAsync(id, Input.DealsStarted, Input.LotsSold, cancellationToken) ? RedirectToPage(new { id }) : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var e = await db.PromotionEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        Event = e;
        var regs = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id && r.Status != EventRegistrationStatus.Cancelled)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToListAsync(ct);
        Confirmed = [.. regs.Where(r => r.Status == EventRegistrationStatus.Confirmed).OrderBy(r => r.Name, StringComparer.Ordinal)];
        Waitlist = [.. regs.Where(r => r.Status == EventRegistrationStatus.Waitlisted)];
        var orgIds = regs.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        Organizations = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Results = await compute.RunAsync(e, ct);
        return true;
    }
}
