using Microsoft.EntityFrameworkCore;

namespace TechMarket.Infrastructure.Data;

/// <summary>
/// "Done once, across nodes": a row whose primary key names what is done (a reminder for one registration, a job on one
/// day). Whoever inserts it does the work; an insert refused by the key means another node or an earlier round has it.
/// </summary>
internal static class Claims
{
    /// <summary>True when this call inserted <paramref name="claim"/>; false when its key is taken.</summary>
    public static async Task<bool> TryClaimAsync<TClaim>(TechMarketDbContext db, TClaim claim, CancellationToken ct) where TClaim : class
    {
        db.Set<TClaim>().Add(claim);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Claims, then runs <paramref name="work"/> (a mail); when the work fails the claim is released so the next round
    /// retries, and <paramref name="released"/> is told why. True when the work was done by this call.
    /// </summary>
    public static async Task<bool> DoOnceAsync<TClaim>(TechMarketDbContext db, TClaim claim, Func<Task> work, Action<Exception> released, CancellationToken ct)
        where TClaim : class
    {
        if (!await TryClaimAsync(db, claim, ct).ConfigureAwait(false)) return false;
        try
        {
            await work().ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // Any failure of the work releases the claim; the next round retries.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            released(ex);
            db.Set<TClaim>().Remove(claim);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return false;
        }
    }
}
