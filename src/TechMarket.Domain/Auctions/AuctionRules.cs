using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>
/// The parameters of one auction (issue 5, "The rule engine"). Holds the reserve, so it is never shown to
/// bidders: show <see cref="AuctionPublicState"/> instead.
/// </summary>
public sealed class AuctionRules
{
    // SPC 2016 Art. 20: the default soft-close window and extension are five minutes each.
    public static readonly TimeSpan DefaultSoftCloseWindow = TimeSpan.FromSeconds(300);
    public static readonly TimeSpan DefaultExtension = TimeSpan.FromSeconds(300);

    /// <summary>10^15 fen (10 trillion yuan): any amount above is an input error, and the bound keeps Money's checked arithmetic from overflowing.</summary>
    public static readonly Money MaxAmount = new(1_000_000_000_000_000);

    private readonly Dictionary<BidderCode, int> priorityRanks;

    public AuctionRules(
        Money startPrice,
        Money? reservePrice,
        BidIncrement increment,
        DateTimeOffset opensAt,
        DateTimeOffset endsAt,
        bool proxyBidding,
        IEnumerable<PriorityBidder>? priorityBidders = null,
        TimeSpan? softCloseWindow = null,
        TimeSpan? extension = null)
    {
        ArgumentNullException.ThrowIfNull(increment);
        if (startPrice.Fen <= 0 || startPrice > MaxAmount) throw new ArgumentOutOfRangeException(nameof(startPrice), "The start price must be positive and at most MaxAmount.");
        if (reservePrice is { } reserve && (reserve < startPrice || reserve > MaxAmount))
        {
            throw new ArgumentOutOfRangeException(nameof(reservePrice), "The reserve cannot be below the start price (absent means equal to it).");
        }
        if (increment.LowestCovered > startPrice) throw new ArgumentException("The increment table must cover the start price.", nameof(increment));
        if (increment.Rows.Any(r => r.From > MaxAmount || r.Step > MaxAmount)) throw new ArgumentOutOfRangeException(nameof(increment), "Increment amounts are at most MaxAmount.");
        if (endsAt <= opensAt) throw new ArgumentException("The auction must end after it opens.", nameof(endsAt));
        var window = softCloseWindow ?? DefaultSoftCloseWindow;
        var ext = extension ?? DefaultExtension;
        if (window < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(softCloseWindow), "The soft-close window cannot be negative.");
        if (ext < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(extension), "The extension cannot be negative.");

        var holders = (priorityBidders ?? []).ToList();
        priorityRanks = [];
        foreach (var holder in holders)
        {
            if (holder.Rank < 1) throw new ArgumentOutOfRangeException(nameof(priorityBidders), "Priority ranks start at 1 (the highest).");
            if (!priorityRanks.TryAdd(holder.Bidder, holder.Rank)) throw new ArgumentException($"Bidder {holder.Bidder} is listed twice.", nameof(priorityBidders));
        }

        StartPrice = startPrice;
        ReservePrice = reservePrice;
        Increment = increment;
        OpensAt = opensAt;
        EndsAt = endsAt;
        ProxyBidding = proxyBidding;
        PriorityBidders = holders.AsReadOnly();
        SoftCloseWindow = window;
        Extension = ext;
    }

    public Money StartPrice { get; }

    /// <summary>保留价 as configured; null when absent. Secret: never shown to bidders, in pages, the API or live messages.</summary>
    public Money? ReservePrice { get; }

    // SPC 2016 Art. 10: without a separate reserve the start price is the reserve.
    /// <summary>The reserve the engine applies: the configured one, else the start price.</summary>
    public Money Reserve => ReservePrice ?? StartPrice;

    public BidIncrement Increment { get; }
    public DateTimeOffset OpensAt { get; }

    /// <summary>The announced end; the engine's <see cref="AuctionEngine.EndsAt"/> moves on with soft close.</summary>
    public DateTimeOffset EndsAt { get; }

    /// <summary>On: a bid is a maximum and the system bids for its bidder (代理出价). Off: a bid is an exact amount.</summary>
    public bool ProxyBidding { get; }

    public IReadOnlyList<PriorityBidder> PriorityBidders { get; }
    public TimeSpan SoftCloseWindow { get; }
    public TimeSpan Extension { get; }

    /// <summary>The bidder's priority rank (1 highest), or null for a bidder without a priority right.</summary>
    public int? PriorityRank(BidderCode bidder) => priorityRanks.TryGetValue(bidder, out var rank) ? rank : null;

    /// <summary>
    /// SPC 2016 Arts 19, 21: a priority bidder outranks a bidder without the right, and among holders the
    /// higher rank (smaller number) wins; equal ranks do not outrank each other, so the earlier bid keeps the lead.
    /// </summary>
    public bool Outranks(BidderCode challenger, BidderCode leader) =>
        PriorityRank(challenger) is { } mine && (PriorityRank(leader) is not { } theirs || mine < theirs);
}

/// <summary>优先购买权人: a co-owner, the inventor of a service invention (Civil Code Art. 847), the commissioning client (Art. 859) or a co-developer (Art. 860).</summary>
public sealed record PriorityBidder(BidderCode Bidder, int Rank);
