using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Pledges;

/// <summary>
/// The pledgor opens a case: its own patents, the loan it asks for, the term, and — for a third-party pledge — the company
/// that borrows (Civil Code Art. 425). Patents under a standing pledge are refused (Civil Code Art. 444).
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class NewModel(TechMarketDbContext db, CreatePledgeCase create) : PageModel
{
    public sealed class NewPledgeInput
    {
        [Required(ErrorMessage = "请至少选择一项专利。 / Choose at least one patent.")]
        [MinLength(1, ErrorMessage = "请至少选择一项专利。 / Choose at least one patent.")]
        public List<string> Patents { get; set; } = [];

        [Required(ErrorMessage = "请填写申请金额。 / Enter the amount.")]
        [Range(typeof(decimal), "0.01", "1000000", ErrorMessage = "申请金额须在 0.01 至 1,000,000 万元之间。 / The amount must be between 0.01 and 1,000,000 (10k yuan).")]
        public decimal? AmountWanYuan { get; set; }

        [Required(ErrorMessage = "请填写贷款期限。 / Enter the term.")]
        [Range(1, 120, ErrorMessage = "期限须为 1 至 120 个月。 / The term is 1 to 120 months.")]
        public int? TermMonths { get; set; }

        [StringLength(500, ErrorMessage = "用途不超过 500 字。 / At most 500 characters.")]
        public string? Purpose { get; set; }

        /// <summary>A co-owner joining as pledgor (Patent Law Art. 14: pledging a co-owned patent needs every co-owner).</summary>
        public Guid? ThirdPartyPledgorId { get; set; }

        /// <summary>第三人出质: another company that borrows; this organisation pledges its patents for that debt (Civil Code Art. 425).</summary>
        public Guid? BorrowerId { get; set; }
    }

    public IReadOnlyList<CoOwner> Borrowers { get; private set; } = [];

    public sealed record CoOwner(Guid Id, string Name);
    public IReadOnlyList<CoOwner> CoOwners { get; private set; } = [];

    public sealed record OwnPatent(string Number, string Title, string Status, DateOnly ExpiresOn, bool IsDemo, bool Pledged);

    [BindProperty] public NewPledgeInput Input { get; set; } = new();
    public IReadOnlyList<OwnPatent> Patents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.PledgeActor() is not { } actor) return Forbid();
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var result = await create.RunAsync(actor, new NewPledgeCase(actor.OrganizationId, Input.ThirdPartyPledgorId, Input.Patents,
            Money.FromWanYuan(Input.AmountWanYuan!.Value), Input.TermMonths!.Value, Input.Purpose, Input.BorrowerId), cancellationToken);
        if (!result.Created)
        {
            foreach (var refusal in result.Refusals) ModelState.AddModelError("Input.Patents", refusal.MessageZh + " / " + refusal.MessageEn);
            await LoadAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage("/Pledges/Case", new { id = result.CaseId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var rows = await db.PatentRights.AsNoTracking().Where(p => p.Patentees.Any(o => o.OrganizationId == org)).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var numbers = rows.Select(r => r.Number).ToList();
        var pledged = await db.PatentPledges.AsNoTracking().Where(p => numbers.Contains(p.PatentNumber) && p.ReleasedOn == null).Select(p => p.PatentNumber).ToListAsync(cancellationToken);
        CoOwners = await db.PatentRights.AsNoTracking().Where(p => numbers.Contains(p.Number)).SelectMany(p => p.Patentees)
            .Where(o => o.OrganizationId != org).Select(o => new CoOwner(o.OrganizationId, o.Name)).Distinct().ToListAsync(cancellationToken);
        Borrowers = await db.Organizations.AsNoTracking()
            .Where(o => o.Id != org && o.Type == OrganizationType.Company && o.Verification == VerificationStatus.Verified)
            .OrderBy(o => o.Name).Select(o => new CoOwner(o.Id, o.Name)).ToListAsync(cancellationToken);
        Patents = [.. rows.Select(r => new OwnPatent(r.Number, r.Title, PledgeDisplay.Status(r.Status), r.ExpiresOn, r.IsDemo, pledged.Contains(r.Number)))];
    }
}
