namespace TechMarket.Infrastructure;

/// <summary>Section "TechMarket" of configuration (env: TechMarket__DataPath, ...).</summary>
public sealed class TechMarketOptions
{
    public const string Section = "TechMarket";

    /// <summary>Folder for the SQLite file, the Lucene index and written mail; relative to the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Folder of the seed catalogue and articles; when empty, the nearest "content" folder above the content root.</summary>
    public string? ContentPath { get; set; }

    /// <summary>Seed demo organisations and listings at start (idempotent).</summary>
    public bool SeedDemoData { get; set; } = true;
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start; on by default for the embedded setup.</summary>
    public bool MigrateAtStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Lucene (embedded default) or Elasticsearch (scale-out; needs <see cref="ElasticsearchUrl"/>).</summary>
    public string Engine { get; set; } = "Lucene";

    /// <summary>Folder of the Lucene index; default {DataPath}/index.</summary>
    public string? LucenePath { get; set; }

    /// <summary>Base address of the Elasticsearch cluster, for Engine = Elasticsearch.</summary>
    public string? ElasticsearchUrl { get; set; }

    /// <summary>API key for the Elasticsearch cluster; none when security is off (docker-compose).</summary>
    public string? ElasticsearchApiKey { get; set; }

    /// <summary>Folder of the index definition (catalogue-index.json); default search-config/elasticsearch next to the binaries.</summary>
    public string? ElasticsearchConfigPath { get; set; }

    /// <summary>Name of the catalogue index; default techmarket-catalogue.</summary>
    public string? ElasticsearchIndex { get; set; }

    /// <summary>
    /// Rebuild the index at start when it is missing, stale or disagrees with the database on the count (default true).
    /// False serves the index as found (a large index rebuilt with `techmarket reindex`; the search benchmark's 100,000 listings).
    /// </summary>
    public bool RebuildAtStartup { get; set; } = true;
}
