using System.Globalization;

namespace TechMarket.Domain.Shared;

/// <summary>An amount of RMB in fen (分). Never a float: 1 yuan = 100 fen.</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static Money Zero => new(0);

    public static Money FromYuan(long yuan) => new(checked(yuan * 100));

    /// <summary>万元 (10,000 yuan) input, as Chinese users quote prices; up to two decimals.</summary>
    public static Money FromWanYuan(decimal wanYuan) => new(checked((long)decimal.Round(wanYuan * 1_000_000m, 0, MidpointRounding.AwayFromZero)));

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;
    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public Money Add(Money other) => this + other;
    public Money Subtract(Money other) => this - other;

    /// <summary>¥1,234,567.89 — yuan with thousands separators and two decimals.</summary>
    public override string ToString()
    {
        var sign = Fen < 0 ? "-" : "";
        var abs = Math.Abs((decimal)Fen) / 100m;
        return sign + "¥" + abs.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
