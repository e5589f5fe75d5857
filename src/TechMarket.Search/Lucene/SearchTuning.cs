namespace TechMarket.Search.Lucene;

/// <summary>
/// Relevance settings of the Lucene engine. The defaults are the configuration chosen on the dev query set
/// (docs/search-quality.md); the evaluation harness varies them to compare alternatives.
/// Weights apply at query time; every field is always indexed, so changing a weight needs no reindex.
/// </summary>
internal sealed record SearchTuning
{
    public static SearchTuning Default { get; } = new();

    /// <summary>Weight of the SmartChineseAnalyzer fields (title, abstract, claims).</summary>
    public float SmartCnWeight { get; init; } = 1f;
    /// <summary>Weight of the jieba search-mode fields; 0 by default: with the bigram fields, jieba added nothing on the dev set.</summary>
    public float JiebaWeight { get; init; }
    /// <summary>Weight of the CJK character-bigram fields.</summary>
    public float BigramWeight { get; init; } = 1f;
    /// <summary>Weight of the English fields (EnglishAnalyzer over language=en records).</summary>
    public float EnglishWeight { get; init; } = 1f;

    // Examiner keywords come from the whole patent: claims count more than the title (title ×3 cost 0.11 MRR).
    public float TitleBoost { get; init; } = 1f;
    public float AbstractBoost { get; init; } = 1f;
    public float ClaimsBoost { get; init; } = 1.5f;

    /// <summary>Per term, take the best field plus <see cref="TieBreaker"/> × the others (DisMax) instead of the sum.</summary>
    public bool DisMax { get; init; } = true;
    public float TieBreaker { get; init; } = 0.1f;

    public float K1 { get; init; } = 0.8f;
    /// <summary>Below the usual 0.75: long patents should not lose so much to short research abstracts.</summary>
    public float B { get; init; } = 0.5f;

    /// <summary>Boost of a phrase query per space-separated query part over title and abstract (0 = off).</summary>
    public float PhraseBoost { get; init; }
    public int PhraseSlop { get; init; }

    /// <summary>
    /// A query term held by more than this share of the listings (and by more than <see cref="CommonTermMinDocFreq"/>)
    /// only scores listings that also match a distinctive term (1 = off). See LuceneCatalogIndex.BuildTextQuery.
    /// </summary>
    public double CommonTermRatio { get; init; } = 0.05;
    /// <summary>Below this many listings no term counts as common: in a small catalogue every listing that matches is shown.</summary>
    public int CommonTermMinDocFreq { get; init; } = 100;

    /// <summary>Weight of terms that come from search-config/synonyms.txt rather than from the query (0 = off).</summary>
    public float SynonymWeight { get; init; } = 0.5f;
}
