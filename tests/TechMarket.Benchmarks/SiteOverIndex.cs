using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Tests.Shared;

namespace TechMarket.Benchmarks;

/// <summary>
/// The real site (Production environment, Kestrel on a loopback port, SQLite in a scratch folder) serving an index that
/// was built elsewhere: Search:LucenePath points at it and Search:RebuildAtStartup is off, so start-up does not replace
/// the 100,000 benchmark listings with the (unseeded) database's.
/// </summary>
internal sealed class SiteOverIndex : WebApplicationFactory<Program>
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "techmarket-bench-site", Guid.NewGuid().ToString("N"));
    private readonly string indexPath;

    public SiteOverIndex(string indexPath)
    {
        this.indexPath = indexPath;
        // Outside a test project the factory guesses {solution}/TechMarket.Web; the content root is src/TechMarket.Web.
        var contentRoot = Path.Combine(TechMarket.Search.Tests.Eval.SearchEvaluation.RepositoryRoot, "src", "TechMarket.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TECHMARKET_WEB", contentRoot);
        Environment.SetEnvironmentVariable("TEST_CONTENTROOT_TECHMARKET_WEB", contentRoot);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("TechMarket:DataPath", dataPath);
        builder.UseSetting("TechMarket:SeedDemoData", "false");
        builder.UseSetting("Search:LucenePath", indexPath);
        builder.UseSetting("Search:RebuildAtStartup", "false");
        // One log line per request would measure the console, not the search.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        Directory.CreateDirectory(dataPath);
        builder.UseSetting("Identity:SigningCertificate:Path", TestCertificates.Write(Path.Combine(dataPath, "signing.pfx"), X509KeyUsageFlags.DigitalSignature));
        builder.UseSetting("Identity:EncryptionCertificate:Path", TestCertificates.Write(Path.Combine(dataPath, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment));
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.UseSetting("Identity:SeedDemoAccounts", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
