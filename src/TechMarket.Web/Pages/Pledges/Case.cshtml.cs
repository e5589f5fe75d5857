using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Financing;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Pledges;

/// <summary>
/// One pledge case: the workflow diagram with the current state, the records, alerts, the audit trail, and a form for each
/// transition the caller's role may fire now. A case the caller may not see is a 404.
/// </summary>
[Authorize(Policy = Policies.OrganizationMember)]
public sealed class CaseModel(PledgeCaseStore store, TechMarketDbContext db, PatentRegister register, ActOnPledgeCase act,
    RecordValuation recordValuation, ValuationReportStore reports, RecordPledgeRegistration recordRegistration, ReleasePledge release,
    StartPledgeRealisation startRealisation, CloseRealisation closeRealisation, RecordLenderConsent recordConsent,
    CreateRealisationAuction createRealisationAuction, SettleRealisationLot settleLot, ApplyRealisationProceeds applyProceeds, TimeProvider clock) : PageModel
{
    private const string Both = " / ";

    public PledgeCase Case { get; private set; } = null!;
    public PledgeCaseRow Row { get; private set; } = null!;
    public PledgeRole MyRoles { get; private set; }
    public IReadOnlyList<PledgeTrigger> Permitted { get; private set; } = [];
    public IReadOnlyList<PatentRight> Patents { get; private set; } = [];
    public IReadOnlyList<PledgeAlert> Alerts { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<Organization> Evaluators { get; private set; } = [];
    public IReadOnlyList<Organization> Lenders { get; private set; } = [];
    public RealisationRequestRow? RealisationRequest { get; private set; }
    public IReadOnlyList<LenderConsentRow> Consents { get; private set; } = [];
    public IReadOnlyList<RealisationLotView> Lots { get; private set; } = [];
    /// <summary>The center organises the realisation auctions of a case in realisation.</summary>
    public bool CanOrganiseRealisation => MyRoles.HasFlag(PledgeRole.Center) && Case.State == PledgeState.Realisation && RealisationRequest is not null;
    public string? Message { get; private set; }
    public bool CanConsent => MyRoles.HasFlag(PledgeRole.Lender) && Case.Registration is not null && Case.State is not (PledgeState.Released or PledgeState.Closed);

    public ValuationInput Valuation { get; set; } = new();
    public ApproveInput Approval { get; set; } = new();
    public ContractInput Contract { get; set; } = new();
    public RegistrationInput Registration { get; set; } = new();
    public DisburseInput Disbursement { get; set; } = new();
    public RepayInput Repayment { get; set; } = new();
    public ReleaseInput Release { get; set; } = new();
    public ConsentInputModel Consent { get; set; } = new();
    public ReasonInput Reason { get; set; } = new();
    public ProceedsInput Proceeds { get; set; } = new();
    public RealisationAuctionInput Lot { get; set; } = new();
    public LotSettlementInput LotSettlement { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Message = TempData["Message"] as string;
        var today = ChinaCalendar.Today(clock);
        if (Case.Contract is { } c)
            Contract = new ContractInput { SecuredDebtWanYuan = c.SecuredDebt.Fen / 1_000_000m, StartsOn = c.DebtStartsOn, MaturesOn = c.DebtMaturesOn, Scope = c.SecuredScope, TransfersPatentOnDefault = c.TransfersPatentOnDefault };
        else if (Case.Decision is { } d)
            Contract = new ContractInput { SecuredDebtWanYuan = d.LoanAmount.Fen / 1_000_000m, StartsOn = today, MaturesOn = today.AddMonths(d.TermMonths), Scope = "主债权本金、利息、违约金及实现质权的费用" };
        Approval = new ApproveInput { LoanAmountWanYuan = Row.RequestedAmountFen / 1_000_000m, TermMonths = Row.RequestedTermMonths };
        return Page();
    }

    public Task<IActionResult> OnPostRequestValuationAsync(Guid id, Guid? evaluatorId, CancellationToken ct) =>
        ActAsync(id, PledgeTrigger.RequestValuation, c => c.RequestValuation(Actor, evaluatorId ?? Guid.Empty, Now), ct);

    public async Task<IActionResult> OnPostRecordValuationAsync(Guid id, [Bind(Prefix = nameof(Valuation))] ValuationInput valuation, IFormFile? report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        Valuation = valuation;
        if (report is null) ModelState.AddModelError("report", "请上传评估报告 PDF。 / Upload the valuation report (PDF).");
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        await using var stream = report!.OpenReadStream();
        var (stored, error) = await reports.SaveAsync(stream, report.Length, ct);
        if (error is not null)
        {
            ModelState.AddModelError("report", error);
            return await RedisplayAsync(id, ct);
        }
        var outcome = await recordValuation.RunAsync(id, Actor, new Domain.Financing.Valuation(valuation.FirmName!, valuation.Method!.Value,
            Money.FromWanYuan(valuation.ValueWanYuan!.Value), valuation.ValuedOn!.Value, valuation.ReportNumber!), stored!, ct);
        return await AfterAsync(id, outcome, ct);
    }

    public Task<IActionResult> OnPostSubmitToLenderAsync(Guid id, Guid? lenderId, CancellationToken ct) =>
        ActAsync(id, PledgeTrigger.SubmitToLender, c => c.SubmitToLender(Actor, lenderId ?? Guid.Empty, Now), ct);

    public Task<IActionResult> OnPostStartReviewAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, PledgeTrigger.StartReview, c => c.StartReview(Actor, Now), ct);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, [Bind(Prefix = nameof(Approval))] ApproveInput approval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approval);
        Approval = approval;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        var conditions = (approval.Conditions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var decision = new LenderDecision(Money.FromWanYuan(approval.LoanAmountWanYuan!.Value), (int)Math.Round(approval.AnnualRatePercent!.Value * 100m), approval.TermMonths!.Value, conditions);
        return await ActAsync(id, PledgeTrigger.Approve, c => c.Approve(Actor, decision, Now), ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, [Bind(Prefix = nameof(Reason))] ReasonInput reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await ActAsync(id, PledgeTrigger.Reject, c => c.Reject(Actor, reason.Text!, Now), ct);
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, [Bind(Prefix = nameof(Contract))] ContractInput contract, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await ActAsync(id, PledgeTrigger.SignContracts, c => c.SignContracts(Actor, new PledgeContract(Money.FromWanYuan(contract.SecuredDebtWanYuan!.Value),
            contract.StartsOn!.Value, contract.MaturesOn!.Value, contract.Scope!, [.. c.PatentNumbers], contract.TransfersPatentOnDefault), Now), ct);
    }

    public async Task<IActionResult> OnPostRecordRegistrationAsync(Guid id, [Bind(Prefix = nameof(Registration))] RegistrationInput registration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Registration = registration;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await AfterAsync(id, await recordRegistration.RunAsync(id, Actor, new PledgeRegistration(registration.NoticeNumber!.Trim(), registration.RegisteredOn!.Value), ct), ct);
    }

    public async Task<IActionResult> OnPostRecordRegistrationRefusalAsync(Guid id, [Bind(Prefix = nameof(Reason))] ReasonInput reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await ActAsync(id, PledgeTrigger.RecordRegistrationRefusal, c => c.RecordRegistrationRefusal(Actor, reason.Text!, Now), ct);
    }

    public async Task<IActionResult> OnPostDisburseAsync(Guid id, [Bind(Prefix = nameof(Disbursement))] DisburseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Disbursement = input;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await ActAsync(id, PledgeTrigger.Disburse, c =>
        {
            var amount = Money.FromWanYuan(input.AmountWanYuan!.Value);
            var rateBp = c.Decision?.AnnualRateBasisPoints ?? 0;
            return c.Disburse(Actor, new Domain.Financing.Disbursement(amount, input.DisbursedOn!.Value, EqualPrincipal(amount, rateBp, input.DisbursedOn.Value, input.Instalments!.Value)), Now);
        }, ct);
    }

    public async Task<IActionResult> OnPostRepayAsync(Guid id, [Bind(Prefix = nameof(Repayment))] RepayInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Repayment = input;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await ActAsync(id, PledgeTrigger.RecordRepayment, c => c.RecordRepayment(Actor, new Domain.Financing.Repayment(input.PaidOn!.Value,
            Money.FromWanYuan(input.PrincipalWanYuan!.Value), new Money((long)Math.Round(input.InterestYuan * 100m))), Now), ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, [Bind(Prefix = nameof(Release))] ReleaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Release = input;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await AfterAsync(id, await release.RunAsync(id, Actor, input.Ground!.Value, input.ReleasedOn!.Value, input.Evidence, ct), ct);
    }

    public async Task<IActionResult> OnPostDeclareDefaultAsync(Guid id, [Bind(Prefix = nameof(Reason))] ReasonInput reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await ActAsync(id, PledgeTrigger.DeclareDefault, c => c.DeclareDefault(Actor, reason.Text!, Now), ct);
    }

    public async Task<IActionResult> OnPostStartRealisationAsync(Guid id, string? note, CancellationToken ct) =>
        await AfterAsync(id, await startRealisation.RunAsync(id, Actor, note, ct), ct);

    public async Task<IActionResult> OnPostCloseRealisationAsync(Guid id, [Bind(Prefix = nameof(Proceeds))] ProceedsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Proceeds = input;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        return await AfterAsync(id, await closeRealisation.RunAsync(id, Actor, Money.FromWanYuan(input.ProceedsWanYuan!.Value), input.On!.Value, ct), ct);
    }

    public async Task<IActionResult> OnPostRealisationAuctionAsync(Guid id, [Bind(Prefix = nameof(Lot))] RealisationAuctionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Lot = input;
        if (input.OpensAt is { } o && input.EndsAt is { } e && e <= o) ModelState.AddModelError("Lot.EndsAt", "结束时间须晚于开始时间。 / The end must be after the opening.");
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        var step = await createRealisationAuction.RunAsync(id, Actor, new RealisationAuctionTerms(input.PatentNumber!, Fen(input.StartYuan!.Value),
            input.ReserveYuan is { } r ? Fen(r) : null, Fen(input.StepYuan!.Value), Fen(input.DepositYuan!.Value), Beijing(input.OpensAt!.Value), Beijing(input.EndsAt!.Value)), ct);
        if (step is null) return NotFound();
        if (!step.Succeeded)
        {
            ModelState.AddModelError(step.Field is "" or null ? "" : "Lot." + step.Field, step.Error!);
            return await RedisplayAsync(id, ct);
        }
        TempData["Message"] = "已发布质权实现拍卖。 / The realisation auction is published.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSettleLotAsync(Guid id, Guid lotId, [Bind(Prefix = nameof(LotSettlement))] LotSettlementInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        LotSettlement = input;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        var step = await settleLot.RunAsync(id, Actor, lotId, new Rate(Bp(input.BuyerRatePercent)), new Rate(Bp(input.SellerRatePercent)), ct);
        if (step is null) return NotFound();
        if (!step.Succeeded)
        {
            ModelState.AddModelError(step.Field == "Commission" ? "LotSettlement.BuyerRatePercent" : "", step.Error!);
            return await RedisplayAsync(id, ct);
        }
        TempData["Message"] = "已结算拍卖成交，等待买受人付款。 / Settled; waiting for the buyer's payment.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApplyProceedsAsync(Guid id, Guid lotId, string? bankReference, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(bankReference) || bankReference.Trim().Length > 100)
        {
            ModelState.AddModelError("bankReference", "请填写向质权人转账的银行流水号（最长 100 字）。 / Enter the bank reference of the transfer to the lender (at most 100 characters).");
            return await RedisplayAsync(id, ct);
        }
        return await AfterAsync(id, await applyProceeds.RunAsync(id, Actor, lotId, bankReference, ct), ct);
    }

    private static long Fen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
    private static int Bp(decimal percent) => (int)Math.Round(percent * 100m, MidpointRounding.AwayFromZero);
    private static DateTimeOffset Beijing(DateTime local) => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();

    public async Task<IActionResult> OnPostConsentAsync(Guid id, [Bind(Prefix = nameof(Consent))] ConsentInputModel input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        Consent = input;
        if (!ModelState.IsValid) return await RedisplayAsync(id, ct);
        if (await store.FindAsync(id, Actor, ct) is null) return NotFound();
        var scope = input.Scopes.Aggregate(PatentDealing.None, (a, s) => a | s);
        var refusal = await recordConsent.RunAsync(id, Actor, new ConsentInput(input.PatentNumber!, scope, input.GivenOn!.Value, input.ValidUntil, input.Proceeds), ct);
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal.MessageZh + Both + refusal.MessageEn);
            return await RedisplayAsync(id, ct);
        }
        TempData["Message"] = "已记录质权人同意。 / Consent recorded.";
        return RedirectToPage(new { id });
    }

    /// <summary>Equal principal per month; interest on the outstanding balance at the approved annual rate (simple, per month).</summary>
    public static IReadOnlyList<RepaymentInstalment> EqualPrincipal(Money amount, int annualRateBasisPoints, DateOnly from, int count)
    {
        var share = amount.Fen / count;
        var list = new List<RepaymentInstalment>();
        var outstanding = amount.Fen;
        for (var i = 1; i <= count; i++)
        {
            var principal = i == count ? outstanding : share;
            var interest = (long)Math.Round(outstanding * (decimal)annualRateBasisPoints / 10_000m / 12m);
            list.Add(new RepaymentInstalment(from.AddMonths(i), new Money(principal), new Money(interest)));
            outstanding -= principal;
        }
        return list;
    }

    /// <summary>Two people moving the same case at once: the second save fails on the concurrency stamp and is shown the case as it now is.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is DbUpdateConcurrencyException && context.HandlerArguments.TryGetValue("id", out var raw) && raw is Guid id)
        {
            executed.ExceptionHandled = true;
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "案件已被他人更新，请核对后重试。 / Someone else has just updated the case; check it and try again.");
            executed.Result = await RedisplayAsync(id, HttpContext.RequestAborted);
        }
    }

    private PledgeActor Actor => User.PledgeActor() ?? throw new InvalidOperationException("OrganizationMember guarantees an organisation.");
    private DateTimeOffset Now => clock.GetUtcNow();

    private async Task<IActionResult> ActAsync(Guid id, PledgeTrigger trigger, Func<PledgeCase, PledgeOutcome> action, CancellationToken ct) =>
        await AfterAsync(id, await act.RunAsync(id, Actor, trigger, action, ct), ct);

    private async Task<IActionResult> AfterAsync(Guid id, PledgeOutcome? outcome, CancellationToken ct)
    {
        if (outcome is null) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal.MessageZh + Both + refusal.MessageEn);
            return await RedisplayAsync(id, ct);
        }
        TempData["Message"] = $"已完成。当前状态：{PledgeWorkflow.Label(outcome.State)} / Done. Now: {outcome.State}";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (User.PledgeActor() is not { } actor) return false;
        var loaded = await store.FindAsync(id, actor, ct);
        if (loaded is null) return false;
        (Row, Case) = (loaded.Row, loaded.Case);
        MyRoles = Case.RolesOf(actor);
        Permitted = Case.PermittedTriggers(actor);
        Patents = await register.LoadAsync(Case.PatentNumbers.ToList(), ct);
        Alerts = PledgeAlerts.For(Case, Patents, ChinaCalendar.Today(clock));
        var ids = Case.Pledgors.Concat([Case.ApplicantId]).Concat(Case.Audit.Select(a => a.OrganizationId))
            .Concat(new[] { Case.EvaluatorId, Case.LenderId }.OfType<Guid>()).Distinct().ToList();
        Names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (Permitted.Contains(PledgeTrigger.RequestValuation))
            Evaluators = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Evaluator && o.Verification == VerificationStatus.Verified).OrderBy(o => o.Name).ToListAsync(ct);
        if (Permitted.Contains(PledgeTrigger.SubmitToLender))
            Lenders = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Lender && o.Verification == VerificationStatus.Verified).OrderBy(o => o.Name).ToListAsync(ct);
        RealisationRequest = await db.RealisationRequests.AsNoTracking().FirstOrDefaultAsync(r => r.PledgeCaseId == id, ct);
        Consents = await db.LenderConsents.AsNoTracking().Where(c => c.PledgeCaseId == id).OrderBy(c => c.RecordedAt).ToListAsync(ct);
        var lots = await db.RealisationLots.AsNoTracking().Where(l => l.PledgeCaseId == id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var auctionIds = lots.Select(l => l.AuctionId).ToList();
        var settlementIds = lots.Select(l => l.SettlementId).OfType<Guid>().ToList();
        var auctions = await db.Auctions.AsNoTracking().Where(a => auctionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var settlements = await db.Settlements.AsNoTracking().Where(s => settlementIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        Lots = [.. lots.Select(l => new RealisationLotView(l, auctions[l.AuctionId], l.SettlementId is { } s ? settlements[s] : null))];
        if (Lot.PatentNumber is null)
        {
            var now = clock.GetUtcNow().ToOffset(ChinaTime.Offset);
            Lot = new RealisationAuctionInput
            {
                PatentNumber = Case.PatentNumbers.FirstOrDefault(n => !Lots.Any(l => l.Row.PatentNumber == n && l.Auction.Sold != false)),
                OpensAt = now.Date.AddDays(1).AddHours(10), EndsAt = now.Date.AddDays(8).AddHours(16),
            };
        }
        return true;
    }

    public sealed class ValuationInput
    {
        [Required(ErrorMessage = "请填写评估机构名称。 / Enter the firm.")][StringLength(200)] public string? FirmName { get; set; }
        [Required(ErrorMessage = "请选择评估方法。 / Choose the method.")] public ValuationMethod? Method { get; set; }
        [Required(ErrorMessage = "请填写评估价值。 / Enter the value.")][Range(typeof(decimal), "0.01", "10000000", ErrorMessage = "评估价值须为正。 / The value must be positive.")] public decimal? ValueWanYuan { get; set; }
        [Required(ErrorMessage = "请填写评估基准日。 / Enter the valuation date.")] public DateOnly? ValuedOn { get; set; }
        [Required(ErrorMessage = "请填写报告编号。 / Enter the report number.")][StringLength(100)] public string? ReportNumber { get; set; }
    }

    public sealed class ApproveInput
    {
        [Required(ErrorMessage = "请填写贷款金额。 / Enter the loan amount.")][Range(typeof(decimal), "0.01", "1000000", ErrorMessage = "贷款金额须为正。 / The amount must be positive.")] public decimal? LoanAmountWanYuan { get; set; }
        [Required(ErrorMessage = "请填写年利率。 / Enter the annual rate.")][Range(typeof(decimal), "0", "36", ErrorMessage = "年利率须在 0% 至 36% 之间。 / The rate is 0% to 36%.")] public decimal? AnnualRatePercent { get; set; }
        [Required(ErrorMessage = "请填写期限。 / Enter the term.")][Range(1, 120, ErrorMessage = "期限须为 1 至 120 个月。 / The term is 1 to 120 months.")] public int? TermMonths { get; set; }
        [StringLength(2000)] public string? Conditions { get; set; }
    }

    public sealed class ContractInput
    {
        [Required(ErrorMessage = "请填写担保的主债权金额。 / Enter the secured debt.")][Range(typeof(decimal), "0.01", "1000000", ErrorMessage = "金额须为正。 / Must be positive.")] public decimal? SecuredDebtWanYuan { get; set; }
        [Required(ErrorMessage = "请填写债务起始日。 / Enter the start date.")] public DateOnly? StartsOn { get; set; }
        [Required(ErrorMessage = "请填写债务到期日。 / Enter the maturity date.")] public DateOnly? MaturesOn { get; set; }
        [Required(ErrorMessage = "请填写担保范围。 / Enter the secured scope.")][StringLength(500)] public string? Scope { get; set; }
        /// <summary>流质条款 — offered so the check can catch it; CNIPA refuses it.</summary>
        public bool TransfersPatentOnDefault { get; set; }
    }

    public sealed class RegistrationInput
    {
        [Required(ErrorMessage = "请填写登记通知书编号。 / Enter the notice number.")][StringLength(64)] public string? NoticeNumber { get; set; }
        [Required(ErrorMessage = "请填写登记日期。 / Enter the registration date.")] public DateOnly? RegisteredOn { get; set; }
    }

    public sealed class DisburseInput
    {
        [Required(ErrorMessage = "请填写放款金额。 / Enter the amount.")][Range(typeof(decimal), "0.01", "1000000", ErrorMessage = "金额须为正。 / Must be positive.")] public decimal? AmountWanYuan { get; set; }
        [Required(ErrorMessage = "请填写放款日期。 / Enter the date.")] public DateOnly? DisbursedOn { get; set; }
        [Required(ErrorMessage = "请填写还款期数。 / Enter the number of instalments.")][Range(1, 120, ErrorMessage = "期数须为 1 至 120。 / 1 to 120 instalments.")] public int? Instalments { get; set; }
    }

    public sealed class RepayInput
    {
        [Required(ErrorMessage = "请填写归还本金。 / Enter the principal repaid.")][Range(typeof(decimal), "0", "1000000", ErrorMessage = "金额不能为负。 / Cannot be negative.")] public decimal? PrincipalWanYuan { get; set; }
        [Range(typeof(decimal), "0", "100000000", ErrorMessage = "利息不能为负。 / Cannot be negative.")] public decimal InterestYuan { get; set; }
        [Required(ErrorMessage = "请填写还款日期。 / Enter the date.")] public DateOnly? PaidOn { get; set; }
    }

    public sealed class ReleaseInput
    {
        [Required(ErrorMessage = "请选择注销理由。 / Choose the ground.")] public ReleaseGround? Ground { get; set; }
        [Required(ErrorMessage = "请填写注销日期。 / Enter the date.")] public DateOnly? ReleasedOn { get; set; }
        [StringLength(2000)] public string? Evidence { get; set; }
    }

    public sealed class ConsentInputModel
    {
        [Required(ErrorMessage = "请选择专利。 / Choose the patent.")] public string? PatentNumber { get; set; }
        [Required(ErrorMessage = "请选择同意的处分范围。 / Choose what the consent covers.")][MinLength(1, ErrorMessage = "请选择同意的处分范围。 / Choose what the consent covers.")] public List<PatentDealing> Scopes { get; set; } = [];
        [Required(ErrorMessage = "请填写同意日期。 / Enter the date.")] public DateOnly? GivenOn { get; set; }
        public DateOnly? ValidUntil { get; set; }
        public ProceedsApplication Proceeds { get; set; } = ProceedsApplication.EarlyRepayment;
    }

    public sealed class ReasonInput
    {
        [Required(ErrorMessage = "请填写理由。 / Enter the reason.")][StringLength(2000)] public string? Text { get; set; }
    }

    /// <summary>A realisation lot with its auction and, once settled, the settlement.</summary>
    public sealed record RealisationLotView(RealisationLotRow Row, Infrastructure.Auctions.Auction Auction, Infrastructure.Payments.Persistence.SettlementRecord? Settlement);

    public sealed class RealisationAuctionInput
    {
        [Required(ErrorMessage = "请选择专利。 / Choose the patent.")] public string? PatentNumber { get; set; }
        [Required(ErrorMessage = "请输入起拍价。 / Enter the start price.")][Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "起拍价须大于 0。 / The start price must be positive.")] public decimal? StartYuan { get; set; }
        [Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "保留价须大于 0。 / The reserve must be positive.")] public decimal? ReserveYuan { get; set; }
        [Required(ErrorMessage = "请输入加价幅度。 / Enter the increment.")][Range(typeof(decimal), "0.01", "10000000000000", ErrorMessage = "加价幅度须大于 0。 / The increment must be positive.")] public decimal? StepYuan { get; set; }
        [Required(ErrorMessage = "请输入保证金。 / Enter the deposit.")][Range(typeof(decimal), "0", "10000000000000", ErrorMessage = "保证金不能为负。 / The deposit cannot be negative.")] public decimal? DepositYuan { get; set; }
        [Required(ErrorMessage = "请选择开始时间。 / Choose the opening time.")] public DateTime? OpensAt { get; set; }
        [Required(ErrorMessage = "请选择结束时间。 / Choose the end time.")] public DateTime? EndsAt { get; set; }
    }

    public sealed class LotSettlementInput
    {
        [Range(typeof(decimal), "0", "5", ErrorMessage = "拍卖佣金每方不得超过 5%（拍卖法第五十六条）。 / At most 5 % per side (Auction Law Art. 56).")] public decimal BuyerRatePercent { get; set; }
        [Range(typeof(decimal), "0", "5", ErrorMessage = "拍卖佣金每方不得超过 5%（拍卖法第五十六条）。 / At most 5 % per side (Auction Law Art. 56).")] public decimal SellerRatePercent { get; set; }
    }

    public sealed class ProceedsInput
    {
        [Required(ErrorMessage = "请填写处置所得。 / Enter the proceeds.")][Range(typeof(decimal), "0", "10000000", ErrorMessage = "不能为负。 / Cannot be negative.")] public decimal? ProceedsWanYuan { get; set; }
        [Required(ErrorMessage = "请填写日期。 / Enter the date.")] public DateOnly? On { get; set; }
    }
}
