using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.CenterWorkspace;

public sealed class BrokerageCaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Client = Guid.NewGuid();

    private static BrokerageCase ACase() => new(Guid.NewGuid(), BrokerageSubjectKind.Listing, Guid.NewGuid(), "一种电池", Client, Client, Guid.NewGuid(), T0);

    [Fact]
    public void A_case_leaves_new_only_with_a_broker_and_moves_one_stage_at_a_time()
    {
        var c = ACase();
        Assert.Equal(BrokerageRefusal.NoBroker, c.MoveTo(BrokerageStage.Contacted, T0));
        c.Assign(Guid.NewGuid(), T0);
        Assert.Equal(BrokerageRefusal.NotNextStage, c.MoveTo(BrokerageStage.Negotiating, T0));
        Assert.Equal(BrokerageRefusal.None, c.MoveTo(BrokerageStage.Contacted, T0));
        Assert.Equal(BrokerageStage.Contacted, c.Stage);
    }

    [Fact]
    public void Closing_needs_the_agreed_fee_and_books_it_balanced_against_the_client()
    {
        var c = ACase();
        c.Assign(Guid.NewGuid(), T0);
        foreach (var s in new[] { BrokerageStage.Contacted, BrokerageStage.Negotiating, BrokerageStage.Deal }) Assert.Equal(BrokerageRefusal.None, c.MoveTo(s, T0));
        Assert.Equal(BrokerageRefusal.FeeNotAgreed, c.MoveTo(BrokerageStage.Closed, T0));
        Assert.Null(c.FeeEntry());
        Assert.Equal(BrokerageRefusal.NegativeFee, c.AgreeFee(new Money(-1), T0));
        c.AgreeFee(Money.FromYuan(8_000), T0);
        Assert.Equal(BrokerageRefusal.None, c.MoveTo(BrokerageStage.Closed, T0.AddDays(1)));
        var entry = c.FeeEntry()!;
        Assert.Equal($"BrokerageFeeEarned:{c.Id:N}", entry.Key.Value);
        Assert.Equal(Money.FromYuan(8_000), entry.Total);
        Assert.Contains(entry.Postings, p => p.Account == LedgerAccount.BrokerageFeesReceivable(Client) && p.Amount == Money.FromYuan(8_000));
        Assert.Equal(Money.Zero, entry.Postings.Aggregate(Money.Zero, (sum, p) => sum + p.Amount));
        Assert.Equal(BrokerageRefusal.Finished, c.MoveTo(BrokerageStage.Dropped, T0));
    }

    [Fact]
    public void A_free_brokerage_closes_without_an_entry_and_a_dropped_case_can_be_reopened()
    {
        var c = ACase();
        c.Assign(Guid.NewGuid(), T0);
        c.AgreeFee(Money.Zero, T0);
        foreach (var s in new[] { BrokerageStage.Contacted, BrokerageStage.Negotiating, BrokerageStage.Deal, BrokerageStage.Closed }) c.MoveTo(s, T0);
        Assert.Null(c.FeeEntry());
        var d = ACase();
        Assert.Equal(BrokerageRefusal.None, d.MoveTo(BrokerageStage.Dropped, T0));
        Assert.True(d.Reopen(T0));
        Assert.Equal(BrokerageStage.New, d.Stage);
        Assert.False(d.Reopen(T0));
    }
}
