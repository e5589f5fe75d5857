using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Auctions;

public sealed record RegistrationResult(AuctionRegistration? Registration, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>竞买报名: a verified organisation other than the seller and the organiser applies while the auction is open.</summary>
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

/// <summary>Until payments lands, the center marks a bidder's deposit as received (SPC 2016 Art. 17: no deposit, no bid).</summary>
public sealed class MarkDepositReceived(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<RegistrationResult> RunAsync(Guid registrationId, Guid? userId, CancellationToken cancellationToken)
    {
        var registration = await db.AuctionRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null) return new(null, "报名不存在 / No such registration.");
        if (registration.DepositReceived) return new(registration, null);
        registration.DepositReceived = true;
        registration.DepositMarkedAt = clock.GetUtcNow();
        registration.DepositMarkedByUserId = userId;
        db.AuditAs("auction.deposit_marked", "保证金已到账（服务中心确认）");
        await db.SaveChangesAsync(cancellationToken);
        return new(registration, null);
    }
}
