using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>
/// The auction rule engine (issue 5, rules 1-6): bids are applied in arrival order with the server's time of receipt
/// passed in; no clock, no I/O, no randomness. Its state is a function of the rules and the bid log alone, so any
/// outcome can be recomputed with <see cref="Replay"/> (SPC 2016 Art. 29).
/// </summary>
public sealed class AuctionEngine
{
    private static readonly Money OneFen = new(1);

    private readonly List<BidRecord> log = [];
    private readonly List<PublicBid> history = [];

    public AuctionEngine(AuctionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        EndsAt = rules.EndsAt;
    }

    public AuctionRules Rules { get; }

    /// <summary>The current price; null until a bid is accepted.</summary>
    public Money? Price { get; private set; }

    public BidderCode? Leader { get; private set; }

    /// <summary>The leader's maximum (proxy mode) or its exact amount (manual mode). Secret from everyone but the leader.</summary>
    internal Money? LeaderMax { get; private set; }

    /// <summary>The current end, moved by soft close.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    public bool IsClosed { get; private set; }
    public int AcceptedBids { get; private set; }
    public int RejectedBids { get; private set; }

    /// <summary>Every bid received and its answer, in arrival order: the audit record (holds maxima; not public).</summary>
    public IReadOnlyList<BidRecord> Log => log;

    /// <summary>Recomputes an auction from its rules and bid log.</summary>
    public static AuctionEngine Replay(AuctionRules rules, IEnumerable<BidRequest> bids)
    {
        ArgumentNullException.ThrowIfNull(bids);
        var engine = new AuctionEngine(rules);
        foreach (var bid in bids) engine.PlaceBid(bid.Bidder, bid.Amount, bid.At);
        return engine;
    }

    /// <summary>
    /// The least amount this bidder may bid now (times aside): the start price when nobody leads; for the leader in
    /// proxy mode anything above its own maximum, in manual mode null (it may not bid); for a priority bidder who
    /// outranks the leader the current price (it may match it; otherwise price + step); for anyone else price + step(price).
    /// </summary>
    public Money? MinimumNextBid(BidderCode bidder)
    {
        if (Leader is not { } leader || Price is not { } price) return Rules.StartPrice;
        if (leader == bidder) return Rules.ProxyBidding ? LeaderMax!.Value + OneFen : null;
        return Rules.Outranks(bidder, leader) ? price : price + Rules.Increment.StepAt(price);
    }

    /// <summary>
    /// The state a later bid depends on, to persist beside the log: the leader's maximum is in it, so it is as secret as
    /// the log. <see cref="Resume"/> continues from it exactly as a replay of the whole log would.
    /// </summary>
    public AuctionSnapshot Snapshot() => new(Price, Leader, LeaderMax, EndsAt, AcceptedBids, RejectedBids);

    /// <summary>
    /// Continues an open auction from a snapshot taken after the last bid of its log, so a live bid need not replay the
    /// whole log (the replay stays the reference: the two must agree). The resumed engine's <see cref="Log"/> and public
    /// history hold only the bids placed after resuming.
    /// </summary>
    public static AuctionEngine Resume(AuctionRules rules, AuctionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if ((snapshot.Leader is null) != (snapshot.Price is null) || (snapshot.Leader is null) != (snapshot.LeaderMax is null))
        {
            throw new ArgumentException("A snapshot has a price, a leader and the leader's maximum together, or none of them.", nameof(snapshot));
        }
        return new AuctionEngine(rules)
        {
            Price = snapshot.Price,
            Leader = snapshot.Leader,
            LeaderMax = snapshot.LeaderMax,
            EndsAt = snapshot.EndsAt,
            AcceptedBids = snapshot.AcceptedBids,
            RejectedBids = snapshot.RejectedBids,
        };
    }

    public BidOutcome PlaceBid(BidderCode bidder, Money amount, DateTimeOffset at)
    {
        if (bidder == default) throw new ArgumentException("A bid needs a bidder code.", nameof(bidder));
        if (amount > AuctionRules.MaxAmount) throw new ArgumentOutOfRangeException(nameof(amount), "Amounts above MaxAmount are refused at the edge.");

        var refusal = Apply(bidder, amount, at);
        var outcome = refusal ?? Accept(bidder, at);
        if (outcome.IsAccepted) AcceptedBids++; else RejectedBids++;
        log.Add(new BidRecord(new BidRequest(bidder, amount, at), outcome));
        return outcome;
    }

    /// <summary>Settles the auction at or after its (possibly extended) end. Closing early is a caller bug.</summary>
    public AuctionOutcome Close(DateTimeOffset now)
    {
        if (now < EndsAt) throw new InvalidOperationException($"The auction runs until {EndsAt:O}; it cannot close at {now:O}.");
        IsClosed = true;
        return Outcome();
    }

    public AuctionPublicState PublicState() => new(
        Rules.StartPrice,
        Price,
        Leader,
        Price is { } price ? price + Rules.Increment.StepAt(price) : Rules.StartPrice,
        Rules.OpensAt,
        EndsAt,
        Rules.ProxyBidding,
        IsClosed,
        AcceptedBids,
        history.AsReadOnly());

    /// <summary>Applies rules 1-4 to the state; returns the refusal, or null when the bid is accepted.</summary>
    private BidOutcome? Apply(BidderCode bidder, Money amount, DateTimeOffset at)
    {
        // Rule 1 (SPC 2016 Art. 20): the bid's time is the server's receipt time; outside [opensAt, endsAt) nothing is accepted.
        if (IsClosed || at < Rules.OpensAt || at >= EndsAt) return Refuse(BidRejection.NotOpen);

        if (Leader is not { } leader || Price is not { } price || LeaderMax is not { } leaderMax)
        {
            // Rules 2 and 3: the first bid needs at least the start price (proxy: it leads at the start price).
            if (amount < Rules.StartPrice) return Refuse(BidRejection.BelowMinimum, Rules.StartPrice);
            Leader = bidder;
            LeaderMax = amount;
            Price = Rules.ProxyBidding ? Rules.StartPrice : amount;
            RaiseToReserve();
            return null;
        }

        if (leader == bidder)
        {
            // Rule 3: in manual mode the leader may not bid against itself.
            if (!Rules.ProxyBidding) return Refuse(BidRejection.AlreadyLeading);
            // Rule 2: the leader may raise its own maximum; the price moves only through the reserve (rule 4).
            if (amount <= leaderMax) return Refuse(BidRejection.BelowMinimum, leaderMax + OneFen);
            LeaderMax = amount;
            RaiseToReserve();
            return null;
        }

        // Rules 2 and 3: price + step(price), except that a priority bidder outranking the leader may match the
        // current price (SPC 2016 Arts 19, 21: the holder may bid the same price and wins the tie).
        var regularMinimum = price + Rules.Increment.StepAt(price);
        var mayMatch = Rules.Outranks(bidder, leader);
        if (amount < regularMinimum && !(mayMatch && amount == price))
        {
            return Refuse(BidRejection.BelowMinimum, mayMatch && amount < price ? price : regularMinimum);
        }

        if (!Rules.ProxyBidding)
        {
            // Rule 3: a bid is an exact amount and leads at that amount.
            Leader = bidder;
            LeaderMax = amount;
            Price = amount;
            return null;
        }

        // Rule 2 (exchange practice, eBay semantics): the bidder with the higher maximum leads at one step above the
        // other's maximum, capped by its own; on equal maxima the earlier bid leads unless the challenger outranks it.
        Money next;
        if (amount > leaderMax || (amount == leaderMax && mayMatch))
        {
            next = amount == leaderMax ? leaderMax : Min(amount, leaderMax + Rules.Increment.StepAt(leaderMax));
            Leader = bidder;
            LeaderMax = amount;
        }
        else
        {
            next = amount == leaderMax ? amount : Min(leaderMax, amount + Rules.Increment.StepAt(amount));
        }
        Price = Max(price, next); // the price never decreases
        RaiseToReserve();
        return null;

        BidOutcome Refuse(BidRejection reason, Money? minimum = null) => BidOutcome.Rejected(reason, Price, Leader, EndsAt, minimum);
    }

    /// <summary>Rule 4 (Auction Law Art. 50): in proxy mode the system bids for the leader up to the reserve, even past one step.</summary>
    private void RaiseToReserve()
    {
        if (Rules.ProxyBidding && Price < Rules.Reserve) Price = Min(LeaderMax!.Value, Rules.Reserve);
    }

    private BidOutcome Accept(BidderCode bidder, DateTimeOffset at)
    {
        // Rule 5 (SPC 2016 Art. 20): an accepted bid within the window before the end moves the end to bid time + extension.
        // The end never moves earlier, which matters only when the extension is shorter than the window.
        var extended = false;
        if (EndsAt - at <= Rules.SoftCloseWindow && at + Rules.Extension > EndsAt)
        {
            EndsAt = at + Rules.Extension;
            extended = true;
        }
        var price = Price!.Value;
        var leader = Leader!.Value;
        history.Add(new PublicBid(bidder, at, price, leader));
        return BidOutcome.Accepted(price, leader, EndsAt, extended);
    }

    private AuctionOutcome Outcome()
    {
        // Rule 6 (SPC 2016 Art. 22; Auction Law Art. 50): sold to the leader at the price if it meets the reserve, else 流拍.
        var sold = Leader is not null && Price >= Rules.Reserve;
        return new AuctionOutcome(
            sold ? AuctionOutcomeStatus.Sold : AuctionOutcomeStatus.Unsold,
            sold ? Leader : null,
            Price,
            EndsAt,
            AcceptedBids,
            RejectedBids);
    }

    private static Money Min(Money a, Money b) => a <= b ? a : b;
    private static Money Max(Money a, Money b) => a >= b ? a : b;
}
