namespace TechMarket.Search.Lucene;

/// <summary>
/// Relevance settings of the Lucene engine. The defaults are the configuration chosen on the dev query set
/// (docs/search-quality.md); the evaluation harness varies them to compare alternatives.
/// Weights apply at query time; every chain's body field is always indexed, so changing a weight needs no reindex.
/// </summary>
internal sealed record SearchTuning
{
    public static SearchTuning Default { get; } = new();

    /// <summary>Weight of the SmartChineseAnalyzer body field.</summary>
    public float SmartCnWeight { get; init; } = 1f;
    /// <summary>Weight of the jieba search-mode body field; 0 by default: with the bigram field, jieba added nothing on the dev set.</summary>
    public float JiebaWeight { get; init; }
    /// <summary>Weight of the CJK character-bigram body field.</summary>
    public float BigramWeight { get; init; } = 1f;
    /// <summary>Weight of the English body field (EnglishAnalyzer over language=en records).</summary>
    public float EnglishWeight { get; init; } = 1f;

    public float K1 { get; init; } = 0.8f;
    /// <summary>Below the usual 0.75: long patents should not lose so much to short research abstracts.</summary>
    public float B { get; init; } = 0.5f;

    /// <summary>Weight of terms that come from search-config/synonyms.txt rather than from the query (0 = off).</summary>
    public float SynonymWeight { get; init; } = 0.5f;
}
