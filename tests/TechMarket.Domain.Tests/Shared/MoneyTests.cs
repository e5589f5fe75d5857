using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Shared;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0L, "¥0.00")]
    [InlineData(1L, "¥0.01")]
    [InlineData(123_456_789L, "¥1,234,567.89")]
    [InlineData(-5_000L, "-¥50.00")]
    public void Shows_yuan_with_thousands_separators(long fen, string expected) =>
        Assert.Equal(expected, new Money(fen).ToString());

    [Theory]
    [InlineData("5", 5_000_000L)]
    [InlineData("0.01", 10_000L)]
    [InlineData("12.345", 12_345_000L)]
    public void Wan_yuan_input_becomes_fen(string wan, long fen) =>
        Assert.Equal(fen, Money.FromWanYuan(decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture)).Fen);

    [Fact]
    public void Overflow_throws_instead_of_wrapping() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
}
