using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>
/// A watcher that stops reading (a phone in a tunnel: it neither reads nor answers until the server's client timeout drops
/// it) must not hold up the other watchers' live updates. The site runs on a real Kestrel socket whose send buffers are
/// small, so the stalled watcher's socket fills after a few kilobytes and what is still unsent waits in SignalR's own
/// buffer; the watcher keeps pinging, and the site's send timeout is longer than the test, so it is never dropped.
/// </summary>
public sealed class SlowWatcherTests : IAsyncLifetime
{
    private const string RecordSeparator = "\u001e";
    private readonly KestrelSite site = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await site.InitializeAsync();

    public async ValueTask DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_watcher_that_stops_reading_does_not_hold_up_the_others()
    {
        var auction = await AuctionScenario.CreateAsync(site);
        using var stalled = await StalledWatcherAsync(auction.Id);

        var received = 0;
        await using var watcher = new HubConnectionBuilder().WithUrl(new Uri(site.BaseAddress, "/hubs/auctions")).Build();
        watcher.On<JsonElement>("auctionUpdated", _ => Interlocked.Increment(ref received));
        await watcher.StartAsync(Ct);
        await watcher.InvokeAsync("JoinAuction", auction.Id, Ct);

        // 2,000 updates of a bidding war (about 650 KB), published one after another as the dispatcher's live lane does.
        var publisher = site.Services.GetRequiredService<IAuctionUpdatePublisher>();
        var published = Task.Run(async () =>
        {
            for (var sequence = 1; sequence <= 2_000; sequence++)
            {
                await publisher.PublishAsync(new AuctionUpdate(auction.Id, sequence, "open", 1_000_000 + sequence * 50_000L, "B00001",
                    1_050_000 + sequence * 50_000L, auction.EndsAt, sequence, false,
                    new AuctionUpdateBid("B00001", auction.EndsAt.AddMinutes(-30), 1_000_000 + sequence * 50_000L, "B00001"), null, null), Ct);
            }
        }, Ct);

        await Eventually.TrueAsync(() => Volatile.Read(ref received) == 2_000, "the reading watcher gets every update");
        // ... while the stalled watcher is still connected: nobody waited for the server to give up on it.
        Assert.Empty(site.Services.GetRequiredService<DisconnectLog>().Connections);
        await published;
    }

    /// <summary>
    /// A SignalR watcher on a socket with a small receive buffer that joins the auction and then only pings: the real JSON
    /// protocol over a bare WebSocket, as a browser speaks it.
    /// </summary>
    private async Task<WebSocket> StalledWatcherAsync(Guid auctionId)
    {
        using var http = new HttpClient { BaseAddress = site.BaseAddress };
        var negotiate = await (await http.PostAsync(new Uri("/hubs/auctions/negotiate?negotiateVersion=1", UriKind.Relative), null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(site.BaseAddress) { Scheme = "ws", Path = "/hubs/auctions", Query = "id=" + negotiate.GetProperty("connectionToken").GetString() }.Uri;
        await socket.ConnectAsync(uri, new HttpMessageInvoker(handler), Ct);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        await ReadUntilAsync(socket, "{}");
        await SendAsync(socket, $$"""{"type":1,"invocationId":"1","target":"JoinAuction","arguments":["{{auctionId}}"]}""");
        await ReadUntilAsync(socket, "\"invocationId\":\"1\"");
        // From here on it never reads again; it pings every two seconds so the server keeps it.
        _ = Task.Run(async () =>
        {
            while (socket.State == WebSocketState.Open)
            {
                try
                {
                    await SendAsync(socket, """{"type":6}""");
                    await Task.Delay(TimeSpan.FromSeconds(2), Ct);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        }, Ct);
        return socket;
    }

    private static Task SendAsync(WebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, Ct);

    private static async Task ReadUntilAsync(WebSocket socket, string expected)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, Ct);
            text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
        }
    }

    /// <summary>The hub connections the server has closed, as a hub filter sees them.</summary>
    private sealed class DisconnectLog : IHubFilter
    {
        private readonly ConcurrentQueue<string> connections = new();

        public IReadOnlyCollection<string> Connections => connections;

        public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
        {
            connections.Enqueue(context.Context.ConnectionId);
            return next(context, exception);
        }
    }

    /// <summary>The site on Kestrel, its accepted sockets with small send buffers (they inherit the listening socket's).</summary>
    private sealed class KestrelSite : TechMarketSite
    {
        public override string Provider => "Sqlite";

        public override string? ConnectionString => null;

        public Uri BaseAddress { get; private set; } = null!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The stuck watcher is kept for the whole test: with the old 64 KB buffer the reading watcher then waits past
            // Eventually's 30 s every time, and with the new one nothing can be dropped before the check, however slow the run.
            builder.UseSetting("Auctions:WatcherSendTimeout", "00:02:00");
            builder.ConfigureServices(services =>
            {
                services.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
                {
                    var listen = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    listen.SendBufferSize = 4096;
                    return listen;
                });
                var log = new DisconnectLog();
                services.AddSingleton(log);
                services.Configure<HubOptions>(o => o.AddFilter(log));
            });
        }

        public override ValueTask InitializeAsync()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            return ValueTask.CompletedTask;
        }
    }
}
