using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Web.Center;
using TechMarket.Web.Identity;
using TechMarket.Web.Payments;

namespace TechMarket.Web.Pages.Center.Brokerage;

/// <summary>
/// One brokerage case: the subject, the broker (a center staff user), next action and due date, the fee agreed, the
/// stage (one step forward, or dropped; closing after a deal books the fee), notes, and the enquiry threads the broker
/// may read once assigned.
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class CaseModel(TechMarketDbContext db, UserManager<AppUser> users, PlanBrokerageCase plan, MoveBrokerageCase move,
    AddBrokerageNote addNote, BrokerageAccess access, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Thread(Guid Id, string Buyer, int Messages);

    public BrokerageCase Case { get; private set; } = null!;
    public string Client { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    public IReadOnlyList<BrokerageNote> Notes { get; private set; } = [];
    public IReadOnlyList<Thread> Threads { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public MoveInput Move { get; set; } = new();
    [BindProperty, StringLength(BrokerageCase.MaxTextLength, ErrorMessage = "最长 2000 字 / At most 2000 characters.")] public string? Note { get; set; }

    public sealed class PlanInput
    {
        [Display(Name = "技术经纪人")] public Guid? BrokerUserId { get; set; }
        [Display(Name = "下一步")] [StringLength(BrokerageCase.MaxTextLength, ErrorMessage = "最长 2000 字 / At most 2000 characters.")] public string? NextAction { get; set; }
        [Display(Name = "到期日")] public DateOnly? DueOn { get; set; }
        [Display(Name = "约定经纪服务费（元）")]
        [Range(0, 100_000_000_000, ErrorMessage = "请填写 0 或正数金额 / Enter zero or a positive amount.")]
        public decimal? FeeYuan { get; set; }
    }

    public sealed class MoveInput
    {
        public BrokerageStage Stage { get; set; }
        [Display(Name = "交易编号")] public Guid? DealId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Plan = new PlanInput { BrokerUserId = Case.BrokerUserId, NextAction = Case.NextAction, DueOn = Case.DueOn, FeeYuan = Case.FeeFen is { } f ? f / 100m : null };
        Move = new MoveInput { DealId = Case.DealId };
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return await ReloadAsync(id, cancellationToken);
        if (Plan.FeeYuan is { } y && decimal.Round(y, 2) != y) return await ReloadAsync(id, cancellationToken, ("Plan.FeeYuan", "金额最多两位小数 / At most two decimals."));
        if (Plan.BrokerUserId is { } broker && !(await users.GetUsersInRoleAsync(PlatformRoles.CenterStaff)).Any(u => u.Id == broker))
            return await ReloadAsync(id, cancellationToken, ("Plan.BrokerUserId", "经纪人须为服务中心工作人员 / The broker must be center staff."));
        var refusal = await plan.RunAsync(id, new BrokeragePlan(Plan.BrokerUserId, Plan.NextAction, Plan.DueOn,
            Plan.FeeYuan is { } yuan ? new Money((long)(yuan * 100m)) : null), cancellationToken);
        if (refusal is null) return NotFound();
        if (refusal != BrokerageRefusal.None) return await ReloadAsync(id, cancellationToken, ("", CenterLabels.Refusal(t, refusal.Value)));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var (problem, refusal) = await move.RunAsync(id, Move.Stage, Move.Stage == BrokerageStage.Deal ? Move.DealId : null, cancellationToken);
        return problem switch
        {
            MoveBrokerageCase.Problem.None => RedirectToPage(new { id }),
            MoveBrokerageCase.Problem.NotFound => NotFound(),
            MoveBrokerageCase.Problem.UnknownDeal => await ReloadAsync(id, cancellationToken, ("Move.DealId", "找不到该交易 / No such deal.")),
            _ => await ReloadAsync(id, cancellationToken, ("", CenterLabels.Refusal(t, refusal))),
        };
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Note)) ModelState.AddModelError(nameof(Note), "请填写备注 / Write a note.");
        if (!ModelState.IsValid) return await ReloadAsync(id, cancellationToken);
        return await addNote.RunAsync(id, User.UserId(), Note!, cancellationToken) ? RedirectToPage(new { id }) : NotFound();
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct, (string Key, string Message)? error = null)
    {
        if (error is { } e) ModelState.AddModelError(e.Key, e.Message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.BrokerageCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null) return false;
        Case = found;
        Client = await db.Organizations.Where(o => o.Id == found.ClientOrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "—";
        Staff = [.. (await users.GetUsersInRoleAsync(PlatformRoles.CenterStaff)).OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => (u.Id, u.DisplayName.Length > 0 ? $"{u.DisplayName} ({u.Email})" : u.Email ?? ""))];
        Notes = await db.BrokerageNotes.AsNoTracking().Where(n => n.CaseId == id).OrderByDescending(n => n.At).ToListAsync(ct);
        if (found.ListingId is { } listing)
        {
            var enquiries = await db.Enquiries.AsNoTracking().Include(e => e.Messages).Where(e => e.ListingId == listing).ToListAsync(ct);
            var readable = new List<Thread>();
            foreach (var e in enquiries)
            {
                if (!await access.CenterMayReadAsync(e, ct)) continue;
                var buyer = await db.Organizations.Where(o => o.Id == e.BuyerOrganizationId).Select(o => o.Name).FirstAsync(ct);
                readable.Add(new Thread(e.Id, buyer, e.Messages.Count));
            }
            Threads = readable;
        }
        return true;
    }
}
