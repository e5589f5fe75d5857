using CsCheck;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using static TechMarket.Domain.Tests.RdContracts.RdParties;

namespace TechMarket.Domain.Tests.RdContracts;

public sealed class EscrowConservationPropertyTests
{
    private static readonly RdActor[] Actors = [Client, Developer, Center, Stranger];

    /// <summary>Any sequence of attempted actions, by anyone, in any order, never creates or loses money.</summary>
    [Fact]
    public void Escrow_conserves_money_whatever_is_attempted()
    {
        var amounts = Gen.Long[0, 5_000_000].Array[1, 4];
        var steps = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Long[0, 5_000_000]).Array[0, 40];
        Gen.Select(amounts, steps).Sample((fen, script) =>
        {
            var c = ADevelopmentContract.Signed(fen.Select(f => f / 100 + 1).ToArray());
            foreach (var (action, actorIndex, milestoneIndex, money) in script)
            {
                var number = milestoneIndex % c.Milestones.Count + 1;
                var m = c.Milestones[number - 1];
                var actor = Actors[actorIndex];
                _ = action switch
                {
                    0 => c.Fund(actor, number, money % 2 == 0 ? m.Amount : new Money(money), T0),
                    1 => c.Submit(actor, number, "交付", [], T0),
                    2 => c.Accept(actor, number, T0),
                    3 => c.Reject(actor, number, "不合格", T0),
                    4 => c.Dispute(actor, number, "争议", T0),
                    5 => c.Decide(actor, number, new CenterDecision(CenterDecisionKind.PartialRelease, new Money(money % Math.Max(1, m.Held.Fen)), "理由"), T0),
                    _ => c.Decide(actor, number, money % 2 == 0
                        ? new CenterDecision(CenterDecisionKind.Refund, Money.Zero, "理由")
                        : new CenterDecision(CenterDecisionKind.Release, m.Held, "理由"), T0),
                };
                foreach (var each in c.Milestones)
                {
                    Assert.Equal(each.Funded, each.Released + each.Refunded + each.Held);
                    Assert.True(each.Held >= Money.Zero && each.Released >= Money.Zero && each.Refunded >= Money.Zero);
                    Assert.True(each.Funded == Money.Zero || each.Funded == each.Amount);
                    if (each.IsSettled) Assert.Equal(Money.Zero, each.Held);
                }
                Assert.Equal(c.TotalFunded, c.TotalReleased + c.TotalRefunded + c.TotalHeld);
                Assert.Equal(c.Milestones.All(x => x.IsSettled), c.Status == DevelopmentContractStatus.Completed);
            }
        });
    }

    /// <summary>Every milestone driven to settlement by accept, reject-then-accept, dispute-release, partial or refund ends with funded = released + refunded.</summary>
    [Fact]
    public void Every_settlement_path_ends_with_funded_equal_to_released_plus_refunded()
    {
        var gen = Gen.Select(Gen.Long[1, 1_000_000].Array[1, 5], Gen.Int[0, 4].Array[5], Gen.Long[1, 1_000_000]);
        gen.Sample((yuan, paths, cut) =>
        {
            var c = ADevelopmentContract.Signed(yuan);
            for (var i = 0; i < yuan.Length; i++)
            {
                var n = i + 1;
                var amount = c.Milestones[i].Amount;
                ADevelopmentContract.Must(c.Fund(Client, n, amount, T0));
                ADevelopmentContract.Must(c.Submit(Developer, n, "v1", [], T0));
                switch (paths[i])
                {
                    case 0:
                        ADevelopmentContract.Must(c.Accept(Client, n, T0));
                        break;
                    case 1:
                        ADevelopmentContract.Must(c.Reject(Client, n, "修改", T0));
                        ADevelopmentContract.Must(c.Submit(Developer, n, "v2", [], T0));
                        ADevelopmentContract.Must(c.Accept(Client, n, T0));
                        break;
                    case 2:
                        ADevelopmentContract.Must(c.Reject(Client, n, "修改", T0));
                        ADevelopmentContract.Must(c.Dispute(Developer, n, "争议", T0));
                        ADevelopmentContract.Must(c.Decide(Center, n, new CenterDecision(CenterDecisionKind.Release, amount, "达标"), T0));
                        break;
                    case 3:
                        ADevelopmentContract.Must(c.Dispute(Client, n, "争议", T0));
                        var part = new Money(cut % (amount.Fen - 1) + 1);
                        if (amount.Fen > 1)
                            ADevelopmentContract.Must(c.Decide(Center, n, new CenterDecision(CenterDecisionKind.PartialRelease, part, "部分"), T0));
                        else
                            ADevelopmentContract.Must(c.Decide(Center, n, new CenterDecision(CenterDecisionKind.Refund, Money.Zero, "退款"), T0));
                        break;
                    default:
                        ADevelopmentContract.Must(c.Dispute(Client, n, "争议", T0));
                        ADevelopmentContract.Must(c.Decide(Center, n, new CenterDecision(CenterDecisionKind.Refund, Money.Zero, "退款"), T0));
                        break;
                }
                var m = c.Milestones[i];
                Assert.True(m.IsSettled);
                Assert.Equal(amount, m.Funded);
                Assert.Equal(m.Funded, m.Released + m.Refunded);
            }
            Assert.Equal(DevelopmentContractStatus.Completed, c.Status);
            Assert.Equal(Money.FromYuan(yuan.Sum()), c.TotalReleased + c.TotalRefunded);
        });
    }
}
