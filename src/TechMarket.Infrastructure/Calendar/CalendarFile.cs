using System.Text.Json;
using System.Text.Json.Serialization;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Calendar;

/// <summary>One year of content/calendar/cn-working-days.json: where it came from and whether it is the official notice.</summary>
public sealed record CalendarYear(int Year, bool Official, string Source);

/// <summary>
/// The calendar data file (content/calendar/cn-working-days.json): per year the State Council notice it was entered
/// from (official) or a provisional list of statutory holidays, with holiday ranges and adjusted working days (调休).
/// Read once; the center's overrides (<see cref="CalendarOverride"/>) are laid over it by <see cref="WorkingCalendar"/>.
/// </summary>
public sealed class CalendarFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private CalendarFile(string note, IReadOnlyList<CalendarYear> years, WorkingDayCalendar calendar)
    {
        Note = note;
        Years = years;
        Calendar = calendar;
    }

    public string Note { get; }
    public IReadOnlyList<CalendarYear> Years { get; }
    public WorkingDayCalendar Calendar { get; }

    public static CalendarFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    public static CalendarFile Parse(Stream json, string name)
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, Json) ?? throw new InvalidDataException($"{name}: empty calendar file.");
        var days = new List<CalendarDay>();
        foreach (var year in file.Years)
        {
            foreach (var holiday in year.Holidays)
            {
                if (holiday.To < holiday.From) throw new InvalidDataException($"{name}: {year.Year} {holiday.Name} ends before it starts.");
                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                {
                    Check(d, year.Year, name);
                    days.Add(new CalendarDay(d, IsWorkingDay: false, holiday.Name, year.Official));
                }
            }
            foreach (var working in year.WorkingDays)
            {
                Check(working.Date, year.Year, name);
                days.Add(new CalendarDay(working.Date, IsWorkingDay: true, working.Name, year.Official));
            }
        }
        return new CalendarFile(file.Note, [.. file.Years.Select(y => new CalendarYear(y.Year, y.Official, y.Source))], new WorkingDayCalendar(days));
    }

    private static void Check(DateOnly day, int year, string name)
    {
        if (day.Year != year) throw new InvalidDataException($"{name}: {day:yyyy-MM-dd} is listed under {year}.");
    }

    private sealed record FileShape(string Note, IReadOnlyList<YearShape> Years);

    private sealed record YearShape(int Year, bool Official, string Source, IReadOnlyList<HolidayShape> Holidays, IReadOnlyList<WorkingDayShape> WorkingDays);

    private sealed record HolidayShape(string Name, DateOnly From, DateOnly To);

    private sealed record WorkingDayShape(string Name, DateOnly Date);
}
