using Microsoft.Extensions.Localization;
using TechMarket.Domain.Catalogue;

namespace TechMarket.Web.Pages;

/// <summary>Display names of the catalogue workflow's codes; the Chinese text is the resource key.</summary>
public static class CatalogueLabels
{
    public static string DocumentVisibility(IStringLocalizer t, DocumentVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[visibility switch
        {
            Domain.Catalogue.DocumentVisibility.Public => "公开",
            Domain.Catalogue.DocumentVisibility.Members => "登录企业可见",
            Domain.Catalogue.DocumentVisibility.OnRequest => "申请后可见",
            _ => visibility.ToString(),
        }];
    }

    public static string ImportStatus(IStringLocalizer t, Infrastructure.Catalogue.ImportJobStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[status switch
        {
            Infrastructure.Catalogue.ImportJobStatus.Queued => "排队中",
            Infrastructure.Catalogue.ImportJobStatus.Running => "导入中",
            Infrastructure.Catalogue.ImportJobStatus.Completed => "已完成",
            Infrastructure.Catalogue.ImportJobStatus.Cancelled => "已取消",
            Infrastructure.Catalogue.ImportJobStatus.Failed => "失败",
            _ => status.ToString(),
        }];
    }

    public static string Status(IStringLocalizer t, ListingStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[status switch
        {
            ListingStatus.Draft => "草稿",
            ListingStatus.Submitted => "待审核",
            ListingStatus.Rejected => "已退回",
            ListingStatus.Published => "已发布",
            ListingStatus.Withdrawn => "已撤回",
            ListingStatus.Expired => "已到期",
            ListingStatus.UnderOffer => "洽谈中",
            ListingStatus.InAuction => "竞价中",
            ListingStatus.Sold => "已成交",
        }];
    }

    public static string Industry(IStringLocalizer t, Industry industry)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[industry switch
        {
            TechMarket.Domain.Catalogue.Industry.Unspecified => "未指定",
            TechMarket.Domain.Catalogue.Industry.NewEnergyVehicles => "新能源汽车与智能网联汽车",
            TechMarket.Domain.Catalogue.Industry.Biomedicine => "生物医药",
            TechMarket.Domain.Catalogue.Industry.NextGenIt => "新一代信息技术",
            TechMarket.Domain.Catalogue.Industry.FutureIndustries => "未来产业",
        }];
    }

    public static string IndustryCode(IStringLocalizer t, string code)
    {
        foreach (var i in Enum.GetValues<Industry>())
        {
            if (TechMarket.Infrastructure.Search.CatalogDocuments.IndustryCode(i) == code) return Industry(t, i);
        }
        return code;
    }

    public static string Legal(IStringLocalizer t, LegalStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[status.DisplayName()];
    }

    /// <summary>Facet values as people read them.</summary>
    public static string FacetValue(IStringLocalizer t, string facet, string value)
    {
        ArgumentNullException.ThrowIfNull(t);
        return facet switch
        {
            TechMarket.Search.FacetNames.Type => Labels.Kind(t, value),
            TechMarket.Search.FacetNames.TradeMode => Labels.TradeMode(t, value),
            TechMarket.Search.FacetNames.Industry => IndustryCode(t, value),
            TechMarket.Search.FacetNames.LegalStatus => value switch { "granted" => t["已授权"], "pending" => t["审中"], _ => value },
            TechMarket.Search.FacetNames.PriceBand => value switch
            {
                TechMarket.Search.PriceBands.Negotiable => t["面议"],
                TechMarket.Search.PriceBands.Under100K => t["10万元以下"],
                TechMarket.Search.PriceBands.From100KTo500K => t["10-50万元"],
                TechMarket.Search.PriceBands.From500KTo1M => t["50-100万元"],
                TechMarket.Search.PriceBands.From1MTo5M => t["100-500万元"],
                TechMarket.Search.PriceBands.Over5M => t["500万元以上"],
                _ => value,
            },
            TechMarket.Search.FacetNames.Trl => "TRL " + value,
            _ => value,
        };
    }

    public static string FacetName(IStringLocalizer t, string facet)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[facet switch
        {
            TechMarket.Search.FacetNames.Type => "类型",
            TechMarket.Search.FacetNames.TradeMode => "交易方式",
            TechMarket.Search.FacetNames.Industry => "产业领域",
            TechMarket.Search.FacetNames.IpcSection => "IPC 部",
            TechMarket.Search.FacetNames.IpcClass => "IPC 大类",
            TechMarket.Search.FacetNames.LegalStatus => "法律状态",
            TechMarket.Search.FacetNames.PriceBand => "价格区间",
            TechMarket.Search.FacetNames.Organization => "挂牌机构",
            TechMarket.Search.FacetNames.Trl => "技术成熟度",
            _ => facet,
        }];
    }
}
