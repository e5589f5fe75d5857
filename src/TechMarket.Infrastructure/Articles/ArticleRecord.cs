using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Articles;

/// <summary>
/// An article the center writes in the site (policy interpretation, guide, news), beside the Markdown files in
/// content/articles. Stored as Markdown and rendered through the same Markdig + HtmlSanitizer pipeline on display.
/// Public once published and its publish date (China calendar) has come.
/// </summary>
public sealed class ArticleRecord : IAudited
{
    public Guid Id { get; set; }
    /// <summary>URL name, unique across database articles; content/ files win on a clash.</summary>
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string Summary { get; set; } = "";
    public string Markdown { get; set; } = "";
    /// <summary>Comma-separated tags.</summary>
    public string Tags { get; set; } = "";
    public DateOnly PublishOn { get; set; }
    public bool IsPublished { get; set; }
    public Guid? AuthorUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsPublic(DateOnly today) => IsPublished && PublishOn <= today;
}
