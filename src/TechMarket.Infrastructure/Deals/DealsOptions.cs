using TechMarket.Domain.Deals;

namespace TechMarket.Infrastructure.Deals;

/// <summary>Configuration section <c>Deals</c>.</summary>
public sealed class DealsOptions
{
    /// <summary>Length of a university's internal publicity (公示) of 协议定价, in days (its internal rules decide; default 15).</summary>
    public int PublicityDays { get; set; } = DealLifecycle.DefaultPublicityDays;

    /// <summary>
    /// TrueType CJK font used for PDF documents (PDFsharp embeds TrueType, not CFF/OpenType outlines like Noto CJK).
    /// Debian: <c>apt-get install fonts-wqy-microhei</c>. A .ttc collection is read at its first face.
    /// </summary>
    public string CjkFontPath { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>How often the scan that opens deals for won auctions runs.</summary>
    public TimeSpan AuctionScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many won auctions one scan takes, oldest close first (refused ones leave the candidates, so the rest are reached).</summary>
    public int AuctionScanBatch { get; set; } = 100;
}
