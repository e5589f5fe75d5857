using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Demands;

/// <summary>A verified company posts a demand (budget in 万元, stored in fen).</summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class NewModel(TechMarketDbContext db, PostDemand postDemand) : PageModel
{
    [BindProperty] public DemandInput Input { get; set; } = new();
    public bool IsCompany { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => IsCompany = await IsCompanyAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        IsCompany = await IsCompanyAsync(cancellationToken);
        if (!IsCompany) return Forbid();
        if (!ModelState.IsValid) return Page();
        var draft = new DemandDraft(Input.Title, Input.PublicSummary, Input.Problem, Input.GoalsAndIndicators,
            Money.FromWanYuan(Input.BudgetMinWan!.Value), Money.FromWanYuan(Input.BudgetMaxWan!.Value), Input.Deadline!.Value, Input.Industry!.Value);
        var (demand, errors) = await postDemand.RunAsync(User.OrganizationId()!.Value, draft, cancellationToken);
        if (demand is null)
        {
            foreach (var (field, error) in errors)
            {
                var key = field switch { "BudgetMin" => "BudgetMinWan", "BudgetMax" => "BudgetMaxWan", "" => "", _ => field };
                ModelState.AddModelError(key.Length == 0 ? "" : "Input." + key, error.ToString());
            }
            return Page();
        }
        return RedirectToPage("Details", new { id = demand.Id });
    }

    private async Task<bool> IsCompanyAsync(CancellationToken cancellationToken)
    {
        var orgId = User.OrganizationId();
        return await db.Organizations.AnyAsync(o => o.Id == orgId && o.Type == OrganizationType.Company, cancellationToken);
    }

    public sealed class DemandInput
    {
        [Required(ErrorMessage = "请填写需求名称 / Enter a title")]
        [StringLength(200, ErrorMessage = "最多 200 个字符 / At most 200 characters")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写公开摘要 / Enter a public summary")]
        [StringLength(2000, ErrorMessage = "最多 2000 个字符 / At most 2000 characters")]
        public string PublicSummary { get; set; } = "";

        [Required(ErrorMessage = "请描述要解决的问题 / Describe the problem")]
        [StringLength(8000, ErrorMessage = "最多 8000 个字符 / At most 8000 characters")]
        public string Problem { get; set; } = "";

        [Required(ErrorMessage = "请填写目标和技术指标 / Enter goals and technical indicators")]
        [StringLength(8000, ErrorMessage = "最多 8000 个字符 / At most 8000 characters")]
        public string GoalsAndIndicators { get; set; } = "";

        [Required(ErrorMessage = "请填写预算下限（万元） / Enter the minimum budget (10k yuan)")]
        [Range(0.01, 1_000_000, ErrorMessage = "预算须在 0.01 至 1,000,000 万元之间 / Budget between 0.01 and 1,000,000 (10k yuan)")]
        public decimal? BudgetMinWan { get; set; }

        [Required(ErrorMessage = "请填写预算上限（万元） / Enter the maximum budget (10k yuan)")]
        [Range(0.01, 1_000_000, ErrorMessage = "预算须在 0.01 至 1,000,000 万元之间 / Budget between 0.01 and 1,000,000 (10k yuan)")]
        public decimal? BudgetMaxWan { get; set; }

        [Required(ErrorMessage = "请选择截止日期 / Choose a deadline")]
        public DateOnly? Deadline { get; set; }

        [Required(ErrorMessage = "请选择所属产业 / Choose an industry")]
        public Industry? Industry { get; set; }
    }
}
