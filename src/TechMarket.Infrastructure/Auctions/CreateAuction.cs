using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>What the center enters to put a published listing on auction.</summary>
public sealed record AuctionSetup(
    Guid ListingId,
    Guid OrganizerOrganizationId,
    long StartPriceFen,
    long? ReservePriceFen,
    long StepFen,
    long DepositFen,
    DateTimeOffset OpensAt,
    DateTimeOffset EndsAt,
    bool ProxyBidding = true,
    int SoftCloseSeconds = 300,
    int ExtensionSeconds = 300,
    Guid? SessionId = null,
    Guid? ReauctionOfId = null,
    Guid? Id = null,
    bool IsDemo = false,
    Guid? ConsignorOrganizationId = null,
    PledgeRealisationMandate? Realising = null);

public sealed record CreateAuctionResult(Auction? Auction, string? Field, string? Error)
{
    public bool Succeeded => Auction is not null;
}

/// <summary>
/// 发布竞价: a published listing becomes a lot, alone or in a session (lots close in sequence), or as the re-auction of a
/// 流拍 (SPC 2016 Art. 26) or 悔拍 (Art. 24) lot.
/// </summary>
public sealed class CreateAuction(TechMarketDbContext db, TimeProvider clock, Financing.PledgeLock pledges)
{
    public async Task<CreateAuctionResult> RunAsync(AuctionSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var listing = await db.Listings.Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == setup.ListingId, cancellationToken);
        if (listing is null || listing.Status != ListingStatus.Published)
        {
            return Fail("ListingId", "请选择已发布的挂牌项目 / Choose a published listing.");
        }
        // Civil Code Art. 444: a pledged patent is not auctioned without its lender's consent in the platform, unless that
        // lender is realising its pledge (Art. 436), which the caller vouches for with the mandate.
        if (await pledges.RefusalAsync(listing.Record!.RecordId, auction: true, cancellationToken, setup.Realising) is { } pledged)
        {
            return Fail("ListingId", pledged.MessageZh + " / " + pledged.MessageEn);
        }
        var endsAt = setup.EndsAt;
        var opensAt = setup.OpensAt;
        int? lot = null;
        if (setup.SessionId is { } sessionId)
        {
            var session = await db.AuctionSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null) return Fail("SessionId", "专场不存在 / No such session.");
            lot = await db.Auctions.CountAsync(a => a.SessionId == sessionId, cancellationToken) + 1;
            opensAt = session.OpensAt;
            // Sessions: lots close in sequence, one interval apart.
            endsAt = SessionSchedule.EndOfLot(session.FirstLotEndsAt, TimeSpan.FromMinutes(session.IntervalMinutes), lot.Value);
        }
        if (setup.ReauctionOfId is { } previousId)
        {
            var previous = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == previousId, cancellationToken);
            // 悔拍 (SPC 2016 Art. 24): a sold lot whose buyer defaulted is re-auctioned too; its 30 days run from the declaration.
            var defaultedAt = await db.AuctionDefaults.AsNoTracking().Where(d => d.AuctionId == previousId).Select(d => (DateTimeOffset?)d.DeclaredAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (previous is not { Status: AuctionStatus.Closed, ClosedAt: not null } || (previous.Sold != false && defaultedAt is null)
                || previous.ListingId != setup.ListingId)
            {
                return Fail("ReauctionOfId", "只能对已流拍或已悔拍的同一标的重新拍卖 / Only an unsold or defaulted lot can be re-auctioned.");
            }
            if (Reauction.Check(new Money(previous.StartPriceFen), defaultedAt ?? previous.ClosedAt.Value, new Money(setup.StartPriceFen), opensAt) is { } problem)
            {
                return Fail(problem.Field, problem.Message);
            }
        }
        if (setup.DepositFen < 0) return Fail("DepositFen", "保证金不能为负 / The deposit cannot be negative.");

        var auction = new Auction
        {
            Id = setup.Id ?? Guid.NewGuid(),
            ListingId = listing.Id,
            Title = listing.Record?.Title ?? listing.Id.ToString(),
            SellerOrganizationId = listing.OrganizationId,
            ConsignorOrganizationId = setup.ConsignorOrganizationId,
            OrganizerOrganizationId = setup.OrganizerOrganizationId,
            SessionId = setup.SessionId,
            LotNumber = lot,
            ReauctionOfId = setup.ReauctionOfId,
            StartPriceFen = setup.StartPriceFen,
            ReservePriceFen = setup.ReservePriceFen,
            IncrementFixedFen = setup.StepFen,
            DepositFen = setup.DepositFen,
            ProxyBidding = setup.ProxyBidding,
            SoftCloseSeconds = setup.SoftCloseSeconds,
            ExtensionSeconds = setup.ExtensionSeconds,
            OpensAt = opensAt,
            ScheduledEndsAt = endsAt,
            EndsAt = endsAt,
            Status = AuctionStatus.Open,
            IsDemo = setup.IsDemo,
            CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            _ = auction.Rules([]); // the engine's own checks: positive start, reserve ≥ start, end after open, …
        }
        catch (ArgumentException e)
        {
            return Fail(e.ParamName switch
            {
                "startPrice" => "StartPriceFen",
                "reservePrice" => "ReservePriceFen",
                "increment" or "step" => "StepFen",
                "endsAt" => "EndsAt",
                _ => e.ParamName ?? "",
            }, e.Message);
        }
        db.Auctions.Add(auction);
        db.AuditAs("auction.created");
        await db.SaveChangesAsync(cancellationToken);
        return new CreateAuctionResult(auction, null, null);

        static CreateAuctionResult Fail(string field, string error) => new(null, field, error);
    }
}

/// <summary>竞买号: random, so a code says nothing about who holds it (SPC 2016 Arts 8, 18).</summary>
public static class BidderCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => "B" + RandomNumberGenerator.GetString(Alphabet, 5);
}
