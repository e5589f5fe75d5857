using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Demands;

/// <summary>A verified university or institute submits a proposal: approach, team, milestone plan, price and Art. 846 payment form.</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class ProposeModel(TechMarketDbContext db, SubmitProposal submitProposal) : PageModel
{
    public const int Rows = 4;
    public Demand Demand { get; private set; } = null!;
    [BindProperty] public ProposalInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } demand) return NotFound();
        Demand = demand;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } demand) return NotFound();
        Demand = demand;
        var plan = new List<MilestonePlan>();
        for (var i = 0; i < Input.Milestones.Count; i++)
        {
            var row = Input.Milestones[i];
            if (string.IsNullOrWhiteSpace(row.Deliverable) && row.DueOn is null && row.AmountWan is null) continue;
            if (string.IsNullOrWhiteSpace(row.Deliverable)) ModelState.AddModelError($"Input.Milestones[{i}].Deliverable", "请填写交付物 / Enter the deliverable");
            if (row.DueOn is null) ModelState.AddModelError($"Input.Milestones[{i}].DueOn", "请填写到期日 / Enter the due date");
            if (row.AmountWan is not >= 0) ModelState.AddModelError($"Input.Milestones[{i}].AmountWan", "请填写金额（万元，可为 0） / Enter the amount (10k yuan, may be 0)");
            else if (!string.IsNullOrWhiteSpace(row.Deliverable) && row.DueOn is { } due) plan.Add(new MilestonePlan(row.Deliverable, due, Money.FromWanYuan(row.AmountWan.Value)));
        }
        var royalty = Input.PaymentForm is PaymentForm.Royalty or PaymentForm.RoyaltyWithEntryFee;
        if (royalty && Input.RoyaltyBase is null) ModelState.AddModelError("Input.RoyaltyBase", "提成支付须选择提成基数 / Choose the royalty base");
        if (royalty && Input.RoyaltyPercent is not (> 0 and <= 100)) ModelState.AddModelError("Input.RoyaltyPercent", "提成比例须在 0 至 100% 之间 / Royalty rate between 0 and 100 %");
        if (!ModelState.IsValid) return Page();
        var (proposal, errors) = await submitProposal.RunAsync(id, User.OrganizationId()!.Value, Input.Approach, Input.Team, Money.FromWanYuan(Input.PriceWan!.Value),
            Input.PaymentForm!.Value, royalty ? Input.RoyaltyBase : null, royalty ? (int)Math.Round(Input.RoyaltyPercent!.Value * 100) : null, plan, cancellationToken);
        if (proposal is null)
        {
            foreach (var (field, error) in errors) ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, error.ToString());
            return Page();
        }
        return RedirectToPage("/Proposals/Details", new { id = proposal.Id });
    }

    public sealed class ProposalInput
    {
        [Required(ErrorMessage = "请描述技术路线 / Describe the approach")]
        [StringLength(8000, ErrorMessage = "最多 8000 个字符 / At most 8000 characters")]
        public string Approach { get; set; } = "";

        [Required(ErrorMessage = "请介绍团队 / Describe the team")]
        [StringLength(4000, ErrorMessage = "最多 4000 个字符 / At most 4000 characters")]
        public string Team { get; set; } = "";

        [Required(ErrorMessage = "请填写报价（万元） / Enter the price (10k yuan)")]
        [Range(0.01, 1_000_000, ErrorMessage = "报价须在 0.01 至 1,000,000 万元之间 / Price between 0.01 and 1,000,000 (10k yuan)")]
        public decimal? PriceWan { get; set; }

        [Required(ErrorMessage = "请选择支付方式 / Choose the payment form")]
        public PaymentForm? PaymentForm { get; set; } = Domain.RdContracts.PaymentForm.LumpSumInstalments;

        public RoyaltyBase? RoyaltyBase { get; set; }
        public decimal? RoyaltyPercent { get; set; }

        public List<MilestoneRow> Milestones { get; set; } = [.. Enumerable.Range(0, Rows).Select(_ => new MilestoneRow())];
    }

    public sealed class MilestoneRow
    {
        [StringLength(1000, ErrorMessage = "最多 1000 个字符 / At most 1000 characters")]
        public string? Deliverable { get; set; }
        public DateOnly? DueOn { get; set; }
        public decimal? AmountWan { get; set; }
    }
}
