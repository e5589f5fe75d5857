using System.Text;
using TechMarket.Domain.Events;

namespace TechMarket.Domain.Tests.CenterWorkspace;

public sealed class IcsCalendarTests
{
    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_chinese_character()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("坪山科技服务大市场推介会", 8));
        var folded = IcsCalendar.Fold(line);
        Assert.EndsWith("\r\n", folded, StringComparison.Ordinal);
        var physical = folded[..^2].Split("\r\n");
        Assert.True(physical.Length > 1);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(line, folded[..^2].Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_escapes_backslash_semicolon_comma_and_newlines()
    {
        Assert.Equal("a\\\\b\\;c\\,d\\ne\\nf", IcsCalendar.Escape("a\\b;c,d\r\ne\nf"));
    }

    [Fact]
    public void Capacity_gives_seats_then_the_waiting_list_and_reminders_go_the_beijing_day_before()
    {
        var e = new PromotionEvent { Capacity = 2, StartsAt = new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero) }; // 09:00 Beijing.
        Assert.Equal(EventRegistrationStatus.Confirmed, e.SeatFor(1));
        Assert.Equal(EventRegistrationStatus.Waitlisted, e.SeatFor(2));
        Assert.Equal(new DateOnly(2026, 12, 9), e.ReminderDay);
        var lateNight = new PromotionEvent { StartsAt = new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero) }; // 01:00 on 10 Dec in Beijing.
        Assert.Equal(new DateOnly(2026, 12, 9), lateNight.ReminderDay);
    }
}
