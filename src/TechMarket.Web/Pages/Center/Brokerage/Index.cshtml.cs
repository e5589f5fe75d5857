using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Brokerage;

/// <summary>技术经纪 pipeline: every case the center was asked to broker or adopted, as a board by stage or a paged list.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class IndexModel(TechMarketDbContext db, OpenBrokerageCase open) : PageModel
{
    public const int PageSize = 25;
    public const int BoardColumnSize = 50;

    public sealed record Row(Guid Id, BrokerageSubjectKind Kind, string Title, BrokerageStage Stage, string Client, string? Broker, string? NextAction, DateOnly? DueOn, long? FeeFen, bool Adopted);

    [BindProperty(SupportsGet = true)] public string View { get; set; } = "board";
    [BindProperty(SupportsGet = true)] public BrokerageStage? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    [BindProperty] public AdoptInput Adopt { get; set; } = new();

    public sealed class AdoptInput
    {
        [Display(Name = "对象类型")] public BrokerageSubjectKind Kind { get; set; }
        [Required(ErrorMessage = "请填写编号 / Enter the id.")]
        [Display(Name = "编号")] public Guid? SubjectId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The center adopts a listing, demand, deal or enquiry it wants to broker without being asked.</summary>
    public async Task<IActionResult> OnPostAdoptAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var outcome = await open.AdoptAsync(Adopt.Kind, Adopt.SubjectId!.Value, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("Adopt.SubjectId", "找不到该对象 / No such subject.");
            await LoadAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage("Case", new { id = outcome.CaseId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.BrokerageCases.AsNoTracking();
        if (Mine && User.UserId() is { } me) query = query.Where(c => c.BrokerUserId == me);
        if (View == "list")
        {
            if (Stage is { } s) query = query.Where(c => c.Stage == s);
            Total = await query.CountAsync(cancellationToken);
            PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
            query = query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize);
        }
        else
        {
            View = "board";
            // The board shows the live stages and the latest finished cases, up to 50 a column.
            var rows = new List<BrokerageCase>();
            foreach (var stage in Enum.GetValues<BrokerageStage>())
            {
                rows.AddRange(await query.Where(c => c.Stage == stage).OrderBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenByDescending(c => c.UpdatedAt)
                    .Take(BoardColumnSize).ToListAsync(cancellationToken));
            }
            Total = rows.Count;
            Rows = await ToRowsAsync(rows, cancellationToken);
            return;
        }
        Rows = await ToRowsAsync(await query.ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<Row>> ToRowsAsync(List<BrokerageCase> cases, CancellationToken ct)
    {
        var orgIds = cases.Select(c => c.ClientOrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var userIds = cases.Where(c => c.BrokerUserId != null).Select(c => c.BrokerUserId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? "", ct);
        return [.. cases.Select(c => new Row(c.Id, c.SubjectKind, c.Title, c.Stage, orgs.GetValueOrDefault(c.ClientOrganizationId, "—"),
            c.BrokerUserId is { } b ? users.GetValueOrDefault(b) : null, c.NextAction, c.DueOn, c.FeeFen, c.IsAdopted))];
    }
}
