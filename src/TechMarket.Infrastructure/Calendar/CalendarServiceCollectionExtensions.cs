using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TechMarket.Infrastructure.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>The working-day calendar (data file + the center's overrides) and the "Deadlines" options.</summary>
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var deadlines = configuration.GetSection(DeadlineOptions.SectionName).Get<DeadlineOptions>() ?? new DeadlineOptions();
        deadlines.Validate();
        services.AddSingleton(deadlines);
        services.AddSingleton<CalendarSource>();
        services.AddScoped<WorkingCalendar>();
        services.AddScoped<SetCalendarDay>();
        return services;
    }
}
