using System.Globalization;
using Ganss.Xss;
using Markdig;

namespace TechMarket.Web.Articles;

public sealed record Article(string Slug, string Title, string? TitleEn, DateOnly Date, IReadOnlyList<string> Tags, string Summary, string Html);

/// <summary>
/// Policy interpretations, guides and news written as Markdown files in content/articles (front matter: title, titleEn,
/// date, tags, summary). Rendered once at start with Markdig and then sanitised: whatever an author writes, the page
/// never carries a script, an event handler or a javascript: link.
/// </summary>
public sealed class ArticleLibrary
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly Dictionary<string, Article> bySlug;

    public ArticleLibrary(string folder)
    {
        bySlug = !Directory.Exists(folder) ? [] : Directory.EnumerateFiles(folder, "*.md")
            .Select(f => Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))
            .ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Article> All => [.. bySlug.Values.OrderByDescending(a => a.Date).ThenBy(a => a.Slug, StringComparer.Ordinal)];

    public Article? Find(string slug) => bySlug.GetValueOrDefault(slug);

    public static string RenderSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer.Sanitize(html);
    }

    internal static Article Parse(string slug, string text)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = text;
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end > 0)
            {
                foreach (var line in text[3..end].Split('\n'))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0) meta[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
                body = text[(end + 4)..];
            }
        }
        var tags = meta.GetValueOrDefault("tags", "").Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var date = DateOnly.TryParse(meta.GetValueOrDefault("date"), CultureInfo.InvariantCulture, out var d) ? d : DateOnly.MinValue;
        return new Article(slug, meta.GetValueOrDefault("title") ?? slug, meta.GetValueOrDefault("titleEn"), date, tags,
            meta.GetValueOrDefault("summary") ?? "", RenderSafeHtml(body));
    }
}
