using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.RdContracts;

public sealed record EscrowBalance(Guid ContractId, int Milestone, Money Funded, Money Released, Money Refunded)
{
    public Money Held => Funded - Released - Refunded;
}

/// <summary>
/// Where milestone escrow money is booked. Postings are staged in the caller's unit of work (the same SaveChanges as
/// the contract action that causes them). The embedded book is one row per milestone; the general ledger
/// (payments branch, <c>Domain.Payments.MilestoneEscrow</c> journal entries) can take its place behind this interface.
/// </summary>
public interface IMilestoneEscrowBook
{
    Task FundAsync(Guid contractId, int milestone, Money amount, DateTimeOffset at, CancellationToken cancellationToken);
    Task ReleaseAsync(Guid contractId, int milestone, Money amount, DateTimeOffset at, CancellationToken cancellationToken);
    Task RefundAsync(Guid contractId, int milestone, Money amount, DateTimeOffset at, CancellationToken cancellationToken);
    Task<IReadOnlyList<EscrowBalance>> ForContractAsync(Guid contractId, CancellationToken cancellationToken);
}

/// <summary>托管账 per milestone: funded, released, refunded in fen; held = funded − released − refunded, never negative.</summary>
public sealed class MilestoneEscrowAccount : IAudited
{
    public Guid ContractId { get; set; }
    public int Milestone { get; set; }
    public long FundedFen { get; set; }
    public long ReleasedFen { get; set; }
    public long RefundedFen { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class EfMilestoneEscrowBook(TechMarketDbContext db) : IMilestoneEscrowBook
{
    public async Task FundAsync(Guid contractId, int milestone, Money amount, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var account = await db.MilestoneEscrow.FindAsync([contractId, milestone], cancellationToken);
        if (account is null)
        {
            account = new MilestoneEscrowAccount { ContractId = contractId, Milestone = milestone };
            db.MilestoneEscrow.Add(account);
        }
        account.FundedFen = checked(account.FundedFen + Positive(amount));
        account.UpdatedAt = at;
        Check(account);
    }

    public Task ReleaseAsync(Guid contractId, int milestone, Money amount, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveAsync(contractId, milestone, at, a => a.ReleasedFen = checked(a.ReleasedFen + Positive(amount)), cancellationToken);

    public Task RefundAsync(Guid contractId, int milestone, Money amount, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveAsync(contractId, milestone, at, a => a.RefundedFen = checked(a.RefundedFen + Positive(amount)), cancellationToken);

    public async Task<IReadOnlyList<EscrowBalance>> ForContractAsync(Guid contractId, CancellationToken cancellationToken) =>
        (await db.MilestoneEscrow.AsNoTracking().Where(a => a.ContractId == contractId).OrderBy(a => a.Milestone).ToListAsync(cancellationToken))
            .Select(a => new EscrowBalance(a.ContractId, a.Milestone, new Money(a.FundedFen), new Money(a.ReleasedFen), new Money(a.RefundedFen))).ToList();

    private async Task MoveAsync(Guid contractId, int milestone, DateTimeOffset at, Action<MilestoneEscrowAccount> move, CancellationToken cancellationToken)
    {
        var account = await db.MilestoneEscrow.FindAsync([contractId, milestone], cancellationToken)
            ?? throw new InvalidOperationException($"Milestone {milestone} of contract {contractId} holds no escrow.");
        move(account);
        account.UpdatedAt = at;
        Check(account);
    }

    private static long Positive(Money amount) =>
        amount > Money.Zero ? amount.Fen : throw new ArgumentOutOfRangeException(nameof(amount), "Escrow postings are positive.");

    private static void Check(MilestoneEscrowAccount a)
    {
        // A broken invariant throws: escrow never pays out more than was funded.
        if (a.ReleasedFen + a.RefundedFen > a.FundedFen) throw new InvalidOperationException($"Escrow of milestone {a.Milestone} would go negative.");
    }
}
