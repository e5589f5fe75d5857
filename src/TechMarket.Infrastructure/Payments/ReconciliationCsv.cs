using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// 对账导出: every payment in and out, one line each, to tick off against the bank statement and Stripe's payouts.
/// UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it), RFC 4180 quoting, amounts in yuan with two
/// decimals, times in Beijing time. Cells a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public sealed class ReconciliationCsv(TechMarketDbContext db)
{
    private static readonly TimeSpan Beijing = ChinaTime.Offset;

    public static string[] Header { get; } =
        ["时间(UTC+8)", "方向", "用途", "机构", "统一社会信用代码", "金额(元)", "渠道", "银行/Stripe 流水号", "付款识别码", "凭证号", "记账键"];

    public async Task<byte[]> BuildAsync(CancellationToken ct)
    {
        var rows = await db.PaymentRecords.AsNoTracking()
            .Join(db.Organizations.AsNoTracking(), p => p.OrganizationId, o => o.Id, (p, o) => new { p, o.Name, o.CreditCode })
            .ToListAsync(ct).ConfigureAwait(false);
        var text = new StringBuilder();
        AppendLine(text, Header);
        foreach (var r in rows.OrderBy(r => r.p.At).ThenBy(r => r.p.Id))
        {
            AppendLine(text,
            [
                r.p.At.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.p.Direction == PaymentDirection.Incoming ? "收款" : "付款",
                Purpose(r.p.Purpose),
                r.Name,
                r.CreditCode ?? "",
                (r.p.AmountFen / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                r.p.Channel == Domain.Payments.PaymentChannel.BankTransfer ? "银行转账" : "银行卡(Stripe)",
                r.p.ExternalReference,
                r.p.PaymentReference ?? "",
                r.p.Id.ToString("N", CultureInfo.InvariantCulture),
                r.p.JournalKey,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Purpose(PaymentPurpose purpose) => purpose switch
    {
        PaymentPurpose.Deposit => "保证金",
        PaymentPurpose.DepositRelease => "保证金退还",
        PaymentPurpose.BuyerBalance => "买方价款",
        PaymentPurpose.SellerPayout => "支付卖方",
        PaymentPurpose.PledgeProceeds => "质权实现所得",
        PaymentPurpose.MilestoneFunding => "研发托管",
        PaymentPurpose.DeveloperPayout => "支付研究开发方",
        PaymentPurpose.ClientRefund => "退还委托方",
        PaymentPurpose.DefaultShortfall => "悔拍差价",
        PaymentPurpose.DefaulterRefund => "退还悔拍方已付价款",
        _ => purpose.ToString(),
    };

    private static void AppendLine(StringBuilder text, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Cell(cells[i]));
        }
        text.Append("\r\n");
    }

    internal static string Cell(string value)
    {
        // CSV injection: =, +, - and @ start a formula in Excel; amounts here are never negative.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
