using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TechMarket.Search.Lucene;

/// <summary>
/// Facet counts without Lucene.Net.Facet (not obtainable): every matching document's sorted-set doc values
/// are counted by ordinal per segment, and ordinals become strings once per segment, not per hit.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] facets;
    private readonly Dictionary<string, long>[] totals;
    private readonly SortedSetDocValues?[] segmentValues;
    private readonly int[][] segmentCounts;

    public FacetCollector(IReadOnlyList<string> facets)
    {
        this.facets = [.. facets];
        totals = [.. this.facets.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        segmentValues = new SortedSetDocValues?[this.facets.Length];
        segmentCounts = new int[this.facets.Length][];
    }

    public static string DocValuesField(string facet) => "dv_" + facet;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < facets.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(DocValuesField(facets[i]));
            segmentValues[i] = values;
            segmentCounts[i] = values is null ? [] : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < segmentValues.Length; i++)
        {
            var values = segmentValues[i];
            if (values is null) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) segmentCounts[i][ord]++;
        }
    }

    /// <summary>Each facet's values by count (then value), at most <paramref name="maxValues"/> each; facets without values are left out.</summary>
    public IReadOnlyList<Facet> Results(int maxValues)
    {
        FlushSegment();
        var results = new List<Facet>(facets.Length);
        for (var i = 0; i < facets.Length; i++)
        {
            if (totals[i].Count == 0) continue;
            results.Add(new Facet(facets[i], [.. totals[i]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(maxValues)
                .Select(kv => new FacetValue(kv.Key, kv.Value))]));
        }
        return results;
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < facets.Length; i++)
        {
            var values = segmentValues[i];
            var counts = segmentCounts[i];
            if (values is null || counts is null) continue;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                totals[i][key] = totals[i].GetValueOrDefault(key) + counts[ord];
            }
            segmentValues[i] = null;
            segmentCounts[i] = [];
        }
    }
}
