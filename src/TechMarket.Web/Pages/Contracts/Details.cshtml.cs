using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;
using TechMarket.Web.Payments;
using TechMarket.Web.RdContracts;

namespace TechMarket.Web.Pages.Contracts;

/// <summary>
/// 技术开发合同: terms (editable until both sign), signatures, milestones with escrow, deliverables, acceptance, disputes and the
/// center's decisions, and the money summary read from the ledger. The client funds a milestone by bank transfer quoting
/// the milestone's payment reference (the center books it on its receipts page) or by card; the center records payouts
/// to the developer and refunds to the client. Only the parties and the center see it (404 for anyone else).
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class DetailsModel(TechMarketDbContext db, RdContractStore store, ReadContractEscrow escrow, EditContractTerms editTerms, SignContract sign,
    FundMilestone fund, SubmitDeliverable submit, AcceptMilestone accept, RejectMilestone reject, DisputeMilestone dispute, DecideDispute decide,
    RecordMilestonePayout payout, PaymentsOptions payments, StripeOptions stripe, IServiceProvider services) : PageModel
{
    public ContractView View { get; private set; } = null!;
    public DevelopmentContract Contract => View.Loaded.Contract;
    public RdRole Roles { get; private set; }
    [BindProperty] public TermsInput Terms { get; set; } = new();
    [BindProperty] public string? SignName { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public CenterDecisionKind? DecisionKind { get; set; }
    [BindProperty] public decimal? ReleaseWan { get; set; }
    [BindProperty] public Guid PayoutId { get; set; }
    [BindProperty] public MilestonePayee Payee { get; set; }
    [BindProperty] public decimal? PayoutYuan { get; set; }
    [BindProperty] public string? PayoutBankReference { get; set; }
    public int? ActiveMilestone { get; private set; }
    public BankAccountOptions BankAccount => payments.BankAccount;
    public bool CardEnabled => stripe.IsConfigured;
    public string? PublishableKey => string.IsNullOrWhiteSpace(stripe.PublishableKey) ? null : stripe.PublishableKey;
    /// <summary>A card payment just started for a milestone (the Payment Element mounts on it).</summary>
    public MilestoneCardPayment? Card { get; private set; }
    public int? CardMilestone { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Terms = TermsInput.From(View.Loaded.Record, Contract);
        return Page();
    }

    public Task<IActionResult> OnPostTermsAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, null, "Terms", (l, c) => editTerms.RunAsync(l, c, Terms.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, null, nameof(SignName), (l, c) => sign.RunAsync(l, c, SignName ?? "", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFundAsync(Guid id, int milestone, CancellationToken cancellationToken) =>
        ActAsync(id, milestone, "", (l, c) => fund.RunAsync(l, c, milestone, cancellationToken), cancellationToken);

    /// <summary>The client starts paying a milestone's escrow by card; the escrow is booked only from Stripe's webhook.</summary>
    public async Task<IActionResult> OnPostCardAsync(Guid id, int milestone, CancellationToken cancellationToken)
    {
        if (User.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, cancellationToken) is not { } loaded) return NotFound();
        if (!loaded.Contract.RolesOf(caller.Actor).HasFlag(RdRole.Client) || services.GetService<PayMilestoneByCard>() is not { } pay) return NotFound();
        Card = await pay.RunAsync(id, milestone, caller.OrganizationId, caller.UserId, cancellationToken);
        if (Card is null)
        {
            ModelState.AddModelError(string.Empty, "该里程碑无需或已完成托管付款 / This milestone needs no payment or is funded already.");
        }
        CardMilestone = milestone;
        await LoadAsync(id, cancellationToken);
        Terms = TermsInput.From(View.Loaded.Record, Contract);
        return Page();
    }

    /// <summary>The center records the transfer paying released money to the developer, or returning refunded money to the client.</summary>
    public async Task<IActionResult> OnPostPayoutAsync(Guid id, int milestone, CancellationToken cancellationToken)
    {
        if (User.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, cancellationToken) is not { } loaded) return NotFound();
        if (!loaded.Contract.RolesOf(caller.Actor).HasFlag(RdRole.Center)) return NotFound();
        // Only this form's fields count (the page's other bound inputs are not part of this post).
        var valid = true;
        var fen = PaymentDisplay.YuanToFen(PayoutYuan);
        if (fen is null) Invalid(nameof(PayoutYuan), "金额须大于 0，最多两位小数 / The amount must be positive with at most two decimals.");
        if (string.IsNullOrWhiteSpace(PayoutBankReference) || PayoutBankReference.Length > 100)
            Invalid(nameof(PayoutBankReference), "请填写银行流水号（不超过 100 字符） / Enter the bank's transaction number (at most 100 characters).");
        if (PayoutId == Guid.Empty) Invalid(string.Empty, "表单已失效，请刷新后重试 / The form expired; reload and try again.");
        var funding = (await escrow.RunAsync(id, cancellationToken)).Of(milestone);
        if (funding is null) return NotFound();
        if (valid)
        {
            var outcome = await payout.RunAsync(funding.AccountId, Payee, PayoutId, new Money(fen!.Value), PayoutBankReference!, cancellationToken);
            if (outcome.Succeeded)
            {
                Message = outcome.WasAlreadyRecorded ? "该笔付款已登记过，未重复记账。 / Already recorded; not booked twice."
                    : $"已登记付款 {outcome.Payment!.Amount} / Payment recorded.";
                return RedirectToPage(null, null, new { id }, $"m{milestone}");
            }
            ModelState.AddModelError(nameof(PayoutYuan), outcome.Refusal == MilestonePayoutRefusal.AmountAboveOutstanding
                ? "金额超过该里程碑应付余额 / The amount exceeds what this milestone still owes."
                : "找不到该里程碑的托管账户 / No escrow account for this milestone.");
        }
        ActiveMilestone = milestone;
        await LoadAsync(id, cancellationToken);
        Terms = TermsInput.From(View.Loaded.Record, Contract);
        return Page();

        void Invalid(string field, string message)
        {
            ModelState.AddModelError(field, message);
            valid = false;
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, int milestone, CancellationToken cancellationToken) =>
        ActAsync(id, milestone, nameof(Notes), (l, c) => submit.RunAsync(l, c, milestone, Notes ?? "",
            [.. Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(f => new UploadedDeliverable(f.FileName, f.Length, f.OpenReadStream))], cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int milestone, CancellationToken cancellationToken) =>
        ActAsync(id, milestone, "", (l, c) => accept.RunAsync(l, c, milestone, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, int milestone, CancellationToken cancellationToken) =>
        ActAsync(id, milestone, nameof(Reasons), (l, c) => reject.RunAsync(l, c, milestone, Reasons ?? "", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, int milestone, CancellationToken cancellationToken) =>
        ActAsync(id, milestone, nameof(Reasons), (l, c) => dispute.RunAsync(l, c, milestone, Reasons ?? "", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(Guid id, int milestone, CancellationToken cancellationToken) =>
        ActAsync(id, milestone, nameof(Reasons), (l, c) =>
        {
            var held = l.Contract.Milestones.FirstOrDefault(m => m.Number == milestone)?.Held ?? Money.Zero;
            var kind = DecisionKind ?? CenterDecisionKind.Refund;
            var release = kind switch
            {
                CenterDecisionKind.Release => held,
                CenterDecisionKind.Refund => Money.Zero,
                CenterDecisionKind.PartialRelease => ReleaseWan is { } w and >= 0 ? Money.FromWanYuan(w) : Money.Zero,
            };
            return decide.RunAsync(l, c, milestone, kind, release, Reasons ?? "", cancellationToken);
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, int? milestone, string field, Func<LoadedContract, RdCaller, Task<RdOutcome>> act, CancellationToken cancellationToken)
    {
        if (User.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, cancellationToken) is not { } loaded) return NotFound();
        var outcome = await act(loaded, caller);
        if (outcome.Refusal is { } refusal)
        {
            // Keep what the user typed; show the domain's reason beside the field ("中文 / English").
            ModelState.AddModelError(field, $"{refusal.MessageZh} / {refusal.MessageEn}");
            ActiveMilestone = milestone;
            await LoadAsync(id, cancellationToken);
            if (field != "Terms") Terms = TermsInput.From(View.Loaded.Record, Contract);
            return Page();
        }
        return RedirectToPage(null, null, new { id }, milestone is { } n ? $"m{n}" : null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.Caller() is not { } caller || await store.LoadVisibleAsync(id, caller, cancellationToken) is not { } loaded) return false;
        View = await ContractView.LoadAsync(loaded, db, escrow, cancellationToken);
        Roles = loaded.Contract.RolesOf(caller.Actor);
        return true;
    }

    public sealed class TermsInput
    {
        public string ProjectName { get; set; } = "";
        public string ContentScopeAndRequirements { get; set; } = "";
        public string PlanPlaceAndManner { get; set; } = "";
        public string Confidentiality { get; set; } = "";
        public string AcceptanceStandardAndMethod { get; set; } = "";
        public FilingRightHolder FilingRight { get; set; }
        public bool ClientMayUseFree { get; set; }
        public bool ClientHasFirstRefusal { get; set; }
        public bool AnyPartnerMayVetoFiling { get; set; }
        public KnowHowTerms KnowHow { get; set; }
        public string? KnowHowAgreement { get; set; }
        public string? RiskAgreed { get; set; }

        public static TermsInput From(RdContractRecord r, DevelopmentContract c)
        {
            ArgumentNullException.ThrowIfNull(r);
            ArgumentNullException.ThrowIfNull(c);
            return new TermsInput
            {
                ProjectName = r.ProjectName, ContentScopeAndRequirements = r.ContentScopeAndRequirements, PlanPlaceAndManner = r.PlanPlaceAndManner,
                Confidentiality = r.Confidentiality, AcceptanceStandardAndMethod = r.AcceptanceStandardAndMethod,
                FilingRight = c.IpTerms.FilingRight, ClientMayUseFree = c.IpTerms.ClientMayUseFree, ClientHasFirstRefusal = c.IpTerms.ClientHasFirstRefusal,
                AnyPartnerMayVetoFiling = c.IpTerms.AnyPartnerMayVetoFiling, KnowHow = c.IpTerms.KnowHow, KnowHowAgreement = c.IpTerms.KnowHowAgreement,
                RiskAgreed = c.Risk.Agreed,
            };
        }

        public ContractTermsInput ToInput() => new(
            new ContractContents(ProjectName ?? "", ContentScopeAndRequirements ?? "", PlanPlaceAndManner ?? "", Confidentiality ?? "", AcceptanceStandardAndMethod ?? ""),
            new IpTerms(FilingRight, ClientMayUseFree, ClientHasFirstRefusal, AnyPartnerMayVetoFiling, KnowHow, KnowHowAgreement), RiskAgreed);
    }
}
