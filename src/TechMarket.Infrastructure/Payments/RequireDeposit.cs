using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

public sealed record RequireDepositCommand(Guid OrganizationId, DepositSubjectKind Kind, Guid SubjectId, string SubjectTitle, Money Required, DateTimeOffset PayBy);

/// <summary>
/// Opens the deposit an organisation must pay before bidding or registering intention, with its own payment reference.
/// The amount comes from the subject's rules (<see cref="DepositRules"/>); asking again returns the same deposit.
/// </summary>
public sealed class RequireDeposit(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<DepositRecord> RunAsync(RequireDepositCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(command.Required.Fen, nameof(command));
        var existing = await FindAsync(command, ct).ConfigureAwait(false);
        if (existing is not null) return existing;
        var now = clock.GetUtcNow();
        var record = new DepositRecord
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = command.OrganizationId,
            SubjectKind = command.Kind,
            SubjectId = command.SubjectId,
            SubjectTitle = command.SubjectTitle.Trim(),
            RequiredFen = command.Required.Fen,
            State = DepositState.AwaitingPayment,
            PaymentReference = PaymentReferences.New().Value,
            Reason = "待缴纳保证金 deposit required",
            // PostgreSQL timestamptz takes UTC only; pages show it in Beijing time.
            PayBy = command.PayBy.ToUniversalTime(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Deposits.Add(record);
        db.AuditAs("deposit.required");
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return record;
        }
        catch (DbUpdateException)
        {
            // Two requests for the same (organisation, subject): the unique index kept one.
            db.ChangeTracker.Clear();
            return await FindAsync(command, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("Deposit could not be saved.");
        }
    }

    private Task<DepositRecord?> FindAsync(RequireDepositCommand c, CancellationToken ct) =>
        db.Deposits.FirstOrDefaultAsync(d => d.OrganizationId == c.OrganizationId && d.SubjectKind == c.Kind && d.SubjectId == c.SubjectId, ct);
}
