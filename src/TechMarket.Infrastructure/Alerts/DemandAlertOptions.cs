namespace TechMarket.Infrastructure.Alerts;

/// <summary>
/// Demand alerts (issue 8), section <c>DemandAlerts</c>. BM25 scores have no fixed scale (they grow with the number of
/// query terms and shrink with common words), so the threshold is relative: a listing counts as a match when it scores at
/// least <see cref="MinRelativeScore"/> of the best listing the same demand query finds. That keeps the listings that
/// share the demand's distinctive words and drops the long tail that shares one generic word.
/// </summary>
public sealed class DemandAlertOptions
{
    /// <summary>Share of the best listing's score a listing needs to count as a match (0 &lt; x ≤ 1). Default 0.35.</summary>
    public double MinRelativeScore { get; set; } = 0.35;

    /// <summary>At most this many organisations are alerted of one new demand, the best matches first. Default 20.</summary>
    public int MaxOrganisations { get; set; } = 20;

    /// <summary>At most this many of one organisation's listings are named in its match, best first. Default 5.</summary>
    public int MaxListingsPerOrganisation { get; set; } = 5;

    public bool IsValid => MinRelativeScore is > 0 and <= 1 && MaxOrganisations is >= 1 and <= 1000 && MaxListingsPerOrganisation is >= 1 and <= 50;
}
