using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// The center dealt with a flagged receipt outside the ledger (returned it to the payer, or asked them to pay the right
/// amount): it leaves the queue with a note. Booking it against a deposit is a new receipt with the right amount.
/// </summary>
public sealed class ResolveFlaggedReceipt(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid receiptId, string note, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var receipt = await db.BankReceipts.FirstOrDefaultAsync(r => r.Id == receiptId && r.Status == BankReceiptStatus.Flagged, ct).ConfigureAwait(false);
        if (receipt is null) return false;
        receipt.Status = BankReceiptStatus.Resolved;
        receipt.Note = note.Trim();
        receipt.ResolvedAt = clock.GetUtcNow();
        db.AuditAs("receipt.resolved", note);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }
}
