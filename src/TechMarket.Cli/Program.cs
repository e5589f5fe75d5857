using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using TechMarket.Infrastructure;

namespace TechMarket.Cli;

// techmarket <command> [options]; configuration as for the site (appsettings.json, environment variables,
// --Database:Provider=Postgres style switches). A named class, not top-level statements: those make a public
// global Program type that would clash with the site's in the test projects.
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error);
}

public static class CliApp
{
    public const string Usage = """
        techmarket — TechMarket command line

          seed [--rebuild]   load content/ (demo organisations and listings over the real records); idempotent.
                             --rebuild also rebuilds the search index afterwards.
          reindex            rebuild the search index from the database, with progress.
          migrate            apply database migrations.
          replay-auction FILE.json
                             recompute an auction's outcome from its bid log (issue 5 format) and print it as JSON;
                             needs no database. Exit code 2 on invalid input, naming the field.

        Configuration keys are the site's: TechMarket:DataPath, TechMarket:ContentPath, Database:Provider,
        ConnectionStrings:TechMarket, Search:LucenePath (appsettings.json, TechMarket__DataPath=..., or --TechMarket:DataPath=...).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var command = args[0];
        var rest = args[1..];
        // Pure computation over a file: no host, database or index is built for it.
        if (command == ReplayAuctionCommand.Name) return await ReplayAuctionCommand.RunAsync(rest, output, error);
        var flags = rest.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var settings = rest.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Run from the repository root, the CLI works on the same data folder as `dotnet run --project src/TechMarket.Web`.
        if (File.Exists("TechMarket.sln") && builder.Configuration["TechMarket:DataPath"] is null)
        {
            builder.Configuration["TechMarket:DataPath"] = Path.Combine("src", "TechMarket.Web", "data");
        }
        builder.Services.AddTechMarketInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var cancel = CancellationToken.None;

        switch (command)
        {
            case "migrate":
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(services.GetRequiredService<Infrastructure.Data.TechMarketDbContext>().Database, cancel);
                await output.WriteLineAsync("migrations applied");
                return 0;
            case "seed":
            {
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(services.GetRequiredService<Infrastructure.Data.TechMarketDbContext>().Database, cancel);
                var report = await services.GetRequiredService<Infrastructure.Seeding.CatalogueSeeder>().SeedAsync(cancel);
                await output.WriteLineAsync($"organisations added: {report.OrganizationsAdded}, records added: {report.RecordsAdded}, already present: {report.RecordsSkipped}");
                foreach (var problem in report.Problems) await error.WriteLineAsync("problem: " + problem);
                if (flags.Contains("--rebuild")) await ReindexAsync(services, output, cancel);
                return 0;
            }
            case "reindex":
                await ReindexAsync(services, output, cancel);
                return 0;
            default:
                await error.WriteLineAsync($"unknown command '{command}'");
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task ReindexAsync(IServiceProvider services, TextWriter output, CancellationToken cancel)
    {
        var progress = new ProgressBar(output);
        var count = await services.GetRequiredService<Infrastructure.Search.RebuildSearchIndex>().RunAsync(progress, cancel);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"indexed {count} listings");
    }
}

/// <summary>A one-line text progress bar: [#####.....] 50% 2,340/4,677.</summary>
internal sealed class ProgressBar(TextWriter output) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value)
    {
        var (done, total) = value;
        var fraction = total == 0 ? 1 : (double)done / total;
        var filled = (int)(fraction * 30);
        output.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {fraction:P0} {done:N0}/{total:N0}"));
    }
}
