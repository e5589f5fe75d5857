using System.Text;
using Microsoft.Extensions.Options;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Search;
using TechMarket.Search;

namespace TechMarket.Infrastructure.Alerts;

/// <summary>
/// The one query both directions of demand alerts ask the catalogue (issue 8): the demand's title, then the start of its
/// public summary, restricted to its industry. Only public fields go in — the signature takes no problem or indicators —
/// because matches are shown and mailed to third parties, and a listing found by a confidential word would disclose it.
/// <para>
/// The text is never query syntax: both engines analyse it and build the query in code (Lucene: term queries per analysis
/// chain; Elasticsearch: multi_match), so quotes, brackets, <c>AND</c>, <c>*</c> or a backslash are plain characters and
/// escaping them for a query parser would only add noise. What the builder does for Chinese text is split it at
/// punctuation (、，。；：…), so each clause is its own phrase for the engine's phrase boost, and put the title first: the
/// engine reads at most 64 terms per analysis chain, and the title's words must be among them.
/// </para>
/// </summary>
public static class DemandMatchQuery
{
    /// <summary>Characters of the public summary that join the title; the rest would fall past the engine's term limit.</summary>
    public const int SummaryChars = 160;

    public static SearchQuery For(string title, string publicSummary, Industry industry) => new()
    {
        Text = Text(title, publicSummary),
        Industry = CatalogDocuments.IndustryCode(industry),
        Size = SearchQuery.MaxSize,
        Sort = SearchSort.Relevance,
        IncludeFacets = false,
    };

    /// <summary>Title and summary as clauses separated by spaces; control characters and punctuation become spaces.</summary>
    public static string Text(string title, string publicSummary)
    {
        var summary = (publicSummary ?? "").Trim();
        if (summary.Length > SummaryChars) summary = summary[..SummaryChars];
        return Clean((title ?? "") + " " + summary);
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            var separator = char.IsWhiteSpace(c) || char.IsControl(c) || char.IsPunctuation(c) || char.IsSymbol(c);
            if (separator)
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString().TrimEnd();
    }
}

/// <summary>
/// Runs <see cref="DemandMatchQuery"/> and keeps the listing hits above the relative threshold of
/// <see cref="DemandAlertOptions.MinRelativeScore"/>. Demands in the index carry no industry, so the industry filter
/// already leaves them out; any other non-listing document is dropped by the callers when they join to listings.
/// </summary>
public sealed class MatchingListings(ICatalogSearch search, IOptions<DemandAlertOptions> options)
{
    public async Task<IReadOnlyList<SearchHit>> FindAsync(string title, string publicSummary, Industry industry, CancellationToken cancellationToken)
    {
        if (industry == Industry.Unspecified) return [];
        var query = DemandMatchQuery.For(title, publicSummary, industry);
        if (string.IsNullOrWhiteSpace(query.Text)) return [];
        var hits = (await search.SearchAsync(query, cancellationToken)).Hits.Where(h => h.Type != AssetKind.Demand.Code()).ToList();
        if (hits.Count == 0) return [];
        var floor = hits.Max(h => h.Score) * options.Value.MinRelativeScore;
        return [.. hits.Where(h => h.Score >= floor)];
    }
}
