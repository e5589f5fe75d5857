namespace TechMarket.Search;

/// <summary>The one search interface: query model in; hits, totals and highlights out. Lucene.Net by default.</summary>
public interface ICatalogSearch
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Autocomplete: listings whose title starts with, or contains, what the user has typed so far.</summary>
    Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int size, CancellationToken cancellationToken);

    /// <summary>More-like-this: listings whose title and abstract share the most telling terms with this one; empty when it is not indexed.</summary>
    Task<IReadOnlyList<SearchHit>> SimilarAsync(Guid listingId, int size, CancellationToken cancellationToken);

    /// <summary>Whether the index answers a trivial query; used by /health.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}

/// <summary>Writes to the catalogue index. Documents are keyed by listing id; indexing the same id replaces it.</summary>
public interface ICatalogIndexer
{
    Task IndexAsync(IReadOnlyCollection<CatalogDocument> documents, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken);

    /// <summary>Drops every document and marks the index as built for <paramref name="fingerprint"/>.</summary>
    Task ResetAsync(string fingerprint, CancellationToken cancellationToken);

    /// <summary>The fingerprint recorded by the last completed build, or null for an empty index.</summary>
    string? BuiltFingerprint { get; }

    int DocumentCount { get; }

    /// <summary>Makes everything indexed so far visible to searches.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
