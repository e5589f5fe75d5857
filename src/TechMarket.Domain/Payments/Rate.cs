using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

/// <summary>A rate in basis points (1 % = 100 bp), so deposit and commission rules stay in integers.</summary>
public readonly record struct Rate : IComparable<Rate>
{
    public Rate(int basisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basisPoints, 10_000);
        BasisPoints = basisPoints;
    }

    public int BasisPoints { get; }

    public static Rate Zero => new(0);

    public static Rate Percent(int percent) => new(checked(percent * 100));

    /// <summary>The share of an amount, rounded half away from zero to the fen.</summary>
    public Money Of(Money amount)
    {
        var product = (Int128)amount.Fen * BasisPoints;
        var quotient = Int128.DivRem(Int128.Abs(product), 10_000);
        var fen = quotient.Quotient + (quotient.Remainder * 2 >= 10_000 ? 1 : 0);
        return new Money(checked((long)(product < 0 ? -fen : fen)));
    }

    public int CompareTo(Rate other) => BasisPoints.CompareTo(other.BasisPoints);

    public static bool operator <(Rate a, Rate b) => a.BasisPoints < b.BasisPoints;
    public static bool operator >(Rate a, Rate b) => a.BasisPoints > b.BasisPoints;
    public static bool operator <=(Rate a, Rate b) => a.BasisPoints <= b.BasisPoints;
    public static bool operator >=(Rate a, Rate b) => a.BasisPoints >= b.BasisPoints;

    public override string ToString() => $"{BasisPoints / 100m:0.##} %";
}
