using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

/// <summary>What one watcher received: each update's sequence with the moment (Stopwatch timestamp) it arrived.</summary>
internal sealed class WatchLog
{
    private readonly List<(long Sequence, long At)> deliveries = new(2048);

    public void Add(long sequence, long at)
    {
        lock (deliveries) deliveries.Add((sequence, at));
    }

    public List<(long Sequence, long At)> Snapshot()
    {
        lock (deliveries) return [.. deliveries];
    }
}

/// <summary>One connection watching one auction, whatever the client behind it.</summary>
internal interface IWatcher : IAsyncDisposable
{
    WatchLog Log { get; }

    /// <summary>Why the connection stopped before it was disposed (a close from the server, a socket error), if it did.</summary>
    string? Failure { get; }
}

/// <summary>
/// The full .NET client (<c>--hubconnection</c>): a <see cref="HubConnection"/> per watcher that binds every update to a
/// <see cref="JsonElement"/>, as the harness first did. Kept to compare: it costs the harness far more CPU per delivery.
/// </summary>
internal sealed class HubConnectionWatcher : IWatcher
{
    private readonly HubConnection hub;
    private string? failure;

    private HubConnectionWatcher(HubConnection hub) => this.hub = hub;

    public WatchLog Log { get; } = new();

    public string? Failure => failure;

    public static async Task<IWatcher> ConnectAsync(Uri baseUri, Guid auctionId, CancellationToken cancellationToken)
    {
        var watcher = new HubConnectionWatcher(new HubConnectionBuilder().WithUrl(new Uri(baseUri, "/hubs/auctions")).Build());
        watcher.hub.On<JsonElement>("auctionUpdated", update => watcher.Log.Add(update.GetProperty("sequence").GetInt64(), Stopwatch.GetTimestamp()));
        watcher.hub.Closed += error =>
        {
            watcher.failure = error?.Message ?? "closed";
            return Task.CompletedTask;
        };
        try
        {
            await watcher.hub.StartAsync(cancellationToken);
            await watcher.hub.InvokeAsync("JoinAuction", auctionId, cancellationToken);
        }
        catch
        {
            await watcher.hub.DisposeAsync();
            throw;
        }
        return watcher;
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();
}

/// <summary>
/// A lean watcher that speaks SignalR's JSON hub protocol over a bare <see cref="ClientWebSocket"/>, as the browser's
/// client does on the wire: POST /hubs/auctions/negotiate?negotiateVersion=1, WebSocket with the connection token,
/// handshake <c>{"protocol":"json","version":1}</c>, the JoinAuction invocation (anonymous, like the hub: everything it
/// sends is public), and a ping every 15 s so the server's 30 s client timeout never fires. Frames are received into
/// one reused buffer, records split on 0x1E, and each update's "sequence" is read with a <see cref="Utf8JsonReader"/>
/// (which also checks the record is valid JSON) — a few microseconds of harness CPU per delivery instead of a
/// <see cref="HubConnection"/>'s binding of every update into a <see cref="JsonElement"/>.
/// </summary>
internal sealed class LeanWatcher : IWatcher
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    private static readonly byte[] Ping = "{\"type\":6}\u001e"u8.ToArray();
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource handshaken = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] buffer = new byte[8 * 1024];
    private int filled;
    private bool handshakeDone;
    private Task receiving = Task.CompletedTask;
    private Task pinging = Task.CompletedTask;
    private string? failure;

    public WatchLog Log { get; } = new();

    public string? Failure => failure;

    public static async Task<IWatcher> ConnectAsync(HttpClient http, Uri baseUri, Guid auctionId, CancellationToken cancellationToken)
    {
        var watcher = new LeanWatcher();
        try
        {
            await watcher.StartAsync(http, baseUri, auctionId, cancellationToken);
        }
        catch
        {
            await watcher.DisposeAsync();
            throw;
        }
        return watcher;
    }

    private async Task StartAsync(HttpClient http, Uri baseUri, Guid auctionId, CancellationToken cancellationToken)
    {
        using var negotiate = await http.PostAsync(new Uri(baseUri, "/hubs/auctions/negotiate?negotiateVersion=1"), null, cancellationToken);
        negotiate.EnsureSuccessStatusCode();
        string token;
        using (var answer = await JsonDocument.ParseAsync(await negotiate.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken))
        {
            token = answer.RootElement.GetProperty("connectionToken").GetString() ?? throw new InvalidOperationException("negotiate gave no connectionToken");
        }
        var ws = new UriBuilder(baseUri) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws", Path = "/hubs/auctions", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        await socket.ConnectAsync(ws, cancellationToken);
        receiving = ReceiveAsync();

        await socket.SendAsync(Handshake, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await handshaken.Task.WaitAsync(cancellationToken);
        // The browser's connection.invoke('JoinAuction', id): invocation "0", the auction id as a string argument.
        var join = Encoding.UTF8.GetBytes($"{{\"arguments\":[\"{auctionId}\"],\"invocationId\":\"0\",\"target\":\"JoinAuction\",\"type\":1}}\u001e");
        await socket.SendAsync(join, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await joined.Task.WaitAsync(cancellationToken);
        pinging = PingAsync();
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), stop.Token);
                var at = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail($"server closed the WebSocket: {socket.CloseStatus} {socket.CloseStatusDescription}");
                    return;
                }
                filled += result.Count;
                var consumed = 0;
                int end;
                while ((end = Array.IndexOf(buffer, RecordSeparator, consumed, filled - consumed)) >= 0)
                {
                    Record(buffer.AsSpan(consumed, end - consumed), at);
                    consumed = end + 1;
                }
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // disposed
        }
        catch (Exception e) when (e is WebSocketException or JsonException or InvalidOperationException)
        {
            Fail(e.Message);
        }
    }

    /// <summary>One hub protocol record: the handshake answer first, then completions, pings, updates or a close.</summary>
    private void Record(ReadOnlySpan<byte> record, long at)
    {
        if (!handshakeDone)
        {
            handshakeDone = true;
            if (record.IndexOf("\"error\""u8) >= 0) throw new InvalidOperationException("handshake refused: " + Encoding.UTF8.GetString(record));
            handshaken.TrySetResult();
            return;
        }
        var reader = new Utf8JsonReader(record);
        var type = -1;
        var update = false;
        long sequence = -1;
        string? error = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.CurrentDepth == 1)
            {
                if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
                else if (reader.ValueTextEquals("target"u8)) { reader.Read(); update = reader.ValueTextEquals("auctionUpdated"u8); }
                else if (reader.ValueTextEquals("error"u8)) { reader.Read(); error = reader.GetString(); }
            }
            // arguments[0].sequence: the root object (depth 0) → "arguments" array → the update object → its properties (depth 3).
            else if (reader.CurrentDepth == 3 && reader.ValueTextEquals("sequence"u8))
            {
                reader.Read();
                sequence = reader.GetInt64();
            }
        }
        switch (type)
        {
            case 1 when update:
                if (sequence < 0) throw new InvalidOperationException("an auctionUpdated without a sequence: " + Encoding.UTF8.GetString(record));
                Log.Add(sequence, at);
                break;
            case 3: // the completion of JoinAuction (the only invocation sent)
                if (error is not null) throw new InvalidOperationException("JoinAuction refused: " + error);
                joined.TrySetResult();
                break;
            case 6: // the server's keep-alive ping
                break;
            case 7:
                throw new InvalidOperationException("server sent close: " + (error ?? "no error"));
            default:
                throw new InvalidOperationException("unexpected hub message: " + Encoding.UTF8.GetString(record));
        }
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // disposed
        }
        catch (WebSocketException e)
        {
            Fail("ping failed: " + e.Message);
        }
    }

    private void Fail(string why)
    {
        failure ??= why;
        var error = new InvalidOperationException(why);
        handshaken.TrySetException(error);
        joined.TrySetException(error);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        try { await Task.WhenAll(receiving, pinging); }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { /* aborted */ }
        socket.Dispose();
        stop.Dispose();
    }
}

/// <summary>
/// CPU seconds spent during a measurement by the harness (the watchers and the bidders), by the site process, and by the
/// whole machine (/proc/stat, every process: PostgreSQL, and whatever else runs on the shared box), against the
/// wall-clock seconds times the cores available. Says how much of the machine the clients took from the site.
/// </summary>
internal sealed class CpuMeter
{
    private readonly Process site;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly TimeSpan harnessStart;
    private readonly TimeSpan siteStart;
    private readonly (long Busy, long Total)? machineStart;

    private CpuMeter(Process site)
    {
        this.site = site;
        harnessStart = HarnessCpu();
        site.Refresh();
        siteStart = site.TotalProcessorTime;
        machineStart = Machine();
    }

    public static CpuMeter Start(Process site) => new(site);

    public string Stop()
    {
        var seconds = wall.Elapsed.TotalSeconds;
        var harness = (HarnessCpu() - harnessStart).TotalSeconds;
        site.Refresh();
        var siteUsed = (site.TotalProcessorTime - siteStart).TotalSeconds;
        var machine = Machine() is { } end && machineStart is { } start && end.Total > start.Total
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" machine_busy={100.0 * (end.Busy - start.Busy) / (end.Total - start.Total):F0}%")
            : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"wall={seconds:F1}s cores={Environment.ProcessorCount} harness={harness:F1} cpu-s ({100 * harness / seconds:F0}% of one core) site={siteUsed:F1} cpu-s ({100 * siteUsed / seconds:F0}% of one core){machine}");
    }

    private static TimeSpan HarnessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Busy and total jiffies of all cores from the first line of /proc/stat (idle and iowait are not busy).</summary>
    private static (long Busy, long Total)? Machine()
    {
        if (!File.Exists("/proc/stat")) return null;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal (guest time is inside user)
        return (total - fields[3] - fields[4], total);
    }
}
