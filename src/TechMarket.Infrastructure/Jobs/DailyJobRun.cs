using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Jobs;

/// <summary>
/// One row per daily job and China day: the node that inserts it runs the job that day, every other node skips it. The
/// digests run at 08:00 on every web node; without this each node mailed the same digest. A run that fails after its
/// claim is not retried that day (the failure is logged).
/// </summary>
public sealed class DailyJobRun
{
    public required string Job { get; init; }
    public DateOnly Day { get; init; }
    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>True when this node claimed <paramref name="job"/> for <paramref name="day"/>; false when another did.</summary>
    public static Task<bool> TryClaimAsync(TechMarketDbContext db, string job, DateOnly day, DateTimeOffset now, CancellationToken ct) =>
        Claims.TryClaimAsync(db, new DailyJobRun { Job = job, Day = day, ClaimedAt = now }, ct);
}
