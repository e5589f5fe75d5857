namespace TechMarket.Domain.Auctions.Replay;

/// <summary>An auction's rules and its bids in arrival order: everything needed to recompute the outcome (SPC 2016 Art. 29).</summary>
public sealed record AuctionLog(AuctionRules Rules, IReadOnlyList<BidRequest> Bids)
{
    /// <summary>The log of a live engine, for export in the replay format.</summary>
    public static AuctionLog Of(AuctionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new AuctionLog(engine.Rules, engine.Log.Select(r => r.Bid).ToList());
    }
}

/// <summary>The outcome at the close and the answer to every bid, in order.</summary>
public sealed record AuctionReplayResult(AuctionOutcome Outcome, IReadOnlyList<BidOutcome> Bids);

/// <summary>Recomputes an outcome from a bid log with the same engine the live auction uses.</summary>
public static class AuctionReplay
{
    public static AuctionReplayResult Run(AuctionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var engine = AuctionEngine.Replay(log.Rules, log.Bids);
        var outcome = engine.Close(engine.EndsAt);
        return new AuctionReplayResult(outcome, engine.Log.Select(r => r.Outcome).ToList());
    }
}

/// <summary>Either a log or the first problem with the input, naming the JSON field (e.g. <c>auction.startPriceFen</c>).</summary>
public sealed record AuctionLogReadResult(AuctionLog? Log, string? Field, string? Error)
{
    public bool IsValid => Log is not null;

    public string Message => IsValid ? "" : $"{Field}: {Error}";
}
