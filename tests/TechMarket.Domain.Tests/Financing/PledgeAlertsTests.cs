using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;

namespace TechMarket.Domain.Tests.Financing;

public sealed class PledgeAlertsTests
{
    [Fact]
    public void Warns_of_fee_due_expiry_before_maturity_bad_standing_and_overdue_instalments()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        var today = new DateOnly(2027, 5, 1);
        var patent = APatent.InForce() with
        {
            NextAnnualFeeDueOn = today.AddDays(20),
            ExpiresOn = new DateOnly(2028, 1, 1),
            Proceedings = PatentProceedings.InvalidationPending,
        };
        var kinds = PledgeAlerts.For(c, [patent], today).Select(a => a.Kind).Order().ToList();
        Assert.Equal([PledgeAlertKind.AnnualFeeDue, PledgeAlertKind.ExpiresBeforeMaturity, PledgeAlertKind.InstalmentOverdue, PledgeAlertKind.PatentStanding], kinds);
    }

    [Fact]
    public void A_healthy_case_with_a_distant_fee_has_no_alerts()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        var patent = APatent.InForce() with { NextAnnualFeeDueOn = new DateOnly(2027, 1, 20) };
        Assert.Empty(PledgeAlerts.For(c, [patent], new DateOnly(2026, 6, 1)));
        Assert.Single(PledgeAlerts.For(c, [patent], new DateOnly(2026, 12, 31)));
    }
}
