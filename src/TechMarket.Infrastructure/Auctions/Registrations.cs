using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Auctions;

/// <param name="Code">A machine-readable refusal code where there is one (e.g. <c>barred_defaulter</c>).</param>
public sealed record RegistrationResult(AuctionRegistration? Registration, string? Error, string? Code = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// 竞买报名: a verified organisation other than the seller and the organiser applies while the auction is open; an
/// organisation barred from the lot for its earlier default (SPC 2016 Art. 24) is refused.
/// </summary>
public sealed class ApplyForAuction(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<RegistrationResult> RunAsync(Guid auctionId, Guid organizationId, Guid? userId, CancellationToken cancellationToken)
    {
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auctionId, cancellationToken);
        if (auction is null) return new(null, "竞价不存在 / No such auction.");
        if (auction.Status != AuctionStatus.Open) return new(null, "竞价已结束 / The auction has closed.");
        // Auction Law Arts 22, 30: the organiser and the seller may not bid, so they may not register either.
        if (organizationId == auction.OrganizerOrganizationId) return new(null, "组织方不得报名竞买 / The organiser may not bid.");
        if (organizationId == auction.SellerOrganizationId) return new(null, "委托人不得报名竞买自己的标的 / The seller may not bid on its own lot.");
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Verification == VerificationStatus.Verified, cancellationToken))
        {
            return new(null, "只有通过认证的机构可以报名 / Only verified organisations may register.");
        }
        // SPC 2016 Art. 24: an organisation declared in default on an earlier auction of this lot may not bid in its re-auction.
        if (await AuctionBars.IsBarredAsync(db, auction.ListingId, auction.Id, organizationId, cancellationToken))
        {
            return new(null, BidderRefusal.BarredDefaulter.Message(), BidderRefusal.BarredDefaulter.Code());
        }
        var existing = await db.AuctionRegistrations.FirstOrDefaultAsync(r => r.AuctionId == auctionId && r.OrganizationId == organizationId, cancellationToken);
        if (existing is not null) return new(existing, null);
        var registration = new AuctionRegistration
        {
            Id = Guid.NewGuid(),
            AuctionId = auctionId,
            OrganizationId = organizationId,
            AppliedByUserId = userId,
            AppliedAt = clock.GetUtcNow(),
        };
        db.AuctionRegistrations.Add(registration);
        db.AuditAs("auction.registration_applied");
        await db.SaveChangesAsync(cancellationToken);
        return new(registration, null);
    }
}

/// <summary>悔拍 bars (SPC 2016 Art. 24): who defaulted on an earlier auction of a listing may not take part in its later ones.</summary>
public static class AuctionBars
{
    public static Task<bool> IsBarredAsync(TechMarketDbContext db, Guid listingId, Guid auctionId, Guid organizationId, CancellationToken ct) =>
        db.AuctionDefaults.AnyAsync(d => d.ListingId == listingId && d.OrganizationId == organizationId && d.AuctionId != auctionId, ct);
}

/// <summary>资格审核: the center qualifies a registration and assigns its bidder code; optionally a priority rank (优先购买权).</summary>
public sealed class QualifyRegistration(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<RegistrationResult> RunAsync(Guid registrationId, Guid? userId, int? priorityRank, CancellationToken cancellationToken)
    {
        var registration = await db.AuctionRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null) return new(null, "报名不存在 / No such registration.");
        if (registration.Status == RegistrationStatus.Qualified) return new(registration, "已通过资格审核 / Already qualified.");
        var auction = await db.Auctions.AsNoTracking().FirstAsync(a => a.Id == registration.AuctionId, cancellationToken);
        if (priorityRank is < 1) return new(null, "优先级从 1 开始 / Priority ranks start at 1.");
        // A priority right changes how later bids are judged, so it is fixed before the first bid.
        if (priorityRank is not null && auction.AcceptedBids + auction.RejectedBids > 0) return new(null, "已有出价，不能再设定优先购买权 / Bids exist; priority can no longer be set.");
        string code;
        do code = BidderCodes.New();
        while (await db.AuctionRegistrations.AnyAsync(r => r.AuctionId == registration.AuctionId && r.BidderCode == code, cancellationToken));
        registration.Status = RegistrationStatus.Qualified;
        registration.BidderCode = code;
        registration.PriorityRank = priorityRank;
        registration.QualifiedAt = clock.GetUtcNow();
        registration.QualifiedByUserId = userId;
        db.AuditAs("auction.registration_qualified");
        await db.SaveChangesAsync(cancellationToken);
        return new(registration, null);
    }
}

/// <summary>
/// 保证金到账确认: the center confirms a bidder's auction deposit arrived (SPC 2016 Art. 17: no deposit, no bid). The
/// confirmation is a bank receipt posted to the ledger — the deposit is opened if needed (<see cref="RequireDeposit"/>),
/// then <see cref="RecordBankReceipt"/> books it Held with its journal entry — so the ledger is the only truth bidding asks
/// (<see cref="IDepositGate"/>). The registration keeps who marked it and when. Idempotent: the receipt's form key is
/// the registration, so a second click books nothing more.
/// </summary>
public sealed class MarkDepositReceived(TechMarketDbContext db, RequireDeposit require, RecordBankReceipt receipts, TimeProvider clock)
{
    public async Task<RegistrationResult> RunAsync(Guid registrationId, Guid? userId, CancellationToken cancellationToken)
    {
        var registration = await db.AuctionRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null) return new(null, "报名不存在 / No such registration.");
        var auction = await db.Auctions.AsNoTracking().Where(a => a.Id == registration.AuctionId)
            .Select(a => new { a.Title, a.DepositFen }).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (auction.DepositFen > 0)
        {
            var deposit = await require.RunAsync(new RequireDepositCommand(registration.OrganizationId, DepositSubjectKind.Auction, registration.AuctionId,
                auction.Title, new Money(auction.DepositFen), now), cancellationToken);
            if (deposit.State == DepositState.AwaitingPayment)
            {
                var payer = await db.Organizations.AsNoTracking().Where(o => o.Id == registration.OrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
                var booked = await receipts.RunAsync(new BankReceiptInput($"auction-deposit-mark:{registration.Id:N}", deposit.PaymentReference,
                    new Money(deposit.RequiredFen), ChinaTime.Today(now), $"服务中心确认到账 center confirmation {registration.BidderCode ?? registration.Id.ToString("N")[..8]}",
                    payer, null, null), cancellationToken);
                if (booked.Receipt.Status != BankReceiptStatus.Booked)
                {
                    return new(registration, "到账登记未能入账，已转入待核对队列 / The receipt could not be booked; it is in the flagged queue.");
                }
            }
            else if (deposit.State != DepositState.Held)
            {
                return new(registration, "该保证金已释放、抵作价款或被没收，不能再次确认到账 / This deposit was already released, applied or forfeited.");
            }
        }
        if (registration.DepositReceived) return new(registration, null);
        db.ChangeTracker.Clear();
        registration = await db.AuctionRegistrations.FirstAsync(r => r.Id == registrationId, cancellationToken);
        registration.DepositReceived = true;
        registration.DepositMarkedAt = now;
        registration.DepositMarkedByUserId = userId;
        db.AuditAs("auction.deposit_marked", "保证金已到账（服务中心确认，已记入账簿）");
        await db.SaveChangesAsync(cancellationToken);
        return new(registration, null);
    }
}
