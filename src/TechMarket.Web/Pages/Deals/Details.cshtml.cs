using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Domain.Deals;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Deals;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Deals;

/// <summary>
/// 成交: status, documents, the contract (editable until both sign; an edit voids signatures), signatures, the publicity
/// period with its objection log, and the university's inventor-reward calculation. The two parties and the center only.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class DetailsModel(TechMarketDbContext db, DealAccess access, EndPublicity endPublicity, AnswerObjection answer, SetInventorReward reward,
    EditDealContract edit, SignDealContract sign, CancelDeal cancel) : PageModel
{
    public DealView View { get; private set; } = null!;
    public OfferSide? Side { get; private set; }
    public bool IsCenter { get; private set; }
    /// <summary>An edit was refused because the contract changed meanwhile: the page shows the saved version too.</summary>
    public bool ShowSavedContract { get; private set; }
    [BindProperty] public ContractInput Terms { get; set; } = new();
    [BindProperty] public string? SignName { get; set; }
    [BindProperty] public string? AnswerText { get; set; }
    [BindProperty] public decimal? CostsYuan { get; set; }
    [BindProperty] public decimal? SharePercent { get; set; }
    [BindProperty] public string? Policy { get; set; }
    [BindProperty] public string? CancelReason { get; set; }
    /// <summary>The deal's version the page showed: a step taken from it after someone else changed the deal is refused, keeping what was typed.</summary>
    [BindProperty] public int? DealVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Terms = ContractInput.From(View.Contract);
        CostsYuan = View.Deal.CostsFen / 100m;
        SharePercent = View.Deal.RewardShareBasisPoints / 100m;
        Policy = View.Deal.RewardPolicy;
        return Page();
    }

    public Task<IActionResult> OnPostEndPublicityAsync(Guid id, CancellationToken ct) => ActAsync(id, "", c => endPublicity.RunAsync(id, c, DealVersion, ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid objection, CancellationToken ct) =>
        ActAsync(id, nameof(AnswerText), c => answer.RunAsync(id, objection, c, AnswerText ?? "", ct), ct);

    public Task<IActionResult> OnPostRewardAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(CostsYuan), c =>
        reward.RunAsync(id, c, new Money((long)decimal.Round((CostsYuan ?? -1) * 100m)), (int)decimal.Round((SharePercent ?? -1) * 100m), Policy, DealVersion, ct), ct);

    public Task<IActionResult> OnPostTermsAsync(Guid id, CancellationToken ct) => ActAsync(id, "Terms", c => edit.RunAsync(id, c, Terms.ToTerms(), DealVersion, ct), ct);

    public Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(SignName), c => sign.RunAsync(id, c, SignName ?? "", DealVersion, ct), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(CancelReason), c => cancel.RunAsync(id, c, CancelReason ?? "", DealVersion, ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, string field, Func<DealCaller, Task<DealResult>> act, CancellationToken ct)
    {
        if (User.DealCaller() is not { } caller || await access.LoadVisibleAsync(id, caller, ct) is null) return NotFound();
        var result = await act(caller);
        if (result.Refusal is { } refusal)
        {
            // Keep what was typed; the reason in both languages beside the field.
            ModelState.AddModelError(field, refusal.ToString());
            await LoadAsync(id, ct);
            if (field != "Terms") Terms = ContractInput.From(View.Contract);
            // The deal changed since the page was read: the typed terms stay in the form, the saved ones are shown beside them.
            ShowSavedContract = field == "Terms" && refusal.Code == DealRefusalCode.Changed;
            return Page();
        }
        return RedirectToPage(null, null, new { id }, null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (User.DealCaller() is not { } caller || await access.LoadVisibleAsync(id, caller, ct) is not { } deal) return false;
        View = await DealView.LoadAsync(deal, db, ct);
        Side = DealAccess.SideOf(deal, caller);
        IsCenter = caller.IsCenter;
        return true;
    }

    public sealed class ContractInput
    {
        public string ProjectName { get; set; } = "";
        public string SubjectScopeAndRequirements { get; set; } = "";
        public string PlanAndManner { get; set; } = "";
        public string Confidentiality { get; set; } = "";
        public string OwnershipAndBenefitSharing { get; set; } = "";
        public string Acceptance { get; set; } = "";
        public PaymentForm PaymentForm { get; set; }
        public string PaymentTerms { get; set; } = "";
        public string? LicenceScope { get; set; }
        public string? Territory { get; set; }
        public string? Term { get; set; }
        public string PatentName { get; set; } = "";
        public string PatentNumber { get; set; } = "";
        public DateOnly? FiledOn { get; set; }
        public DateOnly? GrantedOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }

        public static ContractInput From(TransferContractTerms c)
        {
            ArgumentNullException.ThrowIfNull(c);
            return new()
            {
                ProjectName = c.ProjectName, SubjectScopeAndRequirements = c.SubjectScopeAndRequirements, PlanAndManner = c.PlanAndManner,
                Confidentiality = c.Confidentiality, OwnershipAndBenefitSharing = c.OwnershipAndBenefitSharing, Acceptance = c.Acceptance,
                PaymentForm = c.PaymentForm, PaymentTerms = c.PaymentTerms, LicenceScope = c.LicenceScope, Territory = c.Territory, Term = c.Term,
                PatentName = c.PatentName, PatentNumber = c.PatentNumber, FiledOn = c.FiledOn, GrantedOn = c.GrantedOn, ExpiresOn = c.ExpiresOn,
            };
        }

        public TransferContractTerms ToTerms() => new(ProjectName ?? "", SubjectScopeAndRequirements ?? "", PlanAndManner ?? "", Confidentiality ?? "",
            OwnershipAndBenefitSharing ?? "", Acceptance ?? "", PaymentForm, PaymentTerms ?? "", LicenceScope ?? "", Territory ?? "", Term ?? "",
            PatentName ?? "", PatentNumber ?? "", FiledOn, GrantedOn, ExpiresOn);
    }
}
