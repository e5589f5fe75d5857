using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Articles;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Articles;

/// <summary>
/// The articles readers see: the Markdown files of content/articles and the published database articles whose date
/// has come, merged by date. A file wins when a database article has the same slug. Database articles render through
/// <see cref="ArticleLibrary.RenderSafeHtml"/>, the same Markdig + HtmlSanitizer pipeline as the files.
/// </summary>
public sealed class ArticleCatalog(ArticleLibrary library, TechMarketDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Article>> AllAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock.GetUtcNow());
        var stored = await db.Articles.AsNoTracking().Where(a => a.IsPublished && a.PublishOn <= today).ToListAsync(ct);
        return [.. library.All.Concat(stored.Where(a => library.Find(a.Slug) is null).Select(ToArticle))
            .OrderByDescending(a => a.Date).ThenBy(a => a.Slug, StringComparer.Ordinal)];
    }

    public async Task<Article?> FindAsync(string slug, CancellationToken ct)
    {
        if (library.Find(slug) is { } file) return file;
        var today = ChinaTime.Today(clock.GetUtcNow());
        var stored = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        return stored is not null && stored.IsPublic(today) ? ToArticle(stored) : null;
    }

    public static Article ToArticle(ArticleRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Article(a.Slug, a.Title, a.TitleEn, a.PublishOn, a.TagList, a.Summary, ArticleLibrary.RenderSafeHtml(a.Markdown));
    }
}
