using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Demands;

public sealed class DemandAndProposalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Guid Company = Guid.NewGuid();
    private static readonly Guid University = Guid.NewGuid();
    private static readonly Guid OtherUniversity = Guid.NewGuid();

    private static DemandDraft Draft(decimal minWan = 30, decimal maxWan = 50, int deadlineInDays = 30) =>
        new("固态电池", "公开摘要", "问题", "指标", Money.FromWanYuan(minWan), Money.FromWanYuan(maxWan), Today.AddDays(deadlineInDays), Industry.NewEnergyVehicles);

    private static Demand ADemand() => Demand.Post(Guid.NewGuid(), Company, Draft(), Today, T0).Demand!;

    private static MilestonePlan[] Plan(params decimal[] wan) => [.. wan.Select((w, i) => new MilestonePlan($"交付物{i + 1}", Today.AddDays(30 * (i + 1)), Money.FromWanYuan(w)))];

    private static Proposal AProposal(Demand demand, Guid author) =>
        Proposal.Submit(Guid.NewGuid(), demand, author, "路线", "团队", Money.FromWanYuan(30), PaymentForm.LumpSumInstalments, null, null, Plan(10, 20), Today, T0).Proposal!;

    [Fact]
    public void Budget_in_wan_yuan_is_stored_in_fen_and_the_range_must_not_be_inverted()
    {
        Assert.Equal(30_000_000L, ADemand().BudgetMinFen); // 30 万元 = ¥300,000
        var (demand, errors) = Demand.Post(Guid.NewGuid(), Company, Draft(minWan: 50, maxWan: 30), Today, T0);
        Assert.Null(demand);
        Assert.Contains(errors, e => e.Field == "BudgetMax");
    }

    [Fact]
    public void A_deadline_today_or_earlier_is_refused()
    {
        var (_, errors) = Demand.Post(Guid.NewGuid(), Company, Draft(deadlineInDays: 0), Today, T0);
        Assert.Contains(errors, e => e.Field == "Deadline");
    }

    [Fact]
    public void Details_are_visible_to_owner_center_and_those_who_accepted_the_undertaking_only()
    {
        var d = ADemand();
        Assert.True(d.DetailsVisibleTo(Company, isCenter: false, acceptedNda: false));
        Assert.True(d.DetailsVisibleTo(Guid.NewGuid(), isCenter: true, acceptedNda: false));
        Assert.True(d.DetailsVisibleTo(University, isCenter: false, acceptedNda: true));
        Assert.False(d.DetailsVisibleTo(University, isCenter: false, acceptedNda: false));
        Assert.False(d.DetailsVisibleTo(null, isCenter: false, acceptedNda: false));
    }

    [Fact]
    public void Instalment_amounts_must_add_up_to_the_price()
    {
        var (proposal, errors) = Proposal.Submit(Guid.NewGuid(), ADemand(), University, "路线", "团队", Money.FromWanYuan(30),
            PaymentForm.LumpSumInstalments, null, null, Plan(10, 10), Today, T0);
        Assert.Null(proposal);
        Assert.Contains(errors, e => e.Field == "Milestones");
    }

    [Fact]
    public void A_proposal_is_visible_to_its_author_the_owner_and_the_center_only()
    {
        var d = ADemand();
        var p = AProposal(d, University);
        Assert.True(p.IsVisibleTo(d, University, isCenter: false));
        Assert.True(p.IsVisibleTo(d, Company, isCenter: false));
        Assert.True(p.IsVisibleTo(d, null, isCenter: true));
        Assert.False(p.IsVisibleTo(d, OtherUniversity, isCenter: false));
        Assert.False(p.IsVisibleTo(d, null, isCenter: false));
    }

    [Fact]
    public void Selecting_awards_the_demand_and_no_second_selection_is_possible()
    {
        var d = ADemand();
        var first = AProposal(d, University);
        var second = AProposal(d, OtherUniversity);
        Assert.Null(first.Select(d, Company, T0));
        Assert.Equal(DemandStatus.Awarded, d.Status);
        Assert.Equal(first.Id, d.SelectedProposalId);
        Assert.NotNull(second.Select(d, Company, T0));
        Assert.NotNull(AProposal(ADemand(), University).Select(d, University, T0)); // only the owner selects
    }

    [Fact]
    public void Declining_for_other_reasons_needs_a_text_and_the_reason_is_kept_for_the_proposer()
    {
        var d = ADemand();
        var p = AProposal(d, University);
        Assert.NotNull(p.Decline(d, Company, DeclineReason.Other, " ", T0));
        Assert.Equal(ProposalStatus.Submitted, p.Status);
        Assert.Null(p.Decline(d, Company, DeclineReason.TooEarlyStage, "TRL 3", T0));
        Assert.Equal((ProposalStatus.Declined, DeclineReason.TooEarlyStage, "TRL 3"), (p.Status, p.DeclineReason, p.DeclineText));
    }

    [Fact]
    public void Nobody_proposes_on_their_own_or_a_closed_demand()
    {
        var d = ADemand();
        Assert.Null(Proposal.Submit(Guid.NewGuid(), d, Company, "路线", "团队", Money.FromWanYuan(30), PaymentForm.LumpSumInstalments, null, null, Plan(10, 20), Today, T0).Proposal);
        d.Close(T0);
        Assert.Null(Proposal.Submit(Guid.NewGuid(), d, University, "路线", "团队", Money.FromWanYuan(30), PaymentForm.LumpSumInstalments, null, null, Plan(10, 20), Today, T0).Proposal);
    }
}
