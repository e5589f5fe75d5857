using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using static TechMarket.Domain.Tests.RdContracts.ADevelopmentContract;
using static TechMarket.Domain.Tests.RdContracts.RdParties;

namespace TechMarket.Domain.Tests.RdContracts;

public sealed class DevelopmentContractTests
{
    [Fact]
    public void Commissioned_development_prefills_article_859_defaults()
    {
        var terms = Draft(DevelopmentContractType.Commissioned).IpTerms;
        Assert.Equal(FilingRightHolder.Developer, terms.FilingRight);
        Assert.True(terms.ClientMayUseFree);
        Assert.True(terms.ClientHasFirstRefusal);
        Assert.False(terms.AnyPartnerMayVetoFiling);
        Assert.Equal(KnowHowTerms.EachMayUse, terms.KnowHow);
    }

    [Fact]
    public void Joint_development_prefills_article_860_defaults()
    {
        var c = Draft(DevelopmentContractType.Joint);
        Assert.Equal(FilingRightHolder.Jointly, c.IpTerms.FilingRight);
        Assert.True(c.IpTerms.AnyPartnerMayVetoFiling);
        Assert.True(c.Risk.IsStatutoryDefault);
    }

    [Fact]
    public void Ip_terms_are_editable_before_signing_and_editing_withdraws_signatures()
    {
        var c = Draft();
        Must(c.Sign(Client, "张三", T0));
        var agreed = IpTerms.DefaultsFor(DevelopmentContractType.Commissioned) with { FilingRight = FilingRightHolder.Client, KnowHow = KnowHowTerms.AsAgreed, KnowHowAgreement = "技术秘密归甲方" };
        Must(c.SetIpTerms(Developer, agreed, new TechnicalRiskTerms("失败风险由乙方承担 30%"), T0.AddHours(1)));
        Assert.Empty(c.Signatures);
        Assert.Equal(FilingRightHolder.Client, c.IpTerms.FilingRight);
        Assert.Equal(RdRefusalCode.InvalidInput, c.SetIpTerms(Client, agreed with { KnowHowAgreement = null }, c.Risk, T0).Refusal!.Code);
        Assert.Equal(RdRefusalCode.WrongRole, c.SetIpTerms(Stranger, agreed, c.Risk, T0).Refusal!.Code);
        Must(c.Sign(Client, "张三", T0.AddHours(2)));
        Must(c.Sign(Developer, "李四", T0.AddHours(3)));
        Assert.Equal(DevelopmentContractStatus.InForce, c.Status);
        Assert.Equal(RdRefusalCode.NotAllowedNow, c.SetIpTerms(Client, agreed, c.Risk, T0).Refusal!.Code);
    }

    [Theory]
    [InlineData(PaymentForm.LumpSumOnce, new long[] { 0, 500_000 }, true)]
    [InlineData(PaymentForm.LumpSumOnce, new long[] { 250_000, 250_000 }, false)]
    [InlineData(PaymentForm.LumpSumInstalments, new long[] { 200_000, 300_000 }, true)]
    [InlineData(PaymentForm.LumpSumInstalments, new long[] { 200_000, 200_000 }, false)]
    [InlineData(PaymentForm.Royalty, new long[] { 0, 0 }, true)]
    [InlineData(PaymentForm.Royalty, new long[] { 0, 10_000 }, false)]
    [InlineData(PaymentForm.RoyaltyWithEntryFee, new long[] { 500_000, 0 }, true)]
    public void Payment_form_of_article_846_must_agree_with_the_milestones(PaymentForm form, long[] milestoneYuan, bool valid)
    {
        var total = Money.FromYuan(500_000);
        var terms = form switch
        {
            PaymentForm.LumpSumOnce => PaymentTerms.LumpSumOnce(total),
            PaymentForm.LumpSumInstalments => PaymentTerms.LumpSumInstalments(total),
            PaymentForm.Royalty => PaymentTerms.Royalty(RoyaltyBase.Sales, 300),
            PaymentForm.RoyaltyWithEntryFee => PaymentTerms.RoyaltyWithEntryFee(total, RoyaltyBase.Profit, 500),
        };
        var (contract, refusal) = DevelopmentContract.Draft(Guid.NewGuid(), ClientId, DeveloperId, DevelopmentContractType.Commissioned, Contents, terms, Plans(milestoneYuan), T0);
        Assert.Equal(valid, contract is not null);
        Assert.Equal(!valid, refusal is not null);
    }

    [Fact]
    public void A_royalty_needs_a_base_and_a_rate() =>
        Assert.NotNull(PaymentTerms.Royalty(RoyaltyBase.Sales, 0).Problem(Plans(0)));

    [Fact]
    public void The_contract_names_the_project_and_acceptance_standard() =>
        Assert.NotNull(DevelopmentContract.Draft(Guid.NewGuid(), ClientId, DeveloperId, DevelopmentContractType.Joint,
            Contents with { AcceptanceStandardAndMethod = "" }, PaymentTerms.LumpSumOnce(Money.FromYuan(1)), Plans(1), T0).Refusal);

    [Fact]
    public void Work_needs_both_signatures_and_funding_first()
    {
        var c = Draft();
        Assert.Equal(RdRefusalCode.NotAllowedNow, c.Fund(Client, 1, Money.FromYuan(200_000), T0).Refusal!.Code);
        Must(c.Sign(Client, "张三", T0));
        Assert.Equal(RdRefusalCode.NotAllowedNow, c.Sign(Client, "张三", T0).Refusal!.Code);
        Must(c.Sign(Developer, "李四", T0));
        Assert.Equal(RdRefusalCode.NotAllowedNow, c.Submit(Developer, 1, "样品", [], T0).Refusal!.Code);
        Assert.Equal(RdRefusalCode.WrongAmount, c.Fund(Client, 1, Money.FromYuan(199_999), T0).Refusal!.Code);
        Must(c.Fund(Client, 1, Money.FromYuan(200_000), T0));
        Assert.Equal(MilestoneState.Funded, c.Milestones[0].State);
        Assert.Equal(Money.FromYuan(200_000), c.TotalHeld);
    }

    [Theory]
    [InlineData("fund", "client")]
    [InlineData("fund", "center")]
    [InlineData("submit", "developer")]
    [InlineData("accept", "client")]
    [InlineData("reject", "client")]
    [InlineData("dispute", "client")]
    [InlineData("dispute", "developer")]
    [InlineData("decide", "center")]
    public void Each_milestone_action_belongs_to_its_party(string action, string allowed)
    {
        var actors = new Dictionary<string, RdActor> { ["client"] = Client, ["developer"] = Developer, ["center"] = Center, ["stranger"] = Stranger };
        foreach (var (name, actor) in actors)
        {
            var c = Signed(100_000);
            if (action != "fund") Must(c.Fund(Client, 1, Money.FromYuan(100_000), T0));
            if (action is "accept" or "reject" or "dispute" or "decide") Must(c.Submit(Developer, 1, "报告", ["r.pdf"], T0));
            if (action == "decide") Must(c.Dispute(Client, 1, "指标未达", T0));
            var outcome = action switch
            {
                "fund" => c.Fund(actor, 1, Money.FromYuan(100_000), T0),
                "submit" => c.Submit(actor, 1, "报告", ["r.pdf"], T0),
                "accept" => c.Accept(actor, 1, T0),
                "reject" => c.Reject(actor, 1, "指标未达", T0),
                "dispute" => c.Dispute(actor, 1, "分歧", T0),
                _ => c.Decide(actor, 1, new CenterDecision(CenterDecisionKind.Refund, Money.Zero, "检测报告显示未达标"), T0),
            };
            var mayAct = name == allowed || (action == "dispute" && name is "client" or "developer") || (action == "fund" && name is "client" or "center");
            Assert.True(mayAct == outcome.IsDone, $"{name} {action}: {outcome.Refusal?.MessageEn}");
            if (!mayAct) Assert.Equal(RdRefusalCode.WrongRole, outcome.Refusal!.Code);
        }
    }

    [Fact]
    public void Accepting_releases_the_escrow_to_the_developer()
    {
        var c = Signed(100_000);
        Must(c.Fund(Client, 1, Money.FromYuan(100_000), T0));
        Must(c.Submit(Developer, 1, "中试报告", ["report.pdf"], T0.AddDays(60)));
        Must(c.Accept(Client, 1, T0.AddDays(65)));
        var m = c.Milestones[0];
        Assert.Equal(MilestoneState.Accepted, m.State);
        Assert.Equal(Money.FromYuan(100_000), m.Released);
        Assert.Equal(Money.Zero, m.Held);
        Assert.Equal(DevelopmentContractStatus.Completed, c.Status);
        Assert.Equal(T0.AddDays(65), c.CompletedAt);
    }

    [Fact]
    public void Rejection_with_reasons_opens_a_revision_round()
    {
        var c = Signed(100_000);
        Must(c.Fund(Client, 1, Money.FromYuan(100_000), T0));
        Must(c.Submit(Developer, 1, "v1", [], T0));
        Assert.Equal(RdRefusalCode.InvalidInput, c.Reject(Client, 1, "  ", T0).Refusal!.Code);
        Must(c.Reject(Client, 1, "循环寿命仅 700 次", T0.AddDays(1)));
        Assert.Equal(MilestoneState.Rejected, c.Milestones[0].State);
        Assert.Equal(Money.FromYuan(100_000), c.Milestones[0].Held);
        Must(c.Submit(Developer, 1, "v2", ["v2.pdf"], T0.AddDays(20)));
        Must(c.Accept(Client, 1, T0.AddDays(21)));
        Assert.Equal(1, c.Milestones[0].RevisionRounds);
        Assert.Equal(2, c.Milestones[0].Submissions.Count);
    }

    [Theory]
    [InlineData(CenterDecisionKind.Release, 100_000, 100_000, 0)]
    [InlineData(CenterDecisionKind.PartialRelease, 40_000, 40_000, 60_000)]
    [InlineData(CenterDecisionKind.Refund, 0, 0, 100_000)]
    public void The_center_decides_a_dispute_and_money_is_conserved(CenterDecisionKind kind, long release, long released, long refunded)
    {
        var c = Signed(100_000);
        Must(c.Fund(Client, 1, Money.FromYuan(100_000), T0));
        Must(c.Submit(Developer, 1, "v1", [], T0));
        Must(c.Reject(Client, 1, "未达标", T0));
        Must(c.Dispute(Developer, 1, "甲方测试条件与合同不符", T0));
        Assert.Equal(RdRefusalCode.InvalidInput, c.Decide(Center, 1, new CenterDecision(kind, Money.FromYuan(release), ""), T0).Refusal!.Code);
        Must(c.Decide(Center, 1, new CenterDecision(kind, Money.FromYuan(release), "依第三方检测报告"), T0.AddDays(30)));
        var m = c.Milestones[0];
        Assert.Equal(MilestoneState.Decided, m.State);
        Assert.Equal(Money.FromYuan(released), m.Released);
        Assert.Equal(Money.FromYuan(refunded), m.Refunded);
        Assert.Equal(m.Funded, m.Released + m.Refunded);
        Assert.Equal("依第三方检测报告", m.Decision!.Reasons);
    }

    [Theory]
    [InlineData(CenterDecisionKind.Release, 99_999)]
    [InlineData(CenterDecisionKind.PartialRelease, 100_000)]
    [InlineData(CenterDecisionKind.PartialRelease, 0)]
    [InlineData(CenterDecisionKind.Refund, 1)]
    public void A_decision_amount_that_does_not_fit_its_kind_is_refused(CenterDecisionKind kind, long release)
    {
        var c = Signed(100_000);
        Must(c.Fund(Client, 1, Money.FromYuan(100_000), T0));
        Must(c.Submit(Developer, 1, "v1", [], T0));
        Must(c.Dispute(Client, 1, "x", T0));
        Assert.Equal(RdRefusalCode.WrongAmount, c.Decide(Center, 1, new CenterDecision(kind, Money.FromYuan(release), "理由"), T0).Refusal!.Code);
        Assert.Equal(MilestoneState.Disputed, c.Milestones[0].State);
    }

    [Fact]
    public void Contract_completes_only_when_every_milestone_is_settled_and_summarises_money()
    {
        var c = Signed(200_000, 300_000);
        Must(c.Fund(Client, 1, Money.FromYuan(200_000), T0));
        Must(c.Submit(Developer, 1, "v1", [], T0));
        Must(c.Accept(Client, 1, T0));
        Assert.Equal(DevelopmentContractStatus.InForce, c.Status);
        Must(c.Fund(Client, 2, Money.FromYuan(300_000), T0));
        Must(c.Submit(Developer, 2, "v1", [], T0));
        Must(c.Dispute(Client, 2, "延期", T0));
        Must(c.Decide(Center, 2, new CenterDecision(CenterDecisionKind.PartialRelease, Money.FromYuan(100_000), "部分完成"), T0.AddDays(90)));
        Assert.Equal(DevelopmentContractStatus.Completed, c.Status);
        Assert.Equal(Money.FromYuan(500_000), c.TotalFunded);
        Assert.Equal(Money.FromYuan(300_000), c.TotalReleased);
        Assert.Equal(Money.FromYuan(200_000), c.TotalRefunded);
        Assert.Equal(Money.Zero, c.TotalHeld);
        Assert.Equal("Completed", c.Audit[^1].To);
        Assert.Equal(RdRefusalCode.NotAllowedNow, c.Fund(Client, 1, Money.FromYuan(1), T0).Refusal!.Code);
    }

    [Fact]
    public void Only_the_parties_and_the_center_see_the_contract()
    {
        var c = Draft();
        Assert.True(c.IsVisibleTo(Client));
        Assert.True(c.IsVisibleTo(Developer));
        Assert.True(c.IsVisibleTo(Center));
        Assert.False(c.IsVisibleTo(Stranger));
    }

    [Fact]
    public void Registration_sheet_excludes_equipment_and_materials_and_names_the_developer_as_applicant()
    {
        var c = Signed(200_000, 300_000);
        var (sheet, refusal) = TechnologyContractRegistrationSheet.Prepare(c, Money.FromYuan(80_000), new DateOnly(2026, 5, 12));
        Assert.Null(refusal);
        Assert.Equal("技术开发合同（委托开发）", sheet!.ContractCategory);
        Assert.Equal(Money.FromYuan(500_000), sheet.ContractAmount);
        Assert.Equal(Money.FromYuan(420_000), sheet.TechnologyTransactionAmount);
        Assert.Equal(DeveloperId, sheet.ApplicantId);
        Assert.Equal(ClientId, sheet.BuyerId);
        Assert.NotNull(TechnologyContractRegistrationSheet.Prepare(c, Money.FromYuan(500_001), new DateOnly(2026, 5, 12)).Refusal);
        Assert.NotNull(TechnologyContractRegistrationSheet.Prepare(Draft(), Money.Zero, new DateOnly(2026, 5, 12)).Refusal);
    }
}
