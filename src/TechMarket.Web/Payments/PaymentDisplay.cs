using System.Globalization;
using Microsoft.Extensions.Localization;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Domain.Shared;

namespace TechMarket.Web.Payments;

/// <summary>Chinese labels (resource keys) for payment codes, and times in Beijing time (UTC+8).</summary>
public static class PaymentDisplay
{
    private static readonly TimeSpan Beijing = ChinaTime.Offset;

    public static string Time(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) => at is { } t ? Time(t) : "—";

    public static string State(IStringLocalizer t, DepositState state)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[state switch
        {
            DepositState.AwaitingPayment => "待缴纳",
            DepositState.Held => "已冻结",
            DepositState.Applied => "已抵作价款",
            DepositState.Released => "已退还",
            DepositState.Forfeited => "已没收",
        }];
    }

    public static string Kind(IStringLocalizer t, DepositSubjectKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[kind switch
        {
            DepositSubjectKind.Auction => "网上竞价",
            DepositSubjectKind.ListedTrade => "挂牌交易",
            DepositSubjectKind.Deal => "许可成交",
            _ => kind.ToString(),
        }];
    }

    public static string Channel(IStringLocalizer t, PaymentChannel? channel)
    {
        ArgumentNullException.ThrowIfNull(t);
        return channel switch
        {
            PaymentChannel.BankTransfer => t["银行转账"],
            PaymentChannel.Card => t["银行卡"],
            null => "—",
        };
    }

    public static string Problem(IStringLocalizer t, ReceiptProblem problem)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[problem switch
        {
            ReceiptProblem.UnknownReference => "付款识别码无法识别",
            ReceiptProblem.WrongAmount => "金额与应缴金额不符",
            ReceiptProblem.AlreadyPaid => "该款项已缴清（重复付款）",
            _ => "—",
        }];
    }

    public static string Settlement(IStringLocalizer t, SettlementState state)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[state switch
        {
            SettlementState.AwaitingBuyer => "待买方付款",
            SettlementState.AwaitingPayout => "待支付卖方",
            SettlementState.Settled => "已结清",
            SettlementState.Rescinded => "已解除（悔拍）",
        }];
    }

    public static string Account(IStringLocalizer t, LedgerAccountKind kind)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[kind switch
        {
            LedgerAccountKind.CashAtBank => "银行存款",
            LedgerAccountKind.PaymentClearing => "待清算（银行卡）",
            LedgerAccountKind.DepositsHeld => "保证金",
            LedgerAccountKind.DueFromBuyers => "应收买方",
            LedgerAccountKind.PayableToSellers => "应付卖方",
            LedgerAccountKind.CommissionIncome => "佣金收入",
            LedgerAccountKind.CostsRecovered => "费用补偿",
            LedgerAccountKind.ForfeitedDeposits => "没收保证金",
            LedgerAccountKind.MilestoneEscrow => "研发托管",
            LedgerAccountKind.BrokerageFeesReceivable => "应收经纪服务费",
            LedgerAccountKind.BrokerageFeeIncome => "经纪服务收入",
            LedgerAccountKind.PayableToLenders => "应付质权人",
            LedgerAccountKind.PayableToDevelopers => "应付研究开发方",
            LedgerAccountKind.RefundsPayableToClients => "应退委托方",
        }];
    }

    public static string Purpose(IStringLocalizer t, PaymentPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t[ReconciliationCsv.Purpose(purpose)];
    }

    /// <summary>Yuan as typed (two decimals at most) to fen; null when it is not an amount.</summary>
    public static long? YuanToFen(decimal? yuan) =>
        yuan is { } y && y > 0 && decimal.Round(y, 2) == y && y <= 100_000_000_000m ? (long)(y * 100m) : null;
}
