using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Demands;
using TechMarket.Domain.RdContracts;

namespace TechMarket.Web.RdContracts;

/// <summary>Chinese display names of the directed R&amp;D codes (the English follows after " / ").</summary>
public static class RdLabels
{
    public static string Industry(Industry i) => i switch
    {
        Domain.Catalogue.Industry.NewEnergyVehicles => "新能源汽车与智能网联汽车",
        Domain.Catalogue.Industry.Biomedicine => "生物医药",
        Domain.Catalogue.Industry.NextGenIt => "新一代信息技术",
        Domain.Catalogue.Industry.FutureIndustries => "未来产业",
        Domain.Catalogue.Industry.Unspecified => "未指定",
    };

    public static string Status(DemandStatus s) => s switch
    {
        DemandStatus.Open => "征集中",
        DemandStatus.Awarded => "已揭榜",
        DemandStatus.Closed => "已关闭",
    };

    public static string Status(ProposalStatus s) => s switch
    {
        ProposalStatus.Submitted => "已提交",
        ProposalStatus.Shortlisted => "已入围",
        ProposalStatus.Selected => "已揭榜（选中）",
        ProposalStatus.Declined => "未入选",
    };

    public static string Reason(DeclineReason r) => r switch
    {
        DeclineReason.TooEarlyStage => "技术成熟度不足 / too early stage",
        DeclineReason.BenefitUnclear => "效益不明确 / benefit unclear",
        DeclineReason.Cost => "费用过高 / cost",
        DeclineReason.Fit => "与需求不匹配 / fit",
        DeclineReason.Other => "其他 / other",
    };

    public static string Form(PaymentForm f) => f switch
    {
        PaymentForm.LumpSumOnce => "一次总算、一次总付",
        PaymentForm.LumpSumInstalments => "一次总算、分期支付（按里程碑）",
        PaymentForm.Royalty => "提成支付",
        PaymentForm.RoyaltyWithEntryFee => "提成支付附加预付入门费",
    };

    public static string Base(RoyaltyBase b) => b switch
    {
        RoyaltyBase.ProductPrice => "产品价格",
        RoyaltyBase.AddedOutputValue => "新增产值",
        RoyaltyBase.Profit => "利润",
        RoyaltyBase.Sales => "产品销售额",
    };

    public static string Type(DevelopmentContractType t) => t switch
    {
        DevelopmentContractType.Commissioned => "委托开发",
        DevelopmentContractType.Joint => "合作开发",
    };

    public static string Status(DevelopmentContractStatus s) => s switch
    {
        DevelopmentContractStatus.Draft => "待签署",
        DevelopmentContractStatus.InForce => "已生效",
        DevelopmentContractStatus.Completed => "已完成",
    };

    public static string State(MilestoneState s) => s switch
    {
        MilestoneState.Unfunded => "未托管",
        MilestoneState.Funded => "已托管",
        MilestoneState.Submitted => "已提交",
        MilestoneState.Accepted => "已验收",
        MilestoneState.Rejected => "未通过验收",
        MilestoneState.Disputed => "争议中",
        MilestoneState.Decided => "中心已裁决",
    };

    public static string Filing(FilingRightHolder h) => h switch
    {
        FilingRightHolder.Developer => "研究开发方",
        FilingRightHolder.Client => "委托方",
        FilingRightHolder.Jointly => "双方共有",
    };

    public static string Decision(CenterDecisionKind k) => k switch
    {
        CenterDecisionKind.Release => "全部支付研究开发方",
        CenterDecisionKind.PartialRelease => "部分支付、其余退还委托方",
        CenterDecisionKind.Refund => "全部退还委托方",
    };

    /// <summary>The IP clause as contract text (Arts 859-861).</summary>
    public static IEnumerable<string> IpClauses(IpTerms ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        yield return $"专利申请权归属：{Filing(ip.FilingRight)}。";
        if (ip.ClientMayUseFree) yield return "研究开发方取得专利权的，委托方可以依法实施该专利（民法典第八百五十九条）。";
        if (ip.ClientHasFirstRefusal) yield return "研究开发方转让专利申请权的，委托方享有以同等条件优先受让的权利（民法典第八百五十九条）。";
        if (ip.AnyPartnerMayVetoFiling) yield return "合作开发一方不同意申请专利的，另一方不得申请专利（民法典第八百六十条）。";
        yield return ip.KnowHow == KnowHowTerms.AsAgreed
            ? $"技术秘密的使用权、转让权及利益分配：{ip.KnowHowAgreement}"
            : "技术秘密：未约定的，双方均有使用和转让的权利（民法典第八百六十一条）。";
    }
}
