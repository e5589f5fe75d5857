using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Financing;

internal static class Parties
{
    public static readonly Guid Applicant = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid CoOwner = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    public static readonly Guid Evaluator = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    public static readonly Guid Lender = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    public static readonly Guid OtherLender = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    public static readonly Guid Center = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    public static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-0000000000ff");

    public static readonly PledgeActor ApplicantActor = new(Applicant, Guid.NewGuid());
    public static readonly PledgeActor EvaluatorActor = new(Evaluator, Guid.NewGuid());
    public static readonly PledgeActor LenderActor = new(Lender, Guid.NewGuid());
    public static readonly PledgeActor OtherLenderActor = new(OtherLender, Guid.NewGuid());
    public static readonly PledgeActor CenterActor = new(Center, Guid.NewGuid(), IsCenter: true);
    public static readonly PledgeActor StrangerActor = new(Stranger, Guid.NewGuid());

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 3, 2);
    public const string PatentNo = "ZL202110123456.7";
}

internal static class APatent
{
    public static PatentRight InForce(string number = Parties.PatentNo, params Patentee[] owners) =>
        new(number, "一种锂离子电池负极材料", AssetKind.InventionPatent, new DateOnly(2021, 1, 20), new DateOnly(2023, 5, 9),
            PatentRight.StatutoryExpiry(AssetKind.InventionPatent, new DateOnly(2021, 1, 20)), PatentLegalStatus.InForce,
            owners.Length == 0 ? [new Patentee(Parties.Applicant, "深圳某新能源公司")] : owners);

    public static PatentRight CoOwned() =>
        InForce(Parties.PatentNo, new Patentee(Parties.Applicant, "深圳某新能源公司"), new Patentee(Parties.CoOwner, "某大学"));

    public static RegisteredPledge PledgeTo(Guid lender, string lenderName = "某银行坪山支行") =>
        new(Guid.Parse("00000000-0000-0000-0000-00000000d001"), lender, lenderName, "ZX2025001234", new DateOnly(2025, 6, 1));
}

/// <summary>Moves a case to a target state along the happy path, each step by the right party.</summary>
internal sealed class APledgeCase
{
    public static readonly Valuation AValuation = new("深圳某资产评估有限公司", ValuationMethod.Income, Money.FromWanYuan(800m), new DateOnly(2026, 2, 20), "深评报字[2026]第018号");
    public static readonly LenderDecision ADecision = new(Money.FromWanYuan(300m), 385, 24, ["专利年费由出质人按时缴纳"]);
    public static readonly PledgeContract AContract = new(Money.FromWanYuan(300m), new DateOnly(2026, 4, 1), new DateOnly(2028, 3, 31),
        "主债权及利息、违约金、实现质权的费用", [Parties.PatentNo], TransfersPatentOnDefault: false);
    public static readonly FilingPackage CompletePackage = new(true, true, true, null, false, true);
    public static readonly PledgeRegistration ARegistration = new("ZX2026000318", new DateOnly(2026, 4, 8));
    public static readonly Disbursement ADisbursement = new(Money.FromWanYuan(300m), new DateOnly(2026, 4, 10),
    [
        new RepaymentInstalment(new DateOnly(2027, 4, 10), Money.FromWanYuan(100m), Money.FromWanYuan(11.55m)),
        new RepaymentInstalment(new DateOnly(2028, 3, 31), Money.FromWanYuan(200m), Money.FromWanYuan(7.7m)),
    ]);

    public static PledgeCase New(IEnumerable<Guid>? pledgors = null) =>
        new(Guid.NewGuid(), Parties.Applicant, pledgors ?? [Parties.Applicant], [Parties.PatentNo], Parties.T0);

    public static PledgeCase At(PledgeState target, IEnumerable<Guid>? pledgors = null, PatentRight? patent = null)
    {
        var c = New(pledgors);
        var t = Parties.T0;
        var steps = new List<(PledgeState Reached, Func<PledgeOutcome> Step)>
        {
            (PledgeState.ValuationRequested, () => c.RequestValuation(Parties.ApplicantActor, Parties.Evaluator, t = t.AddHours(1))),
            (PledgeState.Valued, () => c.RecordValuation(Parties.EvaluatorActor, AValuation, t = t.AddDays(1))),
            (PledgeState.SubmittedToLender, () => c.SubmitToLender(Parties.ApplicantActor, Parties.Lender, t = t.AddHours(1))),
            (PledgeState.LenderReview, () => c.StartReview(Parties.LenderActor, t = t.AddHours(1))),
            (PledgeState.Approved, () => c.Approve(Parties.LenderActor, ADecision, t = t.AddDays(3))),
            (PledgeState.ContractsSigned, () =>
            {
                Must(c.SignContracts(Parties.LenderActor, AContract, t = t.AddDays(1)));
                return c.SignContracts(Parties.ApplicantActor, AContract, t = t.AddHours(2));
            }),
            (PledgeState.RegistrationFiled, () => c.FileRegistration(Parties.ApplicantActor, CompletePackage, [patent ?? APatent.InForce()], t = t.AddDays(1))),
            (PledgeState.Registered, () => c.RecordRegistration(Parties.LenderActor, ARegistration, t = t.AddDays(5))),
            (PledgeState.Disbursed, () => c.Disburse(Parties.LenderActor, ADisbursement, t = t.AddDays(2))),
        };
        foreach (var (reached, step) in steps)
        {
            if (c.State == target) break;
            Must(step());
            Assert.Equal(reached, c.State);
        }
        Assert.Equal(target, c.State);
        return c;
    }

    public static void Must(PledgeOutcome outcome) =>
        Assert.True(outcome.IsDone, outcome.Refusal?.MessageEn);
}
