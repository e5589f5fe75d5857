using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Payments;

public sealed record AccountBalance(LedgerAccount Account, Money Balance);

/// <summary>What went into (credits, as a positive amount) and out of (debits) one account, and its balance.</summary>
public sealed record AccountMovements(LedgerAccount Account, Money Debits, Money Credits)
{
    public Money Balance => Debits - Credits;
}

public sealed record LedgerLine(DateTimeOffset PostedAt, string IdempotencyKey, BusinessEventKind Cause, string Description, LedgerAccount Account, Money Amount);

/// <summary>Balances and lines by query over the stored postings; nothing is cached, so the figures are the ledger.</summary>
public sealed class LedgerBalances(TechMarketDbContext db)
{
    /// <summary>Every account (the center's view); the balances sum to zero.</summary>
    public Task<IReadOnlyList<AccountBalance>> AllAsync(CancellationToken ct) => QueryAsync(null, ct);

    /// <summary>One organisation's own sub-accounts only.</summary>
    public Task<IReadOnlyList<AccountBalance>> ForOrganizationAsync(Guid organizationId, CancellationToken ct) => QueryAsync(organizationId, ct);

    /// <summary>The debit balance of one account (negative for a credit balance, e.g. money held in escrow).</summary>
    public async Task<Money> BalanceAsync(LedgerAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Money(await db.Postings.AsNoTracking().Where(p => p.AccountKind == account.Kind && p.Party == account.Party)
            .SumAsync(p => p.AmountFen, ct).ConfigureAwait(false));
    }

    /// <summary>Debits and credits per account of the given parties (e.g. the milestones of one development contract).</summary>
    public async Task<IReadOnlyList<AccountMovements>> MovementsAsync(IReadOnlyCollection<Guid> parties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parties);
        if (parties.Count == 0) return [];
        var ids = parties.Cast<Guid?>().ToList();
        var rows = await db.Postings.AsNoTracking()
            .Where(p => ids.Contains(p.Party))
            .GroupBy(p => new { p.AccountKind, p.Party })
            .Select(g => new { g.Key.AccountKind, g.Key.Party, Debits = g.Sum(p => p.AmountFen > 0 ? p.AmountFen : 0), Credits = g.Sum(p => p.AmountFen < 0 ? -p.AmountFen : 0) })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new AccountMovements(new LedgerAccount(r.AccountKind, r.Party), new Money(r.Debits), new Money(r.Credits)))];
    }

    public async Task<IReadOnlyList<LedgerLine>> LinesAsync(Guid? organizationId, int skip, int take, CancellationToken ct)
    {
        var query = db.Postings.AsNoTracking().Where(p => organizationId == null || p.Party == organizationId)
            .Join(db.JournalEntries.AsNoTracking(), p => p.JournalEntryId, e => e.Id, (p, e) => new { p, e });
        // SQLite cannot order by DateTimeOffset directly, but it is stored as ticks there; both providers order this.
        var rows = await query.OrderByDescending(x => x.e.PostedAt).ThenBy(x => x.e.IdempotencyKey).ThenBy(x => x.p.Line)
            .Skip(skip).Take(take)
            .Select(x => new { x.e.PostedAt, x.e.IdempotencyKey, x.e.CauseKind, x.e.Description, x.p.AccountKind, x.p.Party, x.p.AmountFen })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new LedgerLine(r.PostedAt, r.IdempotencyKey, r.CauseKind, r.Description, new LedgerAccount(r.AccountKind, r.Party), new Money(r.AmountFen)))];
    }

    public Task<int> CountLinesAsync(Guid? organizationId, CancellationToken ct) =>
        db.Postings.AsNoTracking().CountAsync(p => organizationId == null || p.Party == organizationId, ct);

    private async Task<IReadOnlyList<AccountBalance>> QueryAsync(Guid? organizationId, CancellationToken ct)
    {
        var rows = await db.Postings.AsNoTracking()
            .Where(p => organizationId == null || p.Party == organizationId)
            .GroupBy(p => new { p.AccountKind, p.Party })
            .Select(g => new { g.Key.AccountKind, g.Key.Party, Fen = g.Sum(p => p.AmountFen) })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.AccountKind).ThenBy(r => r.Party)
            .Select(r => new AccountBalance(new LedgerAccount(r.AccountKind, r.Party), new Money(r.Fen)))];
    }
}
