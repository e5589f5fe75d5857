using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Articles;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Articles;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.Articles;

/// <summary>
/// Write or edit an article: titles (zh / en), Markdown body, tags, publish date, draft or published. Preview renders the
/// body server-side through the same sanitising pipeline the public page uses, keeping what was typed.
/// </summary>
[Authorize(Policy = Policies.CenterStaff)]
public sealed class EditModel(TechMarketDbContext db, ArticleLibrary files, TimeProvider clock) : PageModel
{
    [BindProperty] public ArticleForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public string? PreviewHtml { get; private set; }

    public sealed class ArticleForm
    {
        [Display(Name = "网址名")] [Required(ErrorMessage = "请填写网址名 / Enter a URL name.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "只能用小写字母、数字和连字符 / Lowercase letters, digits and hyphens only.")]
        [StringLength(100, ErrorMessage = "最长 100 字 / At most 100 characters.")] public string? Slug { get; set; }
        [Display(Name = "标题")] [Required(ErrorMessage = "请填写标题 / Enter a title.")] [StringLength(200, ErrorMessage = "最长 200 字 / At most 200 characters.")] public string? Title { get; set; }
        [Display(Name = "英文标题")] [StringLength(200, ErrorMessage = "最长 200 字 / At most 200 characters.")] public string? TitleEn { get; set; }
        [Display(Name = "摘要")] [StringLength(500, ErrorMessage = "最长 500 字 / At most 500 characters.")] public string? Summary { get; set; }
        [Display(Name = "正文（Markdown）")] [Required(ErrorMessage = "请填写正文 / Write the body.")] [StringLength(100_000, ErrorMessage = "最长 100000 字 / At most 100000 characters.")] public string? Markdown { get; set; }
        [Display(Name = "标签（逗号分隔）")] [StringLength(300, ErrorMessage = "最长 300 字 / At most 300 characters.")] public string? Tags { get; set; }
        [Display(Name = "发布日期")] [Required(ErrorMessage = "请填写发布日期 / Enter the publish date.")] public DateOnly? PublishOn { get; set; }
        [Display(Name = "发布")] public bool IsPublished { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            Input = new ArticleForm { PublishOn = ChinaTime.Today(clock.GetUtcNow()) };
            return Page();
        }
        var a = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null) return NotFound();
        Input = new ArticleForm { Slug = a.Slug, Title = a.Title, TitleEn = a.TitleEn, Summary = a.Summary, Markdown = a.Markdown, Tags = a.Tags, PublishOn = a.PublishOn, IsPublished = a.IsPublished };
        return Page();
    }

    public IActionResult OnPostPreview(Guid? id)
    {
        Id = id;
        ModelState.Clear();
        PreviewHtml = ArticleLibrary.RenderSafeHtml(Input.Markdown ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (Input.Slug is { } slug && files.Find(slug) is not null)
            ModelState.AddModelError("Input.Slug", "该网址名已被 content/ 中的文章使用 / A content/ article uses this URL name.");
        if (Input.Slug is { } s2 && await db.Articles.AnyAsync(a => a.Slug == s2 && a.Id != id, cancellationToken))
            ModelState.AddModelError("Input.Slug", "该网址名已被使用 / This URL name is taken.");
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        ArticleRecord? article;
        if (id is { } existing)
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == existing, cancellationToken);
            if (article is null) return NotFound();
        }
        else
        {
            article = new ArticleRecord { Id = Guid.CreateVersion7(now), CreatedAt = now, AuthorUserId = User.UserId() };
            db.Articles.Add(article);
        }
        article.Slug = Input.Slug!;
        article.Title = Input.Title!.Trim();
        article.TitleEn = string.IsNullOrWhiteSpace(Input.TitleEn) ? null : Input.TitleEn.Trim();
        article.Summary = Input.Summary?.Trim() ?? "";
        article.Markdown = Input.Markdown!;
        article.Tags = string.Join(",", (Input.Tags ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal));
        article.PublishOn = Input.PublishOn!.Value;
        article.IsPublished = Input.IsPublished;
        article.UpdatedAt = now;
        db.AuditAs(id is null ? "article.created" : "article.edited", article.IsPublished ? "published" : "draft");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor took the URL name between the check and the save (unique index).
            ModelState.AddModelError("Input.Slug", "该网址名已被使用 / This URL name is taken.");
            return Page();
        }
        return Redirect("/center/articles");
    }
}
