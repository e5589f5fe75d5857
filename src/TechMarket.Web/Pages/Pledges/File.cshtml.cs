using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Pledges;

/// <summary>
/// Before filing with CNIPA: every refusal ground of the Pledge Registration Measures as a named check, then the
/// filing package (Measures Art. 7). Filing is refused while any check fails.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class FileModel(PledgeCaseStore store, FilePledgeRegistration filing) : PageModel
{
    public sealed class PackageInput
    {
        public bool FormSignedByPledgor { get; set; }
        public bool FormSignedByLender { get; set; }
        public bool IdentityDocuments { get; set; }
        public string? AgentName { get; set; }
        public bool PowerOfAttorney { get; set; }
        public bool ValuationReportAttached { get; set; }
        public bool ContinueDespiteInvalidation { get; set; }
    }

    public PledgeCase Case { get; private set; } = null!;
    public FilingCheckReport? Report { get; private set; }
    public bool CanFile { get; private set; }
    [BindProperty] public PackageInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input = new PackageInput { FormSignedByPledgor = true, FormSignedByLender = true, IdentityDocuments = true, ValuationReportAttached = true };
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.PledgeActor() is not { } actor) return NotFound();
        var package = new FilingPackage(Input.FormSignedByPledgor, Input.FormSignedByLender, Input.IdentityDocuments,
            string.IsNullOrWhiteSpace(Input.AgentName) ? null : Input.AgentName.Trim(), Input.PowerOfAttorney, Input.ValuationReportAttached, Input.ContinueDespiteInvalidation);
        var outcome = await filing.RunAsync(id, actor, package, cancellationToken);
        if (outcome is null) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            // The failed checks are shown one by one in the list; the summary names the rest (package, role, state).
            if (refusal.FailedChecks.Count == 0) ModelState.AddModelError("", refusal.MessageZh + " / " + refusal.MessageEn);
            else ModelState.AddModelError("", "登记前检查未通过，请先处理下列问题。 / The pre-filing checks fail; resolve the items below.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
        TempData["Message"] = "已提交质押登记申请。 / The registration has been filed.";
        return RedirectToPage("/Pledges/Case", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.PledgeActor() is not { } actor) return false;
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return false;
        Case = loaded.Case;
        CanFile = Case.PermittedTriggers(actor).Contains(PledgeTrigger.FileRegistration);
        Report = await filing.PreviewAsync(loaded, Input.ContinueDespiteInvalidation, cancellationToken);
        return true;
    }
}
