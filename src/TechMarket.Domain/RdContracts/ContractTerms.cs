using TechMarket.Domain.Shared;

namespace TechMarket.Domain.RdContracts;

/// <summary>技术开发合同 types (Civil Code Art. 851): written contracts either way.</summary>
public enum DevelopmentContractType
{
    /// <summary>委托开发: the client pays, the developer develops.</summary>
    Commissioned = 1,
    /// <summary>合作开发: the partners develop together.</summary>
    Joint = 2,
}

/// <summary>Who may apply for a patent on the results.</summary>
public enum FilingRightHolder
{
    Developer = 1,
    Client = 2,
    /// <summary>The partners together (joint development).</summary>
    Jointly = 3,
}

/// <summary>How know-how (technical secrets) from the work may be used and transferred.</summary>
public enum KnowHowTerms
{
    /// <summary>Civil Code Art. 861 default: where not agreed, each party may use and transfer it.</summary>
    EachMayUse = 1,
    /// <summary>As the contract says (recorded in <see cref="IpTerms.KnowHowAgreement"/>).</summary>
    AsAgreed = 2,
}

/// <summary>Ownership of results and benefit sharing (Art. 845), pre-filled per Arts 859-861, editable before signing.</summary>
public sealed record IpTerms(FilingRightHolder FilingRight, bool ClientMayUseFree, bool ClientHasFirstRefusal, bool AnyPartnerMayVetoFiling,
    KnowHowTerms KnowHow, string? KnowHowAgreement)
{
    public static IpTerms DefaultsFor(DevelopmentContractType type) => type switch
    {
        // Art. 859: the developer owns the right to file; the client may practise the patent free and has first refusal on its assignment.
        DevelopmentContractType.Commissioned => new(FilingRightHolder.Developer, ClientMayUseFree: true, ClientHasFirstRefusal: true,
            AnyPartnerMayVetoFiling: false, KnowHowTerms.EachMayUse, null),
        // Art. 860: the right to file is shared; if one partner refuses to file, the others may not file.
        DevelopmentContractType.Joint => new(FilingRightHolder.Jointly, ClientMayUseFree: false, ClientHasFirstRefusal: false,
            AnyPartnerMayVetoFiling: true, KnowHowTerms.EachMayUse, null),
    };
}

/// <summary>Payment forms of Civil Code Art. 846.</summary>
public enum PaymentForm
{
    /// <summary>一次总算、一次总付</summary>
    LumpSumOnce = 1,
    /// <summary>一次总算、分期支付 (here: one instalment per milestone)</summary>
    LumpSumInstalments = 2,
    /// <summary>提成支付</summary>
    Royalty = 3,
    /// <summary>提成支付附加预付入门费</summary>
    RoyaltyWithEntryFee = 4,
}

/// <summary>What a royalty is a share of (Art. 846: price, added output value, profit or sales).</summary>
public enum RoyaltyBase
{
    ProductPrice = 1,
    AddedOutputValue = 2,
    Profit = 3,
    Sales = 4,
}

public sealed record PaymentTerms(PaymentForm Form, Money FixedAmount, RoyaltyBase? RoyaltyBase, int? RoyaltyRateBasisPoints)
{
    public static PaymentTerms LumpSumOnce(Money amount) => new(PaymentForm.LumpSumOnce, amount, null, null);
    public static PaymentTerms LumpSumInstalments(Money amount) => new(PaymentForm.LumpSumInstalments, amount, null, null);
    public static PaymentTerms Royalty(RoyaltyBase royaltyBase, int basisPoints) => new(PaymentForm.Royalty, Money.Zero, royaltyBase, basisPoints);
    public static PaymentTerms RoyaltyWithEntryFee(Money entryFee, RoyaltyBase royaltyBase, int basisPoints) =>
        new(PaymentForm.RoyaltyWithEntryFee, entryFee, royaltyBase, basisPoints);

    /// <summary>Why these terms do not hold together with the milestones, or null.</summary>
    public string? Problem(IReadOnlyList<MilestonePlan> milestones)
    {
        var total = milestones.Sum(m => m.Amount.Fen);
        var royalty = Form is PaymentForm.Royalty or PaymentForm.RoyaltyWithEntryFee;
        if (royalty && (RoyaltyBase is null || RoyaltyRateBasisPoints is not > 0 and <= 10_000)) return "提成支付须约定提成基数和比例。";
        if (!royalty && FixedAmount <= Money.Zero) return "总价须大于零。";
        if (Form == PaymentForm.LumpSumOnce && milestones.Count(m => m.Amount > Money.Zero) != 1) return "一次总付只能有一个付款里程碑。";
        if (Form == PaymentForm.RoyaltyWithEntryFee && FixedAmount <= Money.Zero) return "入门费须大于零。";
        if (total != FixedAmount.Fen) return $"里程碑金额合计 {new Money(total)} 与合同约定的固定金额 {FixedAmount} 不符。";
        return null;
    }
}

/// <summary>Risk of technical failure (Art. 858): as agreed, else shared reasonably.</summary>
public sealed record TechnicalRiskTerms(string? Agreed)
{
    public static TechnicalRiskTerms SharedReasonably { get; } = new((string?)null);
    public bool IsStatutoryDefault => Agreed is null;
}

/// <summary>A milestone as planned in the contract.</summary>
public sealed record MilestonePlan(string Deliverable, DateOnly DueOn, Money Amount);

/// <summary>Art. 845 contents beyond ownership and payment.</summary>
public sealed record ContractContents(string ProjectName, string ContentScopeAndRequirements, string PlanPlaceAndManner,
    string Confidentiality, string AcceptanceStandardAndMethod);
