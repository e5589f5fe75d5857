namespace TechMarket.Domain.Shared;

/// <summary>
/// Times are stored in UTC and shown, and calendar days counted, in China Standard Time (UTC+8, no daylight saving):
/// deadlines, working days, "today" for legal-status gates and the dates printed on documents.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}
