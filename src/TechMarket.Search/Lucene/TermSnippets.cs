using System.Text;

namespace TechMarket.Search.Lucene;

/// <summary>
/// Snippets for Chinese records without re-analysing the shown text: the query is analysed once into its
/// character bigrams and words (what the bigram fields match), and each page hit's abstract is scanned for those
/// strings. Lucene's Highlighter runs the analyser over every shown abstract, which cost more than the search itself
/// at 100,000 listings. The best windows are those that hold the most distinct query terms; overlapping matches
/// (医学|学图|图像) merge into one &lt;mark&gt;.
/// </summary>
internal sealed class TermSnippets
{
    private const int FragmentLength = 120;
    private const int MaxFragments = 2;
    private readonly string[] terms;

    public TermSnippets(IEnumerable<string> queryTerms) =>
        terms = [.. queryTerms.Where(t => t.Length > 0).Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>Up to two fragments joined by " … ", HTML-encoded (as MinimalHtmlEncoder) with matches in &lt;mark&gt;; null when no term occurs.</summary>
    public string? Snippet(string text)
    {
        if (terms.Length == 0 || text.Length == 0) return null;
        var lower = text.ToLowerInvariant();
        var marked = new bool[text.Length];
        // Which terms start inside each fixed window: a window's score is its number of distinct terms.
        var windows = (text.Length + FragmentLength - 1) / FragmentLength;
        var seen = new HashSet<(int Window, int Term)>();
        var scores = new double[windows];
        for (var t = 0; t < terms.Length; t++)
        {
            var term = terms[t];
            for (var at = lower.IndexOf(term, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(marked, true, at, Math.Min(term.Length, text.Length - at));
                var window = at / FragmentLength;
                scores[window] += seen.Add((window, t)) ? 1 : 0.01;
            }
        }
        var best = Enumerable.Range(0, windows).Where(w => scores[w] > 0)
            .OrderByDescending(w => scores[w]).ThenBy(w => w).Take(MaxFragments).ToList();
        if (best.Count == 0) return null;
        return string.Join(" … ", best.Select(w => Fragment(text, marked, w * FragmentLength, Math.Min(text.Length, (w + 1) * FragmentLength))));
    }

    private static string Fragment(string text, bool[] marked, int start, int end)
    {
        // Never cut a surrogate pair (a rare CJK extension character) in two.
        if (start > 0 && char.IsLowSurrogate(text[start])) start++;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var sb = new StringBuilder((end - start) + 32);
        var open = false;
        for (var i = start; i < end; i++)
        {
            if (marked[i] != open)
            {
                sb.Append(open ? "</mark>" : "<mark>");
                open = marked[i];
            }
            var c = text[i];
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }
        if (open) sb.Append("</mark>");
        return sb.ToString();
    }
}
