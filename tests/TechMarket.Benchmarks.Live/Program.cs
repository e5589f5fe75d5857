using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Payments;

// Live harnesses against the real site process (issue 5, "Speed and safety bars"). They are programs, not tests:
//   dotnet run -c Release --project tests/TechMarket.Benchmarks.Live -- ack   [rate=200] [seconds=30]   p50/p95/p99 acknowledgement
//   dotnet run -c Release --project tests/TechMarket.Benchmarks.Live -- watch [connections=1000] [rate=50] [seconds=30] [--hubconnection]
//     (lean raw-WebSocket watchers by default; --hubconnection uses a full HubConnection per watcher, to compare)
//   dotnet run -c Release --project tests/TechMarket.Benchmarks.Live -- crash [cycles=20]
// The site is started from src/TechMarket.Web/bin/Release/net10.0/TechMarket.Web.dll (build it first, or set TECHMARKET_SITE_DLL)
// on a scratch PostgreSQL database (TECHMARKET_BENCH_POSTGRES, default the shared server); add --sqlite to use a SQLite file.
var sqlite = args.Contains("--sqlite");
var hubConnection = args.Contains("--hubconnection");
args = [.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
var mode = args.Length > 0 ? args[0] : "ack";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

await using var harness = await Harness.StartAsync(sqlite);
try
{
    switch (mode)
    {
        case "ack": await harness.AcknowledgementAsync(rate: Arg(1, 200), seconds: Arg(2, 30)); break;
        case "watch": await harness.WatchersAsync(connections: Arg(1, 1000), rate: Arg(2, 50), seconds: Arg(3, 30), hubConnection); break;
        case "crash": Environment.ExitCode = await harness.CrashCyclesAsync(cycles: Arg(1, 20)); break;
        default: Console.Error.WriteLine("modes: ack | watch | crash"); Environment.ExitCode = 2; break;
    }
}
catch (Exception failure)
{
    Console.Error.WriteLine(failure);
    Environment.ExitCode = 1;
}

internal sealed record BidderLogin(Guid OrganizationId, HttpClient Client);

internal sealed partial class Harness : IAsyncDisposable
{
    private const string Password = "bench-Pass-2026";
    private static readonly Guid Center = new("6f1c0c2e-0001-4a00-9000-000000000006");
    private static readonly Guid University = new("6f1c0c2e-0001-4a00-9000-000000000001");

    private readonly string dataPath;
    private readonly string connectionString;
    private readonly string? serverConnection;
    private readonly Uri baseUri;
    private readonly ServiceProvider services;
    private Process? site;

    private Harness(string dataPath, string connectionString, string? serverConnection, Uri baseUri, ServiceProvider services)
    {
        this.dataPath = dataPath;
        this.connectionString = connectionString;
        this.serverConnection = serverConnection;
        this.baseUri = baseUri;
        this.services = services;
    }

    public static async Task<Harness> StartAsync(bool sqlite)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "techmarket-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        string? server = null;
        string connection;
        if (sqlite)
        {
            connection = $"Data Source={Path.Combine(dataPath, "techmarket.db")}";
        }
        else
        {
            server = Environment.GetEnvironmentVariable("TECHMARKET_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
            connection = new NpgsqlConnectionStringBuilder(server) { Database = "techmarket_live_" + Guid.NewGuid().ToString("N")[..10], MaxPoolSize = 200 }.ConnectionString;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = sqlite ? "Sqlite" : "Postgres",
            ["ConnectionStrings:TechMarket"] = connection,
            ["TechMarket:DataPath"] = dataPath,
            ["TechMarket:ContentPath"] = Path.Combine(RepositoryRoot(), "content"),
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
        collection.AddTechMarketInfrastructure(configuration, dataPath);
        collection.AddTechMarketPayments(configuration);
        collection.AddFinancing();
        collection.AddScoped<CreateAuction>();
        collection.AddScoped<ApplyForAuction>();
        collection.AddScoped<QualifyRegistration>();
        collection.AddScoped<MarkDepositReceived>();
        var port = FreePort();
        var harness = new Harness(dataPath, connection, server, new Uri($"http://127.0.0.1:{port}"), collection.BuildServiceProvider());
        await harness.StartSiteAsync();
        return harness;
    }

    // ---- (a) acknowledgement latency at a fixed offered rate -------------------------------------------------------

    public async Task AcknowledgementAsync(int rate, int seconds)
    {
        var (auctionId, bidders) = await AuctionWithBiddersAsync(20);
        var latencies = new List<double>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var failures = 0;
        await OfferAsync(auctionId, bidders, rate, seconds, (status, ms, _) =>
        {
            lock (latencies)
            {
                if (status is null) { failures++; return; }
                latencies.Add(ms);
                statuses[status.Value] = statuses.GetValueOrDefault(status.Value) + 1;
            }
        });
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack: offered={rate}/s for {seconds}s answered={latencies.Count} failed={failures} p50={Percentile(latencies, 50):F1}ms p95={Percentile(latencies, 95):F1}ms p99={Percentile(latencies, 99):F1}ms max={(latencies.Count > 0 ? latencies[^1] : 0):F1}ms statuses={string.Join(",", statuses.Select(s => $"{(int)s.Key}:{s.Value}"))}"));
        Console.WriteLine($"load: {Uptime()}");
    }

    // ---- (b) many watchers of one auction ----------------------------------------------------------------------------

    /// <summary>
    /// <paramref name="connections"/> watchers join the auction's group, then bids are offered at <paramref name="rate"/>/s.
    /// Every connection must receive every acknowledged bid's sequence (missing), in order with no number skipped (gaps);
    /// delivery is timed from the moment the bid was sent to the moment each connection received its update.
    /// </summary>
    public async Task WatchersAsync(int connections, int rate, int seconds, bool hubConnection)
    {
        var (auctionId, bidders) = await AuctionWithBiddersAsync(10);
        using var negotiator = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var watchers = new IWatcher[connections];
        var joining = 0;
        // Joined a few at a time (the site answers negotiate and JoinAuction; the order of joining does not matter).
        await Parallel.ForAsync(0, connections, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            watchers[i] = hubConnection
                ? await HubConnectionWatcher.ConnectAsync(baseUri, auctionId, ct)
                : await LeanWatcher.ConnectAsync(negotiator, baseUri, auctionId, ct);
            var joined = Interlocked.Increment(ref joining);
            if (joined % 100 == 0) Console.WriteLine($"watch: {joined} connections joined");
        });

        var acknowledged = new Dictionary<long, long>(); // sequence -> time the bid was sent
        var answers = new List<double>(); // the bid's own answer time, to tell the commit from the delivery
        var cpu = CpuMeter.Start(site!);
        await OfferAsync(auctionId, bidders, rate, seconds, (status, ms, answer) =>
        {
            lock (acknowledged)
            {
                if (status is not null) answers.Add(ms);
                if (status == HttpStatusCode.OK && answer is { } a) acknowledged[a.Sequence] = a.SentAt;
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(5)); // let the last updates arrive
        var used = cpu.Stop();
        var expected = acknowledged.Keys.Order().ToList();
        var missing = 0L;
        var gaps = 0L;
        var failed = 0;
        var latencies = new List<double>(expected.Count * connections);
        foreach (var watcher in watchers)
        {
            if (watcher.Failure is not null) failed++;
            var deliveries = watcher.Log.Snapshot();
            var set = deliveries.Select(d => d.Sequence).ToHashSet();
            missing += expected.Count(s => !set.Contains(s));
            for (var k = 1; k < deliveries.Count; k++) if (deliveries[k].Sequence != deliveries[k - 1].Sequence + 1) gaps++;
            foreach (var (sequence, at) in deliveries)
            {
                if (acknowledged.TryGetValue(sequence, out var sent)) latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }
        }
        latencies.Sort();
        answers.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bids: answered={answers.Count} p50={Percentile(answers, 50):F1}ms p99={Percentile(answers, 99):F1}ms (bid sent -> answer received)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"watch: client={(hubConnection ? "hubconnection" : "lean")} connections={connections} rate={rate}/s seconds={seconds} updates={expected.Count} missing={missing} sequence_gaps={gaps} failed_connections={failed} p50={Percentile(latencies, 50):F1}ms p99={Percentile(latencies, 99):F1}ms max={(latencies.Count > 0 ? latencies[^1] : 0):F1}ms (bid sent -> update received)"));
        Console.WriteLine($"cpu: {used}");
        Console.WriteLine($"load: {Uptime()}");
        foreach (var watcher in watchers) await watcher.DisposeAsync();
    }

    // ---- (c) kill -9 while bidding -----------------------------------------------------------------------------------

    public async Task<int> CrashCyclesAsync(int cycles)
    {
        var (auctionId, bidders) = await AuctionWithBiddersAsync(8);
        var lostTotal = 0;
        var random = new Random();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var acknowledged = new List<string>();
            var other = new Dictionary<string, int>();
            using var storm = new CancellationTokenSource();
            var workers = bidders.Select((bidder, w) => Task.Run(async () =>
            {
                while (!storm.IsCancellationRequested)
                {
                    var key = $"crash-{cycle}-{w}-{Guid.NewGuid():N}";
                    try
                    {
                        using var response = await BidAsync(bidder.Client, auctionId, NextAmount(), key, storm.Token);
                        // An answer from the engine (accepted or rejected) is an acknowledgement: it must survive the crash.
                        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict) lock (acknowledged) acknowledged.Add(key);
                        else lock (other) other[((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)] = other.GetValueOrDefault(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)) + 1;
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        if (storm.IsCancellationRequested) return;
                        await Task.Delay(20);
                    }
                }
            })).ToList();
            // A random moment inside the storm (after the first acknowledgement, so every cycle kills a site that is bidding).
            var storming = Stopwatch.StartNew();
            while (acknowledged.Count == 0 && storming.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 5000)));
            site!.Kill(entireProcessTree: true); // SIGKILL: no shutdown hooks, no flush
            await site.WaitForExitAsync();
            await storm.CancelAsync();
            await Task.WhenAll(workers);

            await StartSiteAsync();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var stored = (await db.AuctionBids.AsNoTracking().Where(b => b.IdempotencyKey!.StartsWith($"crash-{cycle}-")).Select(b => b.IdempotencyKey!).ToListAsync()).ToHashSet();
            var lost = acknowledged.Count(k => !stored.Contains(k));
            lostTotal += lost;
            var auction = await db.Auctions.AsNoTracking().FirstAsync(a => a.Id == auctionId);
            var replayMatches = true;
            try { await AuctionState.EngineAsync(db, auction, CancellationToken.None); }
            catch (InvalidOperationException) { replayMatches = false; }
            var bids = await db.AuctionBids.CountAsync(b => b.AuctionId == auctionId);
            Console.WriteLine($"crash cycle {cycle}: acknowledged={acknowledged.Count} lost={lost} log={bids} state_equals_replay={replayMatches} other_statuses={string.Join(",", other.Select(o => $"{o.Key}:{o.Value}"))}");
            if (!replayMatches) return 1;
        }
        Console.WriteLine($"crash: cycles={cycles} lost={lostTotal}");
        Console.WriteLine($"load: {Uptime()}");
        return lostTotal == 0 ? 0 : 1;
    }

    // ---- shared ------------------------------------------------------------------------------------------------------

    private long next = 2_000_000;

    private long NextAmount() => Interlocked.Add(ref next, 60_000);

    internal sealed record Answer(long Sequence, long SentAt);

    /// <summary>Open loop: request i is sent at i/rate seconds whatever the answers, round-robin over the bidders.</summary>
    private async Task OfferAsync(Guid auctionId, List<BidderLogin> bidders, int rate, int seconds, Action<HttpStatusCode?, double, Answer?> record)
    {
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var bidder = bidders[i % bidders.Count];
            inFlight.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await BidAsync(bidder.Client, auctionId, NextAmount(), Guid.NewGuid().ToString("N"), CancellationToken.None);
                    var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    Answer? answer = null;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        answer = new Answer(body.GetProperty("sequence").GetInt64(), sent);
                    }
                    record(response.StatusCode, ms, answer);
                }
                catch (HttpRequestException)
                {
                    record(null, 0, null);
                }
            }));
        }
        await Task.WhenAll(inFlight);
    }

    private static Task<HttpResponseMessage> BidAsync(HttpClient client, Guid auctionId, long maxFen, string key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/auctions/{auctionId}/bids", UriKind.Relative)) { Content = JsonContent.Create(new { maxFen }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, cancellationToken);
    }

    /// <summary>A proxy auction open for a day on a published demo listing, with qualified bidders whose deposits the center recorded.</summary>
    private async Task<(Guid AuctionId, List<BidderLogin> Bidders)> AuctionWithBiddersAsync(int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var now = DateTimeOffset.UtcNow;
        Guid? auctionId = null;
        foreach (var listing in await db.Listings.AsNoTracking().Where(l => l.OrganizationId == University && l.Status == ListingStatus.Published).Select(l => l.Id).ToListAsync())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(
                new AuctionSetup(listing, Center, 1_000_000, null, 50_000, 100_000, now.AddMinutes(-5), now.AddDays(1)), CancellationToken.None);
            if (created.Succeeded) { auctionId = created.Auction!.Id; break; }
        }
        if (auctionId is null) throw new InvalidOperationException("No published demo listing could be put on auction.");

        var bidders = new List<BidderLogin>();
        var hasher = new PasswordHasher<AppUser>();
        for (var i = 0; i < count; i++)
        {
            var org = new Organization(Guid.NewGuid(), $"压测竞买人{i}", null, OrganizationType.Company, null, isDemo: true, createdAt: now);
            org.MarkVerified(now);
            db.Organizations.Add(org);
            var email = $"bench-{org.Id:N}@example.com";
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = $"压测{i}", OrganizationId = org.Id, OrganizationRole = OrganizationRole.Admin, CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            var applied = await scope.ServiceProvider.GetRequiredService<ApplyForAuction>().RunAsync(auctionId.Value, org.Id, user.Id, CancellationToken.None);
            var registration = applied.Registration ?? throw new InvalidOperationException(applied.Error);
            var qualified = await scope.ServiceProvider.GetRequiredService<QualifyRegistration>().RunAsync(registration.Id, null, null, CancellationToken.None);
            if (!qualified.Succeeded) throw new InvalidOperationException(qualified.Error);
            var deposit = await scope.ServiceProvider.GetRequiredService<MarkDepositReceived>().RunAsync(registration.Id, null, CancellationToken.None);
            if (!deposit.Succeeded) throw new InvalidOperationException(deposit.Error);
            bidders.Add(new BidderLogin(org.Id, await SignInAsync(email)));
        }
        return (auctionId.Value, bidders);
    }

    /// <summary>Signs in through the login form, antiforgery token and all, as a browser would; the cookie then carries the bids.</summary>
    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException("No antiforgery token on the login page.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private async Task StartSiteAsync()
    {
        var dll = Environment.GetEnvironmentVariable("TECHMARKET_SITE_DLL") ?? Path.Combine(RepositoryRoot(), "src", "TechMarket.Web", "bin", "Release", "net10.0", "TechMarket.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the site first: dotnet build -c Release src/TechMarket.Web", dll);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = baseUri.ToString(),
                ["Database__Provider"] = connectionString.StartsWith("Data Source", StringComparison.Ordinal) ? "Sqlite" : "Postgres",
                ["ConnectionStrings__TechMarket"] = connectionString,
                ["TechMarket__DataPath"] = dataPath,
                ["TechMarket__ContentPath"] = Path.Combine(RepositoryRoot(), "content"),
                ["Identity__RequireHttps"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        site = Process.Start(start) ?? throw new InvalidOperationException("The site did not start.");
        site.OutputDataReceived += (_, _) => { };
        site.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("site: " + e.Data); };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (site.HasExited) throw new InvalidOperationException($"The site exited with code {site.ExitCode}.");
            try
            {
                using var response = await probe.GetAsync(new Uri("/Account/Login", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The site did not answer within 5 minutes.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run from inside the repository (TechMarket.sln not found above the harness).");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private static string Uptime() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public async ValueTask DisposeAsync()
    {
        if (site is { HasExited: false }) { site.Kill(entireProcessTree: true); await site.WaitForExitAsync(); }
        await services.DisposeAsync();
        if (serverConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(serverConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
