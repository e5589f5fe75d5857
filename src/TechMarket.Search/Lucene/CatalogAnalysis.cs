using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using JiebaNet.Segmenter;

namespace TechMarket.Search.Lucene;

/// <summary>
/// jieba.NET in search mode (锂电池 → 锂电|电池|锂电池), lower-cased, English words Porter-stemmed like
/// SmartChineseAnalyzer does, so Latin terms agree across the Chinese fields.
/// </summary>
internal sealed class JiebaAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JiebaTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(LuceneCatalogIndex.Version, tokenizer);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

internal sealed class JiebaTokenizer : Tokenizer
{
    private readonly JiebaSegmenter segmenter = new();
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private List<JiebaNet.Segmenter.Token> tokens = [];
    private int next;
    private int length;

    public JiebaTokenizer(TextReader input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (next < tokens.Count)
        {
            var token = tokens[next++];
            // Punctuation and spaces come back as tokens; only words and numbers are terms.
            if (!token.Word.Any(char.IsLetterOrDigit)) continue;
            term.SetEmpty().Append(token.Word);
            offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            return true;
        }
        return false;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        length = text.Length;
        tokens = text.Length == 0 ? [] : [.. segmenter.Tokenize(text, TokenizerMode.Search)];
        next = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(length);
        offset.SetOffset(final, final);
    }
}

/// <summary>The analysis chains the index uses; each writes its own fields so they can be weighed separately.</summary>
internal static class CatalogAnalyzers
{
    public static Analyzer SmartCn() => new SmartChineseAnalyzer(LuceneCatalogIndex.Version);

    public static Analyzer Jieba() => new JiebaAnalyzer();

    /// <summary>Overlapping CJK character bigrams (医学图像 → 医学|学图|图像): matches whatever the segmenters split differently.</summary>
    public static Analyzer Bigram() => new CJKAnalyzer(LuceneCatalogIndex.Version, CharArraySet.Empty);

    public static Analyzer English() => new EnglishAnalyzer(LuceneCatalogIndex.Version);
}
