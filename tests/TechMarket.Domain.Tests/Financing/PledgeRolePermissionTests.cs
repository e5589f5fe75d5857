using TechMarket.Domain.Financing;
using TechMarket.Domain.Shared;
using static TechMarket.Domain.Tests.Financing.Parties;

namespace TechMarket.Domain.Tests.Financing;

public sealed class PledgeRolePermissionTests
{
    private static readonly Dictionary<string, PledgeActor> Actors = new()
    {
        ["applicant"] = ApplicantActor,
        ["evaluator"] = EvaluatorActor,
        ["lender"] = LenderActor,
        ["other-lender"] = OtherLenderActor,
        ["center"] = CenterActor,
        ["stranger"] = StrangerActor,
    };

    // Who may fire each trigger, written out as the rule, not derived from the code under test.
    private static readonly Dictionary<PledgeTrigger, (PledgeState At, string[] Allowed, Func<PledgeCase, PledgeActor, PledgeOutcome> Act)> Rules = new()
    {
        [PledgeTrigger.RequestValuation] = (PledgeState.Draft, ["applicant"], (c, a) => c.RequestValuation(a, Evaluator, T0)),
        [PledgeTrigger.RecordValuation] = (PledgeState.ValuationRequested, ["evaluator"], (c, a) => c.RecordValuation(a, APledgeCase.AValuation, T0)),
        [PledgeTrigger.SubmitToLender] = (PledgeState.Valued, ["applicant"], (c, a) => c.SubmitToLender(a, Lender, T0)),
        [PledgeTrigger.StartReview] = (PledgeState.SubmittedToLender, ["lender"], (c, a) => c.StartReview(a, T0)),
        [PledgeTrigger.Approve] = (PledgeState.LenderReview, ["lender"], (c, a) => c.Approve(a, APledgeCase.ADecision, T0)),
        [PledgeTrigger.Reject] = (PledgeState.LenderReview, ["lender"], (c, a) => c.Reject(a, "授信额度不足", T0)),
        [PledgeTrigger.SignContracts] = (PledgeState.Approved, ["applicant", "lender"], (c, a) => c.SignContracts(a, APledgeCase.AContract, T0)),
        [PledgeTrigger.FileRegistration] = (PledgeState.ContractsSigned, ["applicant", "lender"], (c, a) => c.FileRegistration(a, APledgeCase.CompletePackage, [APatent.InForce()], T0)),
        [PledgeTrigger.RecordRegistration] = (PledgeState.RegistrationFiled, ["applicant", "lender", "center"], (c, a) => c.RecordRegistration(a, APledgeCase.ARegistration, T0)),
        [PledgeTrigger.RecordRegistrationRefusal] = (PledgeState.RegistrationFiled, ["applicant", "lender", "center"], (c, a) => c.RecordRegistrationRefusal(a, "年费未缴", T0)),
        [PledgeTrigger.Disburse] = (PledgeState.Registered, ["lender"], (c, a) => c.Disburse(a, APledgeCase.ADisbursement, T0)),
        [PledgeTrigger.RecordRepayment] = (PledgeState.Disbursed, ["lender"], (c, a) => c.RecordRepayment(a, new Repayment(Today, Money.FromYuan(1000), Money.Zero), T0)),
        [PledgeTrigger.Release] = (PledgeState.Registered, ["applicant", "lender"], (c, a) => c.ReleasePledge(a, ReleaseGround.ContractVoid, Today, "仲裁裁决书", T0)),
        [PledgeTrigger.DeclareDefault] = (PledgeState.Disbursed, ["lender"], (c, a) => c.DeclareDefault(a, "逾期", T0)),
        [PledgeTrigger.StartRealisation] = (PledgeState.Default, ["lender"], (c, a) => c.StartRealisation(a, "拍卖", T0)),
        [PledgeTrigger.CloseRealisation] = (PledgeState.Realisation, ["lender", "center"], (c, a) => c.CloseRealisation(a, "拍卖", Money.FromWanYuan(10m), Today, T0)),
    };

    public static TheoryData<PledgeTrigger, string> Cases()
    {
        var data = new TheoryData<PledgeTrigger, string>();
        foreach (var trigger in Enum.GetValues<PledgeTrigger>())
            foreach (var actor in Actors.Keys)
                data.Add(trigger, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_trigger_is_permitted_only_to_its_role(PledgeTrigger trigger, string actorName)
    {
        var (at, allowed, act) = Rules[trigger];
        var c = Reach(at);
        var before = c.State;
        var auditBefore = c.Audit.Count;

        var outcome = act(c, Actors[actorName]);

        if (allowed.Contains(actorName))
        {
            Assert.True(outcome.IsDone, outcome.Refusal?.MessageEn);
        }
        else
        {
            Assert.False(outcome.IsDone);
            Assert.Equal(PledgeRefusalCode.WrongRole, outcome.Refusal!.Code);
            Assert.False(string.IsNullOrWhiteSpace(outcome.Refusal.MessageZh));
            Assert.Equal(before, c.State);
            Assert.Equal(auditBefore, c.Audit.Count);
        }
    }

    [Fact]
    public void Every_trigger_has_a_permission_rule()
    {
        Assert.Equal(Enum.GetValues<PledgeTrigger>().Order(), Rules.Keys.Order());
        Assert.All(Enum.GetValues<PledgeTrigger>(), t => Assert.NotEqual(PledgeRole.None, PledgeWorkflow.RolesFor(t)));
    }

    [Fact]
    public void Permitted_triggers_offer_each_party_only_its_own_buttons()
    {
        var c = Reach(PledgeState.Disbursed);
        Assert.Equal([PledgeTrigger.RecordRepayment, PledgeTrigger.Release, PledgeTrigger.DeclareDefault], c.PermittedTriggers(LenderActor));
        Assert.Equal([PledgeTrigger.Release], c.PermittedTriggers(ApplicantActor));
        Assert.Empty(c.PermittedTriggers(EvaluatorActor));
        Assert.Empty(c.PermittedTriggers(OtherLenderActor));
    }

    private static PledgeCase Reach(PledgeState state)
    {
        if (state is PledgeState.Default or PledgeState.Realisation)
        {
            var c = APledgeCase.At(PledgeState.Disbursed);
            APledgeCase.Must(c.DeclareDefault(LenderActor, "逾期", T0));
            if (state == PledgeState.Realisation) APledgeCase.Must(c.StartRealisation(LenderActor, "拍卖", T0));
            return c;
        }
        return APledgeCase.At(state);
    }
}
