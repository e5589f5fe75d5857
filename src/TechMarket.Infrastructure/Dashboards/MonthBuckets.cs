using System.Linq.Expressions;

namespace TechMarket.Infrastructure.Dashboards;

/// <summary>
/// Groups rows by month inside the database on both providers. Times are stored as UTC ticks (SQLite has no date type),
/// so no date function can cut them into China-time months; instead the month's index is a sum of comparisons with
/// each month's first instant — <c>CASE WHEN t &gt;= start₁ THEN 1 ELSE 0 END + …</c> — which EF Core translates for
/// SQLite and PostgreSQL alike, and GROUP BY runs in the database.
/// </summary>
internal static class MonthBuckets
{
    /// <summary>The 0-based month index of <paramref name="time"/> among <paramref name="starts"/> (rows are filtered to the period first).</summary>
    public static Expression<Func<T, int>> Index<T, TTime>(Expression<Func<T, TTime>> time, IReadOnlyList<TTime> starts)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(starts);
        Expression sum = Expression.Constant(0);
        foreach (var start in starts.Skip(1))
        {
            var reached = Expression.GreaterThanOrEqual(time.Body, Expression.Constant(start, typeof(TTime)));
            sum = Expression.Add(sum, Expression.Condition(reached, Expression.Constant(1), Expression.Constant(0)));
        }
        return Expression.Lambda<Func<T, int>>(sum, time.Parameters);
    }
}
