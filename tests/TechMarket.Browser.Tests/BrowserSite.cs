using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Security.Cryptography.X509Certificates;
using TechMarket.Tests.Shared;

namespace TechMarket.Browser.Tests;

/// <summary>
/// The site on a real Kestrel socket (SQLite + Lucene in a temp folder) and Debian's Chromium driven by Playwright.
/// Runs when TECHMARKET_TEST_BROWSER names the Chromium binary (.ci/run sets it).
/// </summary>
public sealed class BrowserSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly string? ChromiumPath = Environment.GetEnvironmentVariable("TECHMARKET_TEST_BROWSER");
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "techmarket-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string MailFolder => Path.Combine(dataPath, "mail");

    public static void SkipUnlessConfigured() =>
        Assert.SkipWhen(string.IsNullOrWhiteSpace(ChromiumPath), "TECHMARKET_TEST_BROWSER is not set; browser tests run in .ci/run.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("TechMarket:DataPath", dataPath);
        Directory.CreateDirectory(dataPath);
        builder.UseSetting("Identity:SigningCertificate:Path", TestCertificates.Write(Path.Combine(dataPath, "signing.pfx"), X509KeyUsageFlags.DigitalSignature));
        builder.UseSetting("Identity:EncryptionCertificate:Path", TestCertificates.Write(Path.Combine(dataPath, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment));
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.UseSetting("Identity:SeedDemoAccounts", "true");
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(ChromiumPath)) return;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new browser context signed in through the real login form. Signed in once the layout shows the account menu:
    /// waiting for the URL to leave the login page timed out now and then on a loaded machine.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = "TechMarket-Demo-2026")
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("#login-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#account-menu")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { /* best effort */ }
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
