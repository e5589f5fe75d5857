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

    /// <summary>Lucene (embedded default). Elasticsearch is configured here once its adapter exists.</summary>
    public string Engine { get; set; } = "Lucene";

    /// <summary>Folder of the Lucene index; default {DataPath}/index.</summary>
    public string? LucenePath { get; set; }

    /// <summary>Base address of the Elasticsearch cluster, for Engine = Elasticsearch.</summary>
    public string? ElasticsearchUrl { get; set; }
}
