namespace TechMarket.Domain.Catalogue;

/// <summary>How a listing may be dealt (DOMAIN.md "Trade modes").</summary>
[Flags]
public enum TradeModes
{
    None = 0,
    /// <summary>转让</summary>
    Assignment = 1,
    /// <summary>独占许可: only the licensee practises, not even the patentee.</summary>
    ExclusiveLicence = 2,
    /// <summary>排他许可: licensee and patentee only.</summary>
    SoleLicence = 4,
    /// <summary>普通许可</summary>
    OrdinaryLicence = 8,
    /// <summary>作价投资</summary>
    Equity = 16,
    /// <summary>开放许可 (Patent Law Arts 50-52)</summary>
    OpenLicence = 32,
}

public static class TradeModeCodes
{
    private static readonly (TradeModes Mode, string Code)[] Codes =
    [
        (TradeModes.Assignment, "assignment"),
        (TradeModes.ExclusiveLicence, "exclusive_licence"),
        (TradeModes.SoleLicence, "sole_licence"),
        (TradeModes.OrdinaryLicence, "ordinary_licence"),
        (TradeModes.Equity, "equity"),
        (TradeModes.OpenLicence, "open_licence"),
    ];

    public static IReadOnlyList<string> ToCodes(this TradeModes modes) =>
        [.. Codes.Where(c => modes.HasFlag(c.Mode)).Select(c => c.Code)];

    public static bool TryParseCode(string? code, out TradeModes mode)
    {
        foreach (var (m, c) in Codes)
        {
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase)) { mode = m; return true; }
        }
        mode = TradeModes.None;
        return false;
    }
}
