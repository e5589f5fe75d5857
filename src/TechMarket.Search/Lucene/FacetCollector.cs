using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TechMarket.Search.Lucene;

/// <summary>
/// Facet counts without Lucene.Net.Facet (not obtainable). Every facet value of a listing is one entry
/// ("facet\u001fvalue") of a single sorted-set doc-values field. Broad OR queries match most of the index, so the
/// per-hit cost is what matters: each segment's entries are decoded once into flat arrays (<see cref="SegmentOrdinals"/>,
/// cached per segment core and warmed when a searcher opens), and counting a hit is a few array increments in the same
/// collector pass as the top-N collector. Ordinals become strings once per segment, not per hit.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    public const string DocValuesField = "dv_facets";
    private const char Separator = '\u001f';

    private readonly bool[] wanted;
    private readonly Dictionary<string, long>[] totals;
    private SegmentOrdinals? segment;
    private int[] segmentCounts = [];

    public FacetCollector(IReadOnlyList<string> facets)
    {
        wanted = [.. FacetNames.All.Select(f => facets.Contains(f, StringComparer.Ordinal))];
        totals = [.. FacetNames.All.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    }

    public static BytesRef Entry(string facet, string value) => new(facet + Separator + value);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        segment = SegmentOrdinals.Of(context.AtomicReader);
        segmentCounts = segment is null ? [] : new int[segment.Values.Length];
    }

    public void Collect(int doc)
    {
        if (segment is null) return;
        var ords = segment.Ords;
        var counts = segmentCounts;
        for (int i = segment.Starts[doc], end = segment.Starts[doc + 1]; i < end; i++) counts[ords[i]]++;
    }

    /// <summary>Each facet's values by count (then value), at most <paramref name="maxValues"/> each; facets without values are left out.</summary>
    public IReadOnlyList<Facet> Results(int maxValues)
    {
        FlushSegment();
        var results = new List<Facet>();
        for (var f = 0; f < FacetNames.All.Count; f++)
        {
            if (!wanted[f] || totals[f].Count == 0) continue;
            results.Add(new Facet(FacetNames.All[f], [.. totals[f]
                .OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Take(maxValues)
                .Select(e => new FacetValue(e.Key, e.Value))]));
        }
        return results;
    }

    private void FlushSegment()
    {
        if (segment is null) return;
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            var count = segmentCounts[ord];
            var facet = segment.Facets[ord];
            if (count == 0 || facet < 0 || !wanted[facet]) continue;
            var value = segment.Values[ord];
            totals[facet][value] = totals[facet].GetValueOrDefault(value) + count;
        }
        segment = null;
        segmentCounts = [];
    }

    /// <summary>Builds the ordinals of every segment of a freshly opened searcher, so no query pays for it.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) _ = SegmentOrdinals.Of(leaf.AtomicReader);
    }

    /// <summary>
    /// One segment's facet entries as flat arrays: the entries of document d are Ords[Starts[d]..Starts[d+1]];
    /// ordinal o is value Values[o] of facet FacetNames.All[Facets[o]] (-1 for an unknown facet name).
    /// Segments are immutable, so the arrays live as long as the segment's core (deletions do not change them:
    /// deleted documents are never collected).
    /// </summary>
    private sealed class SegmentOrdinals
    {
        private static readonly ConditionalWeakTable<object, SegmentOrdinals> Cache = [];

        private SegmentOrdinals(int[] starts, int[] ords, string[] values, int[] facets)
        {
            Starts = starts;
            Ords = ords;
            Values = values;
            Facets = facets;
        }

        public int[] Starts { get; }
        public int[] Ords { get; }
        public string[] Values { get; }
        public int[] Facets { get; }

        public static SegmentOrdinals? Of(AtomicReader reader)
        {
            var values = reader.GetSortedSetDocValues(DocValuesField);
            if (values is null) return null;
            return Cache.GetValue(reader.CoreCacheKey, _ => Build(reader.MaxDoc, values));
        }

        private static SegmentOrdinals Build(int maxDoc, SortedSetDocValues docValues)
        {
            var valueCount = checked((int)docValues.ValueCount);
            var names = new string[valueCount];
            var facets = new int[valueCount];
            var bytes = new BytesRef();
            for (var ord = 0; ord < valueCount; ord++)
            {
                docValues.LookupOrd(ord, bytes);
                var parts = bytes.Utf8ToString().Split(Separator, 2);
                facets[ord] = parts.Length == 2 ? IndexOf(parts[0]) : -1;
                names[ord] = parts.Length == 2 ? parts[1] : "";
            }
            var starts = new int[maxDoc + 1];
            var ords = new List<int>(maxDoc * 8);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ords.Count;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
            }
            starts[maxDoc] = ords.Count;
            return new SegmentOrdinals(starts, [.. ords], names, facets);
        }

        private static int IndexOf(string facet)
        {
            for (var i = 0; i < FacetNames.All.Count; i++)
            {
                if (string.Equals(FacetNames.All[i], facet, StringComparison.Ordinal)) return i;
            }
            return -1;
        }
    }
}
