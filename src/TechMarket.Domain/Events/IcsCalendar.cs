using System.Globalization;
using System.Text;

namespace TechMarket.Domain.Events;

/// <summary>
/// One event as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a UTF-8
/// character (§3.1), TEXT values escaped (§3.3.11: backslash, semicolon, comma, newline), times in UTC ("Z", §3.3.5).
/// </summary>
public static class IcsCalendar
{
    public static string Write(PromotionEvent e, Uri pageUrl, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var description = e.ProgrammeMarkdown.Length > 1000 ? e.ProgrammeMarkdown[..1000] + "…" : e.ProgrammeMarkdown;
        var location = string.Join(" ", new[] { e.Place, e.OnlineUrl }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Pingshan TechMarket//Events//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{e.Id:N}@techmarket.pingshan",
            "DTSTAMP:" + Utc(stamp),
            "DTSTART:" + Utc(e.StartsAt),
            "DTEND:" + Utc(e.EndsAt),
            "SUMMARY:" + Escape(e.Title),
            "DESCRIPTION:" + Escape(description),
            "LOCATION:" + Escape(location),
            "URL:" + pageUrl.AbsoluteUri,
            e.IsCancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var sb = new StringBuilder();
        foreach (var line in lines) sb.Append(Fold(line));
        return sb.ToString();
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string? text) => (text ?? "")
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and one space.</summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder();
        var octets = 0;
        var limit = 75;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // The leading space counts.
            }
            sb.Append(element);
            octets += size;
        }
        return sb.Append("\r\n").ToString();
    }
}
