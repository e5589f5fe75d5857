using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TechMarket.Search.Lucene;

/// <summary>
/// Facet counts without Lucene.Net.Facet (not obtainable). Every facet value of a listing is one entry
/// ("facet\u001fvalue") of a single sorted-set doc-values field, so a matching document costs one doc-values
/// lookup for all facets, not one per facet (OR queries match most of the index); ordinals are counted per segment
/// and become strings once per segment, not per hit.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    public const string DocValuesField = "dv_facets";
    private const char Separator = '\u001f';

    private readonly HashSet<string> facets;
    private readonly Dictionary<string, long> totals = new(StringComparer.Ordinal);
    private SortedSetDocValues? segmentValues;
    private int[] segmentCounts = [];

    public FacetCollector(IReadOnlyList<string> facets) => this.facets = new HashSet<string>(facets, StringComparer.Ordinal);

    public static BytesRef Entry(string facet, string value) => new(facet + Separator + value);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        segmentValues = context.AtomicReader.GetSortedSetDocValues(DocValuesField);
        segmentCounts = segmentValues is null ? [] : new int[segmentValues.ValueCount];
    }

    public void Collect(int doc)
    {
        if (segmentValues is null) return;
        segmentValues.SetDocument(doc);
        long ord;
        while ((ord = segmentValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) segmentCounts[ord]++;
    }

    /// <summary>Each facet's values by count (then value), at most <paramref name="maxValues"/> each; facets without values are left out.</summary>
    public IReadOnlyList<Facet> Results(int maxValues)
    {
        FlushSegment();
        return [.. totals
            .Select(kv => (Parts: kv.Key.Split(Separator, 2), Count: kv.Value))
            .Where(e => e.Parts.Length == 2 && facets.Contains(e.Parts[0]))
            .GroupBy(e => e.Parts[0], StringComparer.Ordinal)
            .OrderBy(g => FacetNames.All.ToList().IndexOf(g.Key))
            .Select(g => new Facet(g.Key, [.. g
                .OrderByDescending(e => e.Count).ThenBy(e => e.Parts[1], StringComparer.Ordinal)
                .Take(maxValues)
                .Select(e => new FacetValue(e.Parts[1], e.Count))]))];
    }

    private void FlushSegment()
    {
        if (segmentValues is null) return;
        var bytes = new BytesRef();
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] == 0) continue;
            segmentValues.LookupOrd(ord, bytes);
            var key = bytes.Utf8ToString();
            totals[key] = totals.GetValueOrDefault(key) + segmentCounts[ord];
        }
        segmentValues = null;
        segmentCounts = [];
    }
}
