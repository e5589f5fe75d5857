using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Calendar;

namespace TechMarket.Infrastructure.Data;

/// <summary>Working-day calendar: the center's corrections over the data file.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<CalendarOverride> CalendarOverrides => Set<CalendarOverride>();
}
