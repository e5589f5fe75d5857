using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Calendar;
using TechMarket.Infrastructure.Files;
using TechMarket.Infrastructure.Mail;
using Microsoft.Extensions.Hosting;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.PartnerFeed;
using TechMarket.Infrastructure.Search;
using TechMarket.Infrastructure.Seeding;
using TechMarket.Search;
using TechMarket.Search.Elasticsearch;
using TechMarket.Search.Lucene;

namespace TechMarket.Infrastructure;

public static class ServiceCollectionExtensions
{
    /// <summary>Database, search and seeding, chosen by configuration; the same for the site and the CLI.</summary>
    public static IServiceCollection AddTechMarketInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var paths = TechMarketPaths.Resolve(configuration, contentRoot);
        services.AddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor, SystemActor>();
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        services.AddSingleton(mail);
        if (string.IsNullOrWhiteSpace(mail.SmtpHost)) services.AddSingleton<IMailSender, FileMailSender>();
        else services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<LicenceStore>();
        services.AddSingleton<ListingDocumentStore>();
        services.AddWorkingDayCalendar(configuration);

        // Every listing change also lands in the partner feed's change log, in the same transaction.
        services.AddSingleton<ListingFeedInterceptor>();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(database);
        var connectionString = configuration.GetConnectionString("TechMarket");
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(paths.Data, "techmarket.db")}"
                    : connectionString;
                services.AddDbContext<TechMarketDbContext, SqliteTechMarketDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<ListingFeedInterceptor>()));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:TechMarket is empty. 请配置 PostgreSQL 连接字符串。");
                }
                connectionString = WithAutoPrepare(connectionString);
                services.AddDbContext<TechMarketDbContext, PostgresTechMarketDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetRequiredService<ListingFeedInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{database.Provider}'.");
        }

        var search = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        services.AddSingleton(search);
        if (string.Equals(search.Engine, "Lucene", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(new LuceneIndexOptions { Path = paths.LuceneIndex });
            services.AddSingleton<LuceneCatalogIndex>();
            services.AddSingleton<ICatalogSearch>(sp => sp.GetRequiredService<LuceneCatalogIndex>());
            services.AddSingleton<ICatalogIndexer>(sp => sp.GetRequiredService<LuceneCatalogIndex>());
        }
        else if (string.Equals(search.Engine, "Elasticsearch", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(search.ElasticsearchUrl, UriKind.Absolute, out var url))
            {
                throw new InvalidOperationException("Search:Engine is Elasticsearch but Search:ElasticsearchUrl is not an absolute URL. 请配置 Elasticsearch 地址。");
            }
            var options = new ElasticsearchIndexOptions
            {
                IndexName = string.IsNullOrWhiteSpace(search.ElasticsearchIndex) ? ElasticsearchIndexOptions.DefaultIndexName : search.ElasticsearchIndex,
                ConfigPath = string.IsNullOrWhiteSpace(search.ElasticsearchConfigPath) ? null : Path.GetFullPath(search.ElasticsearchConfigPath, contentRoot),
            };
            services.AddSingleton(sp => new ElasticsearchCatalogIndex(ElasticsearchCatalogIndex.CreateClient(url, search.ElasticsearchApiKey), options));
            services.AddSingleton<ICatalogSearch>(sp => sp.GetRequiredService<ElasticsearchCatalogIndex>());
            services.AddSingleton<ICatalogIndexer>(sp => sp.GetRequiredService<ElasticsearchCatalogIndex>());
        }
        else
        {
            throw new InvalidOperationException($"Unknown Search:Engine '{search.Engine}'; use Lucene or Elasticsearch. 搜索引擎配置无效。");
        }

        services.AddScoped<CatalogueSeeder>();
        services.AddScoped<RebuildSearchIndex>();
        services.AddScoped<StartupTasks>();
        return services;
    }

    /// <summary>
    /// Npgsql prepares a statement after it has run twice on a connection (unless the connection string says otherwise):
    /// the bid group commit sends the same lock and write statements for every batch, and parsing and planning them anew
    /// was a third of a batch's time (docs/auction-bars.md).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var stated = connectionString.Split(';').Select(part => part.Split('=')[0].Replace(" ", "", StringComparison.Ordinal).Trim())
            .Any(key => key.Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (stated) return connectionString; // the operator's choice, 0 (off) included
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }
}

/// <summary>Where the running site keeps its files.</summary>
public sealed record TechMarketPaths(string Data, string Content, string LuceneIndex)
{
    public static TechMarketPaths Resolve(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TechMarketOptions.Section).Get<TechMarketOptions>() ?? new TechMarketOptions();
        var data = Path.GetFullPath(options.DataPath, contentRoot);
        var content = string.IsNullOrWhiteSpace(options.ContentPath)
            ? FindContentFolder(contentRoot)
            : Path.GetFullPath(options.ContentPath, contentRoot);
        var search = configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        var index = string.IsNullOrWhiteSpace(search.LucenePath) ? Path.Combine(data, "index") : Path.GetFullPath(search.LucenePath, contentRoot);
        return new TechMarketPaths(data, content, index);
    }

    /// <summary>The nearest folder named "content" that holds the seed catalogue, at or above <paramref name="start"/>.</summary>
    private static string FindContentFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "catalogue"))) return candidate;
        }
        throw new InvalidOperationException($"No content/catalogue folder found at or above '{start}'. Set TechMarket:ContentPath.");
    }
}
