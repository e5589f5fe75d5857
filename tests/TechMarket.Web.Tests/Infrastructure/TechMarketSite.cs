using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using TechMarket.Tests.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Tests.Infrastructure;

/// <summary>
/// The real site over HTTP, on a fresh database and a fresh Lucene index in a temporary folder.
/// SQLite always; PostgreSQL when TECHMARKET_TEST_POSTGRES holds a connection string (each site gets its own database).
/// </summary>
public abstract class TechMarketSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "techmarket-tests", Guid.NewGuid().ToString("N"));

    public abstract string Provider { get; }

    /// <summary>Null when this provider is not configured for the run (the tests then skip, saying why).</summary>
    public abstract string? ConnectionString { get; }

    public string DataPath => dataPath;

    public void SkipUnlessAvailable() =>
        Assert.SkipWhen(ConnectionString is null && Provider == "Postgres", "TECHMARKET_TEST_POSTGRES is not set; PostgreSQL runs in .ci/run.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("TechMarket:DataPath", dataPath);
        builder.UseSetting("Database:Provider", Provider);
        // Warnings and errors only: a failing test prints the site's log, and information lines would bury the cause.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (ConnectionString is not null) builder.UseSetting("ConnectionStrings:TechMarket", ConnectionString);
        // The production key path: certificate files from configuration (made fresh per site), not development keys.
        Directory.CreateDirectory(dataPath);
        builder.UseSetting("Identity:SigningCertificate:Path", TestCertificates.Write(Path.Combine(dataPath, "signing.pfx"), X509KeyUsageFlags.DigitalSignature));
        builder.UseSetting("Identity:EncryptionCertificate:Path", TestCertificates.Write(Path.Combine(dataPath, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment));
        builder.UseSetting("Identity:RequireHttps", "false");
        builder.UseSetting("Identity:SeedDemoAccounts", "true");
        builder.UseSetting("Identity:DemoAppRedirectUris:0", DemoAppRedirectUri);
    }

    public const string DemoAppRedirectUri = "http://127.0.0.1:7890/callback";

    public string MailFolder => Path.Combine(dataPath, "mail");

    public virtual ValueTask InitializeAsync()
    {
        if (ConnectionString is null && Provider == "Postgres") return ValueTask.CompletedTask;
        // Starts the host: migrations, seeding and the index build run here, once per site.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    public T WithDb<T>(Func<TechMarketDbContext, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<TechMarketDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { /* best effort */ }
        GC.SuppressFinalize(this);
    }

    protected virtual Task DropDatabaseAsync() =>
        Provider == "Postgres" && ConnectionString is { } connection ? ScratchPostgres.DropAsync(connection) : Task.CompletedTask;
}

public sealed class SqliteSite : TechMarketSite
{
    public override string Provider => "Sqlite";
    public override string? ConnectionString => null;
}

public sealed class PostgresSite : TechMarketSite
{
    private readonly string? connectionString = ScratchPostgres.NewDatabase();

    public override string Provider => "Postgres";
    public override string? ConnectionString => connectionString;
}

/// <summary>A database of its own per PostgreSQL test site, on the server TECHMARKET_TEST_POSTGRES names; dropped at the end.</summary>
public static class ScratchPostgres
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("TECHMARKET_TEST_POSTGRES");

    /// <summary>A connection string to a fresh database name (migrations create it), or null when no server is configured.</summary>
    public static string? NewDatabase() => string.IsNullOrWhiteSpace(Server)
        ? null
        : new NpgsqlConnectionStringBuilder(Server) { Database = "techmarket_test_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;

    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteSite>
{
    public const string Name = "sqlite site";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresSite>
{
    public const string Name = "postgres site";
}
