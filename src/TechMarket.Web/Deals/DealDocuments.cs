using System.Globalization;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Documents;
using TechMarket.Infrastructure.RdContracts;
using TechMarket.Web.Pages.Contracts;
using TechMarket.Web.RdContracts;

namespace TechMarket.Web.Deals;

/// <summary>The deal's documents as text: the same clauses feed the A4 print pages and the PDF renderer.</summary>
public static class DealDocuments
{
    public static string ContractTitle(TradeModes mode) => TransferContract(mode) ? "专利权转让合同" : "专利实施许可合同";

    private static bool TransferContract(TradeModes mode) => TransferContractTerms.KindFor(mode) == TransferContractKind.PatentAssignment;

    public static string Side(TradeModes mode, OfferSide side) => (TransferContract(mode), side) switch
    {
        (true, OfferSide.Seller) => "转让方（甲方）",
        (true, OfferSide.Buyer) => "受让方（乙方）",
        (false, OfferSide.Seller) => "许可方（甲方）",
        _ => "被许可方（乙方）",
    };

    public static string Origin(DealOrigin origin) => origin switch
    {
        DealOrigin.ListedTrade => "挂牌交易",
        DealOrigin.Auction => "网上竞价",
        DealOrigin.NegotiatedOffer => "面议（协议定价）",
        DealOrigin.ExpressLicence => "快捷许可（协议定价）",
        DealOrigin.OpenLicence => "开放许可",
        DealOrigin.RunnerUpOffer => "悔拍后次高出价人受让",
    };

    public static string Status(DealStatus status) => status switch
    {
        DealStatus.Open => "已成交",
        DealStatus.Publicity => "公示中",
        DealStatus.AwaitingSignatures => "待签署合同",
        DealStatus.BothSigned => "合同已签署",
        DealStatus.Settled => "已结算",
        DealStatus.Cancelled => "已取消",
        DealStatus.Granted => "许可已生效",
    };

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? at) => at?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The contract's clauses in order (Civil Code Art. 845, with Art. 846 payment and the patent particulars).</summary>
    public static IReadOnlyList<PdfSection> Clauses(DealView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Contract;
        var licence = !TransferContract(view.Deal.TradeMode);
        var sections = new List<PdfSection>
        {
            new("一、项目名称", c.ProjectName),
            new("二、专利基本情况", $"专利名称：{c.PatentName}\n专利号：{c.PatentNumber}\n申请日：{Day(c.FiledOn)}　授权公告日：{Day(c.GrantedOn)}\n专利权有效期限届满日：{Day(c.ExpiresOn)}"),
            new("三、标的内容、范围和要求", c.SubjectScopeAndRequirements),
        };
        if (licence) sections.Add(new("四、许可方式、实施范围、地域和期限", $"许可方式：{TransferContractTerms.LicenceTypeName(view.Deal.TradeMode)}\n实施范围：{c.LicenceScope}\n地域：{c.Territory}\n期限：{c.Term}"));
        var n = licence ? 5 : 4;
        string No() => "一二三四五六七八九十"[n++ - 1].ToString();
        sections.Add(new($"{No()}、履行的计划、地点和方式", c.PlanAndManner));
        sections.Add(new($"{No()}、技术信息和资料的保密", c.Confidentiality));
        sections.Add(new($"{No()}、技术成果的归属和收益的分成办法", c.OwnershipAndBenefitSharing));
        sections.Add(new($"{No()}、验收标准和方法", c.Acceptance));
        sections.Add(new($"{No()}、价款及支付方式（民法典第八百四十六条）", $"支付方式：{RdLabels.Form(c.PaymentForm)}\n{c.PaymentTerms}"));
        return sections;
    }

    public static PdfDocumentModel Contract(DealView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Deal;
        var seller = view.SignatureOf(OfferSide.Seller);
        var buyer = view.SignatureOf(OfferSide.Buyer);
        return new PdfDocumentModel(ContractTitle(d.TradeMode),
            [
                $"合同编号：{d.Id.ToString("N")[..12].ToUpperInvariant()}　版本：第 {d.ContractVersion} 稿　成交方式：{Origin(d.Origin)}",
                $"{Side(d.TradeMode, OfferSide.Seller)}：{view.SellerName}",
                $"{Side(d.TradeMode, OfferSide.Buyer)}：{view.BuyerName}",
            ],
            Clauses(view),
            [
                $"{Side(d.TradeMode, OfferSide.Seller)}：{view.SellerName}　签署人：{seller?.TypedName ?? "＿＿＿＿"}　日期：{Time(seller?.SignedAt)}",
                $"{Side(d.TradeMode, OfferSide.Buyer)}：{view.BuyerName}　签署人：{buyer?.TypedName ?? "＿＿＿＿"}　日期：{Time(buyer?.SignedAt)}",
                "本合同由双方在坪山科技服务大市场平台以电子方式签署（民法典第四百六十九条：数据电文视为书面形式）。",
            ]);
    }

    /// <summary>The R&amp;D development contract (issue 8) through the same renderer.</summary>
    public static PdfDocumentModel Development(ContractView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Loaded.Contract;
        var r = view.Loaded.Record;
        var milestones = string.Join("\n", c.Milestones.Select(m => $"第 {m.Number} 期：{m.Deliverable}，{m.DueOn:yyyy-MM-dd}，{m.Amount}"));
        var client = c.Signatures.FirstOrDefault(s => s.Side == RdRole.Client);
        var developer = c.Signatures.FirstOrDefault(s => s.Side == RdRole.Developer);
        return new PdfDocumentModel($"技术开发（{RdLabels.Type(c.Type)}）合同",
            [$"合同编号：{r.Id.ToString("N")[..12].ToUpperInvariant()}　状态：{RdLabels.Status(c.Status)}", $"委托方（甲方）：{view.Client}", $"研究开发方（乙方）：{view.Developer}"],
            [
                new("一、项目名称", r.ProjectName),
                new("二、标的内容、范围和要求", r.ContentScopeAndRequirements),
                new("三、履行的计划、地点和方式", r.PlanPlaceAndManner),
                new("四、技术信息和资料的保密", r.Confidentiality),
                new("五、成果归属与收益分成", string.Join("\n", RdLabels.IpClauses(c.IpTerms))),
                new("六、验收标准和方法", r.AcceptanceStandardAndMethod),
                new("七、价款、报酬及支付方式（民法典第八百四十六条）", $"支付方式：{RdLabels.Form(c.Payment.Form)}；合同金额 {c.Payment.FixedAmount}\n{milestones}"),
                new("八、技术风险负担（民法典第八百五十八条）", c.Risk.Agreed ?? "因出现无法克服的技术困难，致使研究开发失败或者部分失败的，该风险由当事人合理分担。"),
            ],
            [
                $"甲方（委托方）：{view.Client}　签署人：{client?.TypedName ?? "＿＿＿＿"}　日期：{RdClock.Show(client?.At)}",
                $"乙方（研究开发方）：{view.Developer}　签署人：{developer?.TypedName ?? "＿＿＿＿"}　日期：{RdClock.Show(developer?.At)}",
                "本合同由双方在坪山科技服务大市场平台以电子方式签署（民法典第八百五十一条：技术开发合同应当采用书面形式）。",
            ]);
    }
}
