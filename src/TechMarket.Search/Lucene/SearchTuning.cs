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
    /// <summary>Weight of the jieba search-mode fields.</summary>
    public float JiebaWeight { get; init; } = 1f;
    /// <summary>Weight of the CJK character-bigram fields.</summary>
    public float BigramWeight { get; init; } = 1f;
    /// <summary>Weight of the English fields (EnglishAnalyzer over language=en records).</summary>
    public float EnglishWeight { get; init; } = 1f;

    public float TitleBoost { get; init; } = 3f;
    public float AbstractBoost { get; init; } = 1f;
    public float ClaimsBoost { get; init; } = 0.6f;

    /// <summary>Per term, take the best field plus <see cref="TieBreaker"/> × the others (DisMax) instead of the sum.</summary>
    public bool DisMax { get; init; }
    public float TieBreaker { get; init; } = 0.3f;

    public float K1 { get; init; } = 1.2f;
    public float B { get; init; } = 0.75f;

    /// <summary>Boost of a phrase query per space-separated query part over title and abstract (0 = off).</summary>
    public float PhraseBoost { get; init; }
    public int PhraseSlop { get; init; }

    /// <summary>Weight of terms that come from search-config/synonyms.txt rather than from the query (0 = off).</summary>
    public float SynonymWeight { get; init; } = 0.5f;
}
