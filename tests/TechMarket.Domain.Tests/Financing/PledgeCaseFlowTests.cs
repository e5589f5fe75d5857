using TechMarket.Domain.Financing;
using TechMarket.Domain.Shared;
using static TechMarket.Domain.Tests.Financing.Parties;

namespace TechMarket.Domain.Tests.Financing;

public sealed class PledgeCaseFlowTests
{
    [Fact]
    public void Full_flow_from_draft_to_release_audits_every_transition()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        var t = T0.AddDays(400);

        APledgeCase.Must(c.RecordRepayment(LenderActor, new Repayment(new DateOnly(2027, 4, 10), Money.FromWanYuan(100m), Money.FromWanYuan(11.55m)), t));
        Assert.Equal(PledgeState.Repaying, c.State);
        APledgeCase.Must(c.RecordRepayment(LenderActor, new Repayment(new DateOnly(2027, 9, 1), Money.FromWanYuan(50m), Money.FromWanYuan(2m)), t.AddDays(1)));
        Assert.Equal(PledgeState.Repaying, c.State);
        APledgeCase.Must(c.RecordRepayment(LenderActor, new Repayment(new DateOnly(2028, 3, 31), Money.FromWanYuan(150m), Money.FromWanYuan(5m)), t.AddDays(2)));
        Assert.Equal(PledgeState.Repaid, c.State);
        Assert.Equal(Money.Zero, c.OutstandingPrincipal);

        APledgeCase.Must(c.ReleasePledge(LenderActor, ReleaseGround.DebtPerformed, new DateOnly(2028, 4, 10), "注销通知书 ZX2028000771", t.AddDays(10)));
        Assert.Equal(PledgeState.Released, c.State);
        Assert.Equal(ReleaseGround.DebtPerformed, c.Release!.Ground);

        Assert.Equal(
            [PledgeState.ValuationRequested, PledgeState.Valued, PledgeState.SubmittedToLender, PledgeState.LenderReview, PledgeState.Approved,
             PledgeState.ContractsSigned, PledgeState.RegistrationFiled, PledgeState.Registered, PledgeState.Disbursed,
             PledgeState.Repaying, PledgeState.Repaying, PledgeState.Repaid, PledgeState.Released],
            c.Audit.Select(a => a.To));
        Assert.Equal(PledgeState.Draft, c.Audit[0].From);
        for (var i = 1; i < c.Audit.Count; i++)
        {
            Assert.Equal(c.Audit[i - 1].To, c.Audit[i].From);
            Assert.True(c.Audit[i].At >= c.Audit[i - 1].At);
        }
        var valuation = Assert.Single(c.Audit, a => a.Trigger == PledgeTrigger.RecordValuation);
        Assert.Equal(Evaluator, valuation.OrganizationId);
        Assert.Equal(EvaluatorActor.PersonId, valuation.PersonId);
        Assert.Equal(PledgeRole.Evaluator, valuation.ActingAs);
        Assert.All(c.Audit, a => Assert.Equal(TimeSpan.Zero, a.At.Offset));
    }

    [Fact]
    public void Default_leads_through_realisation_to_closed_and_applies_proceeds_to_the_debt()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        APledgeCase.Must(c.RecordRepayment(LenderActor, new Repayment(new DateOnly(2027, 4, 10), Money.FromWanYuan(100m), Money.Zero), T0.AddDays(400)));
        APledgeCase.Must(c.DeclareDefault(LenderActor, "第二期本金逾期 90 日", T0.AddDays(800)));
        Assert.Equal(PledgeState.Default, c.State);
        APledgeCase.Must(c.StartRealisation(LenderActor, "网络拍卖，质权人为委托人", T0.AddDays(810)));
        Assert.Equal(PledgeState.Realisation, c.State);

        APledgeCase.Must(c.CloseRealisation(CenterActor, "拍卖成交确认书 PS-2028-07", Money.FromWanYuan(150m), new DateOnly(2028, 7, 20), T0.AddDays(900)));

        Assert.Equal(PledgeState.Closed, c.State);
        // Civil Code Art. 561: the interest of both instalments (11.55 + 7.7 万, due and unpaid) first, then principal.
        Assert.Equal(Money.FromWanYuan(150m), c.Realisation!.AppliedToDebt);
        Assert.Equal(new Repayment(new DateOnly(2028, 7, 20), Money.FromWanYuan(130.75m), Money.FromWanYuan(19.25m)), c.Repayments[^1]);
        Assert.Equal(Money.FromWanYuan(69.25m), c.Realisation.Shortfall);
        Assert.Equal(Money.Zero, c.Realisation.SurplusToPledgor);
        Assert.Equal(Money.FromWanYuan(69.25m), c.OutstandingPrincipal);
        Assert.Equal(ReleaseGround.PledgeRealised, c.Release!.Ground);
        Assert.Equal([PledgeState.Default, PledgeState.Realisation, PledgeState.Closed], c.Audit.TakeLast(3).Select(a => a.To));
        Assert.Equal(PledgeRole.Center, c.Audit[^1].ActingAs);
    }

    [Fact]
    public void Realisation_surplus_goes_back_to_the_pledgor()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        APledgeCase.Must(c.DeclareDefault(LenderActor, "逾期", T0.AddDays(500)));
        APledgeCase.Must(c.StartRealisation(LenderActor, "拍卖", T0.AddDays(510)));
        APledgeCase.Must(c.CloseRealisation(LenderActor, "拍卖", Money.FromWanYuan(420m), new DateOnly(2027, 9, 1), T0.AddDays(600)));
        // On 2027-09-01 the first instalment's interest (11.55 万) is due; the second's is not yet owed.
        Assert.Equal(Money.FromWanYuan(311.55m), c.Realisation!.AppliedToDebt);
        Assert.Equal(Money.FromWanYuan(108.45m), c.Realisation.SurplusToPledgor);
        Assert.Equal(Money.Zero, c.Realisation.Shortfall);
    }

    [Fact]
    public void Auction_lots_apply_one_by_one_and_the_last_closes_the_case()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        APledgeCase.Must(c.DeclareDefault(LenderActor, "逾期", T0.AddDays(500)));
        APledgeCase.Must(c.StartRealisation(LenderActor, "拍卖（质权人为委托人）", T0.AddDays(510)));
        var on = new DateOnly(2027, 9, 1);
        var first = Guid.NewGuid();
        APledgeCase.Must(c.ApplyRealisationProceeds(CenterActor, first, "ZL1", Money.FromWanYuan(200m), on, lastLot: false, T0.AddDays(600)));
        Assert.Equal(PledgeState.Realisation, c.State);
        Assert.Equal(Money.FromWanYuan(11.55m), c.RealisationLots[0].ToInterest);
        Assert.Equal(Money.FromWanYuan(188.45m), c.RealisationLots[0].ToPrincipal);
        Assert.Equal(PledgeRefusalCode.InvalidInput, c.ApplyRealisationProceeds(CenterActor, first, "ZL1", Money.FromWanYuan(200m), on, lastLot: false, T0.AddDays(600)).Refusal!.Code);
        Assert.Equal(PledgeRefusalCode.WrongRole, c.ApplyRealisationProceeds(ApplicantActor, Guid.NewGuid(), "ZL2", Money.FromWanYuan(1m), on, lastLot: true, T0.AddDays(600)).Refusal!.Code);

        APledgeCase.Must(c.ApplyRealisationProceeds(CenterActor, Guid.NewGuid(), "ZL2", Money.FromWanYuan(150m), on, lastLot: true, T0.AddDays(601)));
        Assert.Equal(PledgeState.Closed, c.State);
        Assert.Equal(Money.FromWanYuan(111.55m), c.RealisationLots[1].ToPrincipal);
        Assert.Equal(Money.FromWanYuan(38.45m), c.RealisationLots[1].Surplus);
        Assert.Equal(Money.FromWanYuan(350m), c.Realisation!.Proceeds);
        Assert.Equal(Money.FromWanYuan(311.55m), c.Realisation.AppliedToDebt);
        Assert.Equal(Money.FromWanYuan(38.45m), c.Realisation.SurplusToPledgor);
        Assert.Equal(Money.Zero, c.OutstandingDebt(on));
        Assert.Equal(2, PledgeCase.Restore(c.ToSnapshot()).RealisationLots.Count);
    }

    [Fact]
    public void A_third_party_pledgor_signs_the_pledge_contract_and_the_borrower_cannot()
    {
        // Civil Code Art. 425: the patentee pledges for the applicant's (borrower's) debt; Art. 427: pledgor and lender contract.
        var patentee = new PledgeActor(Guid.NewGuid(), Guid.NewGuid());
        var c = APledgeCase.At(PledgeState.Approved, pledgors: [patentee.OrganizationId]);
        Assert.True(c.IsThirdPartyPledge);
        Assert.DoesNotContain(PledgeTrigger.SignContracts, c.PermittedTriggers(ApplicantActor));
        Assert.Contains(PledgeTrigger.SignContracts, c.PermittedTriggers(patentee));
        Assert.Equal(PledgeRefusalCode.WrongRole, c.SignContracts(ApplicantActor, APledgeCase.AContract, T0.AddDays(9)).Refusal!.Code);
        APledgeCase.Must(c.SignContracts(LenderActor, APledgeCase.AContract, T0.AddDays(9)));
        APledgeCase.Must(c.SignContracts(patentee, APledgeCase.AContract, T0.AddDays(9)));
        Assert.Equal(PledgeState.ContractsSigned, c.State);
        Assert.True(c.IsVisibleTo(ApplicantActor));
        Assert.False(APledgeCase.New().IsThirdPartyPledge);
    }

    [Fact]
    public void Lender_rejection_ends_the_case()
    {
        var c = APledgeCase.At(PledgeState.LenderReview);
        Assert.Equal(PledgeRefusalCode.InvalidInput, c.Reject(LenderActor, " ", T0).Refusal!.Code);
        APledgeCase.Must(c.Reject(LenderActor, "评估价值不足以覆盖授信", T0.AddDays(5)));
        Assert.Equal(PledgeState.Rejected, c.State);
        Assert.Empty(c.PermittedTriggers(ApplicantActor));
        Assert.Empty(c.PermittedTriggers(LenderActor));
    }

    [Fact]
    public void A_trigger_in_the_wrong_state_is_refused_and_changes_nothing()
    {
        var c = APledgeCase.At(PledgeState.Draft);
        var outcome = c.Disburse(LenderActor, APledgeCase.ADisbursement, T0);
        Assert.False(outcome.IsDone);
        Assert.Equal(PledgeRefusalCode.NotAllowedNow, outcome.Refusal!.Code);
        Assert.Contains("草稿", outcome.Refusal.MessageZh);
        Assert.Equal(PledgeState.Draft, c.State);
        Assert.Empty(c.Audit);
    }

    [Fact]
    public void Both_parties_sign_the_same_contract_before_it_counts()
    {
        var c = APledgeCase.At(PledgeState.Approved);
        APledgeCase.Must(c.SignContracts(ApplicantActor, APledgeCase.AContract, T0));
        Assert.Equal(PledgeState.Approved, c.State);
        Assert.Equal(PledgeRefusalCode.AlreadySigned, c.SignContracts(ApplicantActor, APledgeCase.AContract, T0).Refusal!.Code);
        var altered = APledgeCase.AContract with { DebtMaturesOn = new DateOnly(2029, 3, 31) };
        Assert.Equal(PledgeRefusalCode.ContractMismatch, c.SignContracts(LenderActor, altered, T0).Refusal!.Code);
        APledgeCase.Must(c.SignContracts(LenderActor, APledgeCase.AContract with { PatentNumbers = [PatentNo] }, T0.AddHours(1)));
        Assert.Equal(PledgeState.ContractsSigned, c.State);
        Assert.Equal(2, c.Signatures.Count);
    }

    [Fact]
    public void The_secured_debt_cannot_exceed_the_approved_loan()
    {
        var c = APledgeCase.At(PledgeState.Approved);
        var outcome = c.SignContracts(LenderActor, APledgeCase.AContract with { SecuredDebt = Money.FromWanYuan(301m) }, T0);
        Assert.Equal(PledgeRefusalCode.InvalidInput, outcome.Refusal!.Code);
    }

    [Fact]
    public void Registration_refused_by_cnipa_returns_the_case_to_contracts_signed()
    {
        var c = APledgeCase.At(PledgeState.RegistrationFiled);
        APledgeCase.Must(c.RecordRegistrationRefusal(CenterActor, "专利权已终止", T0.AddDays(20)));
        Assert.Equal(PledgeState.ContractsSigned, c.State);
        Assert.Null(c.Filing);
    }

    [Fact]
    public void An_incomplete_filing_package_is_refused_naming_what_is_missing()
    {
        var c = APledgeCase.At(PledgeState.ContractsSigned);
        var outcome = c.FileRegistration(ApplicantActor, new FilingPackage(true, false, true, "某专利代理事务所", false, false), [APatent.InForce()], T0);
        Assert.Equal(PledgeRefusalCode.FilingPackageIncomplete, outcome.Refusal!.Code);
        Assert.Contains("共同签字", outcome.Refusal.MessageZh);
        Assert.Contains("委托书", outcome.Refusal.MessageZh);
        Assert.Contains("评估报告", outcome.Refusal.MessageZh);
        Assert.Equal(PledgeState.ContractsSigned, c.State);
    }

    [Fact]
    public void A_failing_cnipa_check_blocks_filing_and_lists_the_failures()
    {
        var c = APledgeCase.At(PledgeState.ContractsSigned);
        var lapsed = APatent.InForce() with { Status = Domain.Rights.PatentLegalStatus.Terminated };
        var outcome = c.FileRegistration(ApplicantActor, APledgeCase.CompletePackage, [lapsed], T0);
        Assert.Equal(PledgeRefusalCode.FilingChecksFailed, outcome.Refusal!.Code);
        Assert.Equal(FilingCheck.GrantedAndInForce, Assert.Single(outcome.Refusal.FailedChecks).Check);
        Assert.Equal(PledgeState.ContractsSigned, c.State);
    }

    [Fact]
    public void Repayment_cannot_exceed_the_outstanding_principal()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        var outcome = c.RecordRepayment(LenderActor, new Repayment(new DateOnly(2027, 1, 1), Money.FromWanYuan(300.01m), Money.Zero), T0);
        Assert.Equal(PledgeRefusalCode.InvalidInput, outcome.Refusal!.Code);
        Assert.Equal(PledgeState.Disbursed, c.State);
    }

    [Fact]
    public void Disbursement_schedule_must_add_up_to_the_amount()
    {
        var c = APledgeCase.At(PledgeState.Registered);
        var wrong = APledgeCase.ADisbursement with { Schedule = [new RepaymentInstalment(new DateOnly(2027, 4, 10), Money.FromWanYuan(299m), Money.Zero)] };
        Assert.Equal(PledgeRefusalCode.InvalidInput, c.Disburse(LenderActor, wrong, T0).Refusal!.Code);
    }

    [Fact]
    public void Overdue_instalments_are_those_past_due_and_not_covered_by_principal_paid()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        Assert.Empty(c.OverdueInstalments(new DateOnly(2027, 4, 10)));
        Assert.Single(c.OverdueInstalments(new DateOnly(2027, 4, 11)));
        APledgeCase.Must(c.RecordRepayment(LenderActor, new Repayment(new DateOnly(2027, 4, 12), Money.FromWanYuan(100m), Money.Zero), T0));
        Assert.Empty(c.OverdueInstalments(new DateOnly(2027, 4, 13)));
        Assert.Single(c.OverdueInstalments(new DateOnly(2028, 4, 1)));
    }

    [Fact]
    public void The_five_release_grounds_of_measures_article_18_are_modelled()
    {
        Assert.Equal(5, Enum.GetValues<ReleaseGround>().Length);
    }

    [Fact]
    public void Debt_performed_is_no_ground_while_principal_is_outstanding()
    {
        var c = APledgeCase.At(PledgeState.Disbursed);
        var outcome = c.ReleasePledge(LenderActor, ReleaseGround.DebtPerformed, Today, null, T0);
        Assert.Equal(PledgeRefusalCode.InvalidInput, outcome.Refusal!.Code);
        Assert.Equal(PledgeState.Disbursed, c.State);
    }

    [Fact]
    public void Only_the_lender_can_waive_the_pledge()
    {
        var c = APledgeCase.At(PledgeState.Registered);
        Assert.Equal(PledgeRefusalCode.WrongRole, c.ReleasePledge(ApplicantActor, ReleaseGround.LenderWaived, Today, null, T0).Refusal!.Code);
        APledgeCase.Must(c.ReleasePledge(LenderActor, ReleaseGround.LenderWaived, Today, "放弃质权声明", T0));
        Assert.Equal(PledgeState.Released, c.State);
    }

    [Fact]
    public void A_void_contract_or_other_statutory_end_needs_evidence()
    {
        var c = APledgeCase.At(PledgeState.Registered);
        Assert.Equal(PledgeRefusalCode.InvalidInput, c.ReleasePledge(ApplicantActor, ReleaseGround.ContractVoid, Today, null, T0).Refusal!.Code);
        Assert.Equal(PledgeRefusalCode.InvalidInput, c.ReleasePledge(ApplicantActor, ReleaseGround.OtherStatutory, Today, " ", T0).Refusal!.Code);
        Assert.Equal(PledgeRefusalCode.InvalidInput, c.ReleasePledge(LenderActor, ReleaseGround.PledgeRealised, Today, "x", T0).Refusal!.Code);
        APledgeCase.Must(c.ReleasePledge(ApplicantActor, ReleaseGround.ContractVoid, Today, "（2026）粤03民初123号判决", T0));
        Assert.Equal(PledgeState.Released, c.State);
    }

    [Fact]
    public void Lender_sees_only_cases_sent_to_it_and_evaluator_only_cases_it_values()
    {
        var c = APledgeCase.At(PledgeState.Draft);
        Assert.True(c.IsVisibleTo(ApplicantActor));
        Assert.True(c.IsVisibleTo(CenterActor));
        Assert.False(c.IsVisibleTo(EvaluatorActor));
        Assert.False(c.IsVisibleTo(LenderActor));
        c = APledgeCase.At(PledgeState.SubmittedToLender);
        Assert.True(c.IsVisibleTo(EvaluatorActor));
        Assert.True(c.IsVisibleTo(LenderActor));
        Assert.False(c.IsVisibleTo(OtherLenderActor));
        Assert.False(c.IsVisibleTo(StrangerActor));
    }

    [Fact]
    public void A_third_party_pledgor_acts_as_applicant_side()
    {
        var c = APledgeCase.New([CoOwner]);
        Assert.Equal(PledgeRole.Applicant, c.RolesOf(new PledgeActor(CoOwner, Guid.NewGuid())));
    }
}
