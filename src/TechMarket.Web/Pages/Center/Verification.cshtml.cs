using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Mail;
using TechMarket.Web.Identity;
using TechMarket.Web.Pages.Account;

namespace TechMarket.Web.Pages.Center;

/// <summary>The center's verification queue: approve, or reject with a reason; audited, and the applicant's admins are told.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class VerificationModel(TechMarketDbContext db, IMailSender mail, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Organization> Pending { get; private set; } = [];
    [BindProperty] public string? Reason { get; set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, approve: true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (org is null) return NotFound();
        var decision = approve ? org.Approve(clock.GetUtcNow()) : org.Reject(Reason ?? "");
        if (!decision.Succeeded)
        {
            ModelState.AddModelError(nameof(Reason), decision.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.AuditAs(approve ? "organization.approved" : "organization.rejected", approve ? null : Reason);
        await db.SaveChangesAsync(cancellationToken);
        var admins = await db.Users.Where(u => u.OrganizationId == id && u.OrganizationRole == OrganizationRole.Admin && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
        foreach (var email in admins) await mail.SendAsync(AccountMail.VerificationDecided(email, org.Name, approve, org.RejectionReason), cancellationToken);
        TempData["Message"] = approve ? $"已认证：{org.Name}" : $"已驳回：{org.Name}";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        Pending = await db.Organizations.AsNoTracking().Where(o => o.Verification == VerificationStatus.Pending).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
    }
}
