using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Dashboards;

/// <summary>A calendar month in China Standard Time (UTC+8): the market's statistics count months as Pingshan does.</summary>
[JsonConverter(typeof(MarketMonthJsonConverter))]
public readonly record struct MarketMonth(int Year, int Number) : IComparable<MarketMonth>
{
    /// <summary>The first instant of the month in UTC+8, given in UTC (PostgreSQL stores timestamptz in UTC only).</summary>
    public DateTimeOffset Start => new DateTimeOffset(Year, Number, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();

    public DateOnly FirstDay => new(Year, Number, 1);

    public MarketMonth AddMonths(int months)
    {
        var index = Year * 12 + (Number - 1) + months;
        return new MarketMonth(index / 12, index % 12 + 1);
    }

    /// <summary>Months from <paramref name="other"/> to this month (0 when equal).</summary>
    public int MonthsSince(MarketMonth other) => (Year * 12 + Number) - (other.Year * 12 + other.Number);

    public static MarketMonth Of(DateTimeOffset time)
    {
        var local = time.ToOffset(ChinaTime.Offset);
        return new MarketMonth(local.Year, local.Month);
    }

    public static MarketMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Parses "yyyy-MM" (years 2000-2100).</summary>
    public static bool TryParse(string? text, out MarketMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day.Year is < 2000 or > 2100) return false;
        month = new MarketMonth(day.Year, day.Month);
        return true;
    }

    public int CompareTo(MarketMonth other) => MonthsSince(other);

    public static bool operator <(MarketMonth left, MarketMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(MarketMonth left, MarketMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(MarketMonth left, MarketMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(MarketMonth left, MarketMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}");
}

/// <summary>A month travels as "yyyy-MM" in JSON, as in the dashboard's URL.</summary>
public sealed class MarketMonthJsonConverter : JsonConverter<MarketMonth>
{
    public override MarketMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MarketMonth.TryParse(reader.GetString(), out var month) ? month : throw new JsonException("Expected a month as yyyy-MM.");

    public override void Write(Utf8JsonWriter writer, MarketMonth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
