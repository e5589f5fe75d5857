using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Articles;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Articles;

/// <summary>Articles written in the site (drafts and published); the Markdown files in content/articles are edited in the repository.</summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class IndexModel(TechMarketDbContext db) : PageModel
{
    public const int PageSize = 20;
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ArticleRecord> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Articles.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await db.Articles.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
