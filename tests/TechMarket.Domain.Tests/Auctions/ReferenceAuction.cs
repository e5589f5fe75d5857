namespace TechMarket.Domain.Tests.Auctions;

/// <summary>
/// A small reference model of issue 5 rules 1-6, written from the issue text without the engine's types: plain longs
/// (fen, seconds), strings for bidders, one immutable state folded over the bids. Slow and obvious on purpose.
/// </summary>
internal static class ReferenceAuction
{
    public sealed record Terms(
        long Start, long? Reserve, IReadOnlyList<(long From, long Step)> Table, long OpensAt, long EndsAt,
        long Window, long Extension, bool Proxy, IReadOnlyDictionary<string, int> Ranks);

    public sealed record Bid(string Bidder, long Amount, long At);

    public sealed record Answer(bool Accepted, string? Reason, long? PriceAfter, string? LeaderAfter, long EndsAfter);

    public sealed record Result(string Status, string? Winner, long? Price, long EndsAt, IReadOnlyList<Answer> Answers);

    private sealed record State(long? Price, string? Leader, long LeaderMax, long End);

    public static Result Run(Terms terms, IEnumerable<Bid> bids)
    {
        var state = new State(null, null, 0, terms.EndsAt);
        var answers = new List<Answer>();
        foreach (var bid in bids)
        {
            var next = Step(terms, state, bid, out var reason);
            if (reason is null && state.End - bid.At <= terms.Window) next = next with { End = Math.Max(next.End, bid.At + terms.Extension) };
            state = next;
            answers.Add(new Answer(reason is null, reason, state.Price, state.Leader, state.End));
        }
        var reserve = terms.Reserve ?? terms.Start;
        var sold = state.Leader is not null && state.Price >= reserve;
        return new Result(sold ? "sold" : "unsold", sold ? state.Leader : null, state.Price, state.End, answers);
    }

    private static State Step(Terms t, State s, Bid bid, out string? reason)
    {
        reason = null;
        if (bid.At < t.OpensAt || bid.At >= s.End) { reason = "not_open"; return s; }
        var reserve = t.Reserve ?? t.Start;

        State after;
        if (s.Leader is null)
        {
            if (bid.Amount < t.Start) { reason = "below_minimum"; return s; }
            after = new State(t.Proxy ? t.Start : bid.Amount, bid.Bidder, bid.Amount, s.End);
        }
        else if (s.Leader == bid.Bidder)
        {
            if (!t.Proxy) { reason = "already_leading"; return s; }
            if (bid.Amount <= s.LeaderMax) { reason = "below_minimum"; return s; }
            after = s with { LeaderMax = bid.Amount };
        }
        else
        {
            var price = s.Price!.Value;
            var beats = Beats(t, bid.Bidder, s.Leader);
            var allowed = bid.Amount >= price + StepAt(t, price) || (beats && bid.Amount == price);
            if (!allowed) { reason = "below_minimum"; return s; }
            if (!t.Proxy) return new State(bid.Amount, bid.Bidder, bid.Amount, s.End);

            var challengerWins = bid.Amount > s.LeaderMax || (bid.Amount == s.LeaderMax && beats);
            long newPrice;
            if (challengerWins)
            {
                newPrice = bid.Amount == s.LeaderMax ? s.LeaderMax : Math.Min(bid.Amount, s.LeaderMax + StepAt(t, s.LeaderMax));
                after = new State(Math.Max(price, newPrice), bid.Bidder, bid.Amount, s.End);
            }
            else
            {
                newPrice = bid.Amount == s.LeaderMax ? bid.Amount : Math.Min(s.LeaderMax, bid.Amount + StepAt(t, bid.Amount));
                after = s with { Price = Math.Max(price, newPrice) };
            }
        }
        // Rule 4, proxy mode only.
        if (t.Proxy && after.Price < reserve) after = after with { Price = Math.Min(after.LeaderMax, reserve) };
        return after;
    }

    private static long StepAt(Terms t, long price) => t.Table.Where(r => r.From <= price).MaxBy(r => r.From).Step;

    private static bool Beats(Terms t, string challenger, string leader)
    {
        const int none = int.MaxValue;
        var mine = t.Ranks.GetValueOrDefault(challenger, none);
        var theirs = t.Ranks.GetValueOrDefault(leader, none);
        return mine != none && mine < theirs;
    }
}
