using Microsoft.Extensions.Localization;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Trading;

namespace TechMarket.Web.Pages;

/// <summary>Display of listed trades: statuses and Beijing times.</summary>
public static class TradeLabels
{
    public static string Status(IStringLocalizer t, ListedTradeStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[status switch
        {
            ListedTradeStatus.Open => "公示中",
            ListedTradeStatus.Deal => "协议成交",
            ListedTradeStatus.ConvertedToAuction => "已转网上竞价",
            ListedTradeStatus.Unsold => "未成交",
            _ => status.ToString(),
        }];
    }

    public static string Intention(IStringLocalizer t, IntentionStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[status switch
        {
            IntentionStatus.Registered => "待资格审核",
            IntentionStatus.Qualified => "资格已确认",
            IntentionStatus.Declined => "未通过资格审核",
            IntentionStatus.Lapsed => "逾期未缴保证金，资格失效",
            IntentionStatus.Withdrawn => "已撤回",
            IntentionStatus.Carried => "已进入成交或竞价",
            IntentionStatus.NotQualifiedInTime => "公示期满前未完成资格审核",
            _ => status.ToString(),
        }];
    }

    public static string Deposit(IStringLocalizer t, DepositState state)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[state switch
        {
            DepositState.AwaitingPayment => "待缴纳",
            DepositState.Held => "已缴纳",
            DepositState.Applied => "已抵作价款",
            DepositState.Released => "已退还或取消",
            DepositState.Forfeited => "已没收",
            _ => state.ToString(),
        }];
    }

    /// <summary>Beijing time, as every deadline is shown.</summary>
    public static string Local(DateTimeOffset at) =>
        at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
