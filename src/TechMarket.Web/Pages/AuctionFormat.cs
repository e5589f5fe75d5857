using System.Globalization;
using TechMarket.Domain.Shared;

namespace TechMarket.Web.Pages;

/// <summary>Money as ¥ with separators; times in Asia/Shanghai (UTC+8, no daylight saving).</summary>
public static class AuctionFormat
{
    private static readonly TimeSpan Beijing8 = ChinaTime.Offset;

    public static string Beijing(DateTimeOffset at) => at.ToOffset(Beijing8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Yuan(long? fen) => fen is { } f ? new Money(f).ToString() : "—";

    /// <summary>Fen as a plain yuan number for an input's value (e.g. 12345.67).</summary>
    public static string YuanInput(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
