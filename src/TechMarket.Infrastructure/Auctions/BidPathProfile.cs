using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>The phases of one bid batch that <see cref="BidPathProfile"/> times.</summary>
internal enum BidPhase
{
    /// <summary>Opening the drain's context and connection (the first batch of a drain only; later ones reuse it).</summary>
    Scope,
    /// <summary>Beginning the transaction (SQLite takes its write lock here; PostgreSQL sends BEGIN with the next command).</summary>
    Begin,
    /// <summary>The auction row's lock and the bidder facts read after it (<see cref="LockedBidRead"/>).</summary>
    LockAndFacts,
    Decide,
    Build,
    /// <summary>The write and the commit (on PostgreSQL one round trip: COMMIT is the write batch's last statement).</summary>
    Write,
    /// <summary>The whole batch (connection to disposal of the transaction): what it has beyond the phases above is disposal.</summary>
    Call,
    /// <summary>Answering the batch's bids and waking the outbox.</summary>
    Answer,
    /// <summary>From the answers to the next batch taken (the yield that lets answered bidders queue again).</summary>
    Gap,
}

/// <summary>
/// Opt-in wall-clock timing of the bid group commit's phases, summed over all batches: the bidding benchmark's
/// <c>--profile</c> switches it on to show where a batch's time goes. Off (always, in the site) each phase costs one branch.
/// </summary>
internal static class BidPathProfile
{
    private static readonly long[] Ticks = new long[Enum.GetValues<BidPhase>().Length];
    private static long batches;
    private static long bids;
    private static readonly long[] Sizes = new long[BidGroupCommit.MaxBatch + 1];

    public static bool Enabled { get; set; }

    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="since"/> to <paramref name="phase"/>; returns now, the next phase's start.</summary>
    public static long Lap(BidPhase phase, long since)
    {
        if (!Enabled) return 0;
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[(int)phase], now - since);
        return now;
    }

    public static void Batch(int size)
    {
        if (!Enabled) return;
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref bids, size);
        Interlocked.Increment(ref Sizes[Math.Min(size, BidGroupCommit.MaxBatch)]);
    }

    public static void Reset()
    {
        Array.Clear(Ticks);
        Array.Clear(Sizes);
        batches = bids = 0;
    }

    /// <summary>Milliseconds per batch for each phase, the mean batch size and the batch sizes seen.</summary>
    public static string Report()
    {
        var text = new StringBuilder();
        var n = Math.Max(1, Interlocked.Read(ref batches));
        text.Append(CultureInfo.InvariantCulture, $"batches={n} bids={Interlocked.Read(ref bids)} mean_batch={(double)Interlocked.Read(ref bids) / n:F2}\n");
        double inside = 0;
        foreach (var phase in Enum.GetValues<BidPhase>())
        {
            var ms = Interlocked.Read(ref Ticks[(int)phase]) * 1000.0 / Stopwatch.Frequency / n;
            if (phase < BidPhase.Call) inside += ms;
            if (phase == BidPhase.Call) text.Append(CultureInfo.InvariantCulture, $"  {"Dispose",-12} {ms - inside,7:F3} ms/batch\n");
            text.Append(CultureInfo.InvariantCulture, $"  {phase,-12} {ms,7:F3} ms/batch\n");
        }
        text.Append("  sizes:");
        for (var i = 1; i < Sizes.Length; i++)
        {
            if (Sizes[i] > 0) text.Append(CultureInfo.InvariantCulture, $" {i}x{Sizes[i]}");
        }
        return text.ToString();
    }
}
