using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>
/// One milestone's money as the ledger has it. Funded is what came into escrow; released and refunded are what left it
/// for the developer's and the client's payable accounts; paid out and returned are what the center transferred from
/// those. Conservation: held + owed to the developer + owed to the client + paid out + returned = funded.
/// </summary>
public sealed record EscrowBalance(int Milestone, Guid AccountId, string PaymentReference, Money Amount,
    Money Funded, Money Released, Money Refunded, Money PaidToDeveloper, Money ReturnedToClient)
{
    public Money Held => Funded - Released - Refunded;
    public Money OwedToDeveloper => Released - PaidToDeveloper;
    public Money OwedToClient => Refunded - ReturnedToClient;
}

/// <summary>A contract's escrow, per milestone and in total, read from the ledger (<see cref="LedgerBalances"/>); nothing is cached.</summary>
public sealed record ContractEscrowView(IReadOnlyList<EscrowBalance> Milestones)
{
    public EscrowBalance? Of(int milestone) => Milestones.FirstOrDefault(m => m.Milestone == milestone);
    public Money Funded => Sum(m => m.Funded);
    public Money Released => Sum(m => m.Released);
    public Money Refunded => Sum(m => m.Refunded);
    public Money Held => Sum(m => m.Held);
    public Money PaidToDeveloper => Sum(m => m.PaidToDeveloper);
    public Money ReturnedToClient => Sum(m => m.ReturnedToClient);

    private Money Sum(Func<EscrowBalance, Money> pick) => new(Milestones.Sum(m => pick(m).Fen));
}

public sealed class ReadContractEscrow(TechMarketDbContext db, LedgerBalances ledger)
{
    public async Task<ContractEscrowView> RunAsync(Guid contractId, CancellationToken cancellationToken)
    {
        var funding = await db.MilestoneFunding.AsNoTracking().Where(f => f.ContractId == contractId).OrderBy(f => f.Milestone).ToListAsync(cancellationToken);
        var movements = (await ledger.MovementsAsync([.. funding.Select(f => f.Id)], cancellationToken)).ToDictionary(m => m.Account);
        AccountMovements Of(LedgerAccount account) => movements.GetValueOrDefault(account) ?? new AccountMovements(account, Money.Zero, Money.Zero);
        return new ContractEscrowView([.. funding.Select(f =>
        {
            var escrow = Of(LedgerAccount.MilestoneEscrow(f.Id));
            var developer = Of(LedgerAccount.PayableToDeveloper(f.Id));
            var client = Of(LedgerAccount.RefundPayableToClient(f.Id));
            return new EscrowBalance(f.Milestone, f.Id, f.PaymentReference, f.Amount, escrow.Credits, developer.Credits, client.Credits, developer.Debits, client.Debits);
        })]);
    }
}
