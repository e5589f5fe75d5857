using System.Text;
using Lucene.Net.Search.Highlight;

namespace TechMarket.Search.Lucene;

/// <summary>
/// Encodes only what HTML needs (&amp; &lt; &gt; &quot; &#39;). Lucene's SimpleHTMLEncoder also turns every
/// non-ASCII character into a numeric entity, which makes Chinese snippets unreadable in JSON.
/// </summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText)
    {
        if (string.IsNullOrEmpty(originalText)) return "";
        var sb = new StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
