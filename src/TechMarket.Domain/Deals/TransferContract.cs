using TechMarket.Domain.Catalogue;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Deals;

/// <summary>Which technology contract the deal needs (Civil Code Arts 862-863).</summary>
public enum TransferContractKind
{
    /// <summary>专利权转让合同 (also for 作价投资: the right passes to the new company).</summary>
    PatentAssignment = 1,
    /// <summary>专利实施许可合同</summary>
    PatentLicence = 2,
}

/// <summary>
/// A technology transfer or licence contract's terms, pre-filled with the contents Civil Code Art. 845 requires
/// (project name; subject, scope and requirements; plan and manner; confidentiality; ownership of results and benefit
/// sharing; acceptance; price and payment form per Art. 846) and, for a patent, its name, number, filing and grant dates
/// and remaining term (Art. 845 para. 2). The parties edit them until both have signed.
/// </summary>
public sealed record TransferContractTerms(
    string ProjectName,
    string SubjectScopeAndRequirements,
    string PlanAndManner,
    string Confidentiality,
    string OwnershipAndBenefitSharing,
    string Acceptance,
    PaymentForm PaymentForm,
    string PaymentTerms,
    string LicenceScope,
    string Territory,
    string Term,
    string PatentName,
    string PatentNumber,
    DateOnly? FiledOn,
    DateOnly? GrantedOn,
    DateOnly? ExpiresOn)
{
    public static TransferContractKind KindFor(TradeModes mode) =>
        mode is TradeModes.Assignment or TradeModes.Equity ? TransferContractKind.PatentAssignment : TransferContractKind.PatentLicence;

    public static string LicenceTypeName(TradeModes mode) => mode switch
    {
        TradeModes.ExclusiveLicence => "独占实施许可",
        TradeModes.SoleLicence => "排他实施许可",
        TradeModes.OrdinaryLicence or TradeModes.OpenLicence => "普通实施许可",
        TradeModes.Assignment => "专利权转让",
        TradeModes.Equity => "专利权作价投资（转让）",
        _ => mode.ToString(),
    };

    /// <summary>The draft both parties start from.</summary>
    public static TransferContractTerms Draft(string title, string patentNumber, DateOnly? filedOn, DateOnly? grantedOn, DateOnly? expiresOn,
        TradeModes mode, Money price, string? scope = null, string? territory = null, string? term = null)
    {
        var assignment = KindFor(mode) == TransferContractKind.PatentAssignment;
        return new(
            ProjectName: $"“{title}”{(assignment ? "专利权转让" : LicenceTypeName(mode))}",
            SubjectScopeAndRequirements: assignment
                ? $"转让方将专利 {patentNumber}（{title}）的专利权转让给受让方，并交付实施该专利所需的技术资料。"
                : $"许可方许可被许可方以{LicenceTypeName(mode)}方式实施专利 {patentNumber}（{title}），实施范围：{scope ?? "制造、使用、销售、许诺销售、进口专利产品或使用专利方法"}。",
            PlanAndManner: assignment
                ? "合同生效后三十日内，双方共同向国家知识产权局办理著录项目变更登记；转让方于登记后十日内交付技术资料。"
                : "合同生效后三个月内，许可方向国家知识产权局办理专利实施许可合同备案；许可方提供必要的技术指导。",
            Confidentiality: "双方对在履行合同中知悉的对方技术秘密和商业信息负有保密义务，保密期限至该信息公开之日止。",
            OwnershipAndBenefitSharing: "在履行合同中一方利用专利作出的后续改进技术成果，归作出改进的一方所有（民法典第八百七十五条）。",
            Acceptance: "以技术资料交付清单和国家知识产权局登记或备案文件为验收依据。",
            PaymentForm: PaymentForm.LumpSumOnce,
            PaymentTerms: $"合同价款 {price}，一次总算、一次总付，通过坪山科技服务大市场结算账户支付。",
            LicenceScope: assignment ? "" : scope ?? "制造、使用、销售、许诺销售、进口",
            Territory: territory ?? "中华人民共和国境内",
            Term: assignment ? "" : term ?? (expiresOn is { } e ? $"自合同生效之日起至 {e:yyyy-MM-dd}（专利权期限届满）止" : "自合同生效之日起五年"),
            PatentName: title,
            PatentNumber: patentNumber,
            FiledOn: filedOn,
            GrantedOn: grantedOn,
            ExpiresOn: expiresOn);
    }

    /// <summary>Why the edited terms cannot stand, or null.</summary>
    public DealRefusal? Problem()
    {
        if (string.IsNullOrWhiteSpace(ProjectName) || string.IsNullOrWhiteSpace(SubjectScopeAndRequirements) || string.IsNullOrWhiteSpace(PlanAndManner)
            || string.IsNullOrWhiteSpace(Confidentiality) || string.IsNullOrWhiteSpace(OwnershipAndBenefitSharing) || string.IsNullOrWhiteSpace(Acceptance)
            || string.IsNullOrWhiteSpace(PaymentTerms))
            return new(DealRefusalCode.InvalidInput, "民法典第八百四十五条所列条款均须填写。", "Every clause Civil Code Art. 845 lists must be filled in.");
        var longest = new[] { ProjectName, SubjectScopeAndRequirements, PlanAndManner, Confidentiality, OwnershipAndBenefitSharing, Acceptance, PaymentTerms, LicenceScope, Territory, Term }
            .Max(s => s?.Length ?? 0);
        return longest > 4000 ? new(DealRefusalCode.InvalidInput, "每项条款最长 4000 字。", "Each clause has at most 4000 characters.") : null;
    }
}
