using Microsoft.Extensions.Localization;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Web.Pages;

/// <summary>Display names of domain codes; the Chinese text is the resource key.</summary>
public static class Labels
{
    public static string Kind(IStringLocalizer t, string code) =>
        AssetKinds.TryParseCode(code, out var kind) ? Kind(t, kind) : code;

    public static string Kind(IStringLocalizer t, AssetKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[kind switch
        {
            AssetKind.InventionPatent => "发明专利",
            AssetKind.UtilityModel => "实用新型",
            AssetKind.Design => "外观设计",
            AssetKind.PatentApplication => "专利申请",
            AssetKind.ResearchResult => "科技成果",
            AssetKind.Demand => "技术需求",
        }];
    }

    public static string TradeMode(IStringLocalizer t, string code)
    {
        ArgumentNullException.ThrowIfNull(t);
        return TradeModeCodes.TryParseCode(code, out var mode) ? TradeMode(t, mode) : code;
    }

    public static string TradeMode(IStringLocalizer t, TradeModes mode)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[mode switch
        {
            TradeModes.Assignment => "转让",
            TradeModes.ExclusiveLicence => "独占许可",
            TradeModes.SoleLicence => "排他许可",
            TradeModes.OrdinaryLicence => "普通许可",
            TradeModes.Equity => "作价投资",
            TradeModes.OpenLicence => "开放许可",
            _ => mode.ToString(),
        }];
    }

    public static string Price(IStringLocalizer t, long? fen)
    {
        ArgumentNullException.ThrowIfNull(t);
        return fen is { } f ? new Money(f).ToString() : t["面议"];
    }
}
