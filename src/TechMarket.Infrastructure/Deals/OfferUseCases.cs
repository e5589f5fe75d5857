using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Infrastructure.Deals;

/// <summary>面议: a company offers a price and one of the listing's trade modes; one open thread per buyer and listing.</summary>
public sealed class MakeOffer(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid listingId, DealCaller caller, TradeModes mode, Money price, string? message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OrganizationId is not { } buyer) return DealResult.NotFound;
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId && l.Status == ListingStatus.Published, ct);
        if (listing is null || listing.OrganizationId == buyer) return DealResult.NotFound;
        if (OfferTerms.Problem(listing.TradeModes, mode, price, message) is { } problem) return new(problem);
        if (await db.Offers.AnyAsync(o => o.ListingId == listingId && o.BuyerOrganizationId == buyer
                && (o.Status == OfferStatus.AwaitingSeller || o.Status == OfferStatus.AwaitingBuyer), ct))
            return DealResult.Refused(DealRefusalCode.WrongStatus, "贵方对该挂牌已有进行中的报价，请在报价页继续。", "You already have an open offer on this listing; continue in its thread.");
        var now = clock.GetUtcNow();
        var offer = new OfferRecord
        {
            Id = Guid.CreateVersion7(now), ListingId = listingId, BuyerOrganizationId = buyer, SellerOrganizationId = listing.OrganizationId,
            TradeMode = mode, PriceFen = price.Fen, Status = OfferStatus.AwaitingSeller, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Offers.Add(offer);
        db.OfferMessages.Add(OfferTerms.Message(offer.Id, OfferSide.Buyer, OfferMove.Offer, mode, price, message, caller.UserId, now));
        db.AuditAs("offer.made", $"{mode} {price}");
        TradeNotices.Notify(db, listing.OrganizationId, "新的面议报价 / New offer on your listing",
            $"{TransferContractTerms.LicenceTypeName(mode)}，{price}", $"/offers/{offer.Id}", now);
        await db.SaveChangesAsync(ct);
        return DealResult.Done(offer.Id);
    }
}

/// <summary>
/// A move in a 面议 thread: accept, decline, counter (new price or mode) or withdraw. Accepting opens the deal
/// (<see cref="OpenDeal"/>, origin = the offer) in the same SaveChanges as the offer's change; the offer's version is a
/// concurrency token, and the deal's unique keys make two racing acceptances open one deal only.
/// </summary>
public sealed class RespondToOffer(TechMarketDbContext db, OpenDeal openDeal, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid offerId, DealCaller caller, OfferMove move, TradeModes? mode, Money? price, string? message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null) return DealResult.NotFound;
        OfferSide? side = caller.OrganizationId == offer.BuyerOrganizationId ? OfferSide.Buyer
            : caller.OrganizationId == offer.SellerOrganizationId ? OfferSide.Seller : null;
        if (side is null) return DealResult.NotFound;
        var (next, refusal) = OfferNegotiation.Apply(offer.Status, side.Value, move);
        if (refusal is not null) return new(refusal);
        var now = clock.GetUtcNow();
        if (move == OfferMove.Counter)
        {
            var listingModes = await db.Listings.Where(l => l.Id == offer.ListingId).Select(l => l.TradeModes).FirstAsync(ct);
            var counterMode = mode ?? offer.TradeMode;
            if (OfferTerms.Problem(listingModes, counterMode, price ?? Money.Zero, message) is { } problem) return new(problem);
            offer.TradeMode = counterMode;
            offer.PriceFen = price!.Value.Fen;
        }
        else if (message is { Length: > 4000 })
        {
            return DealResult.Refused(DealRefusalCode.InvalidInput, "留言最长 4000 字。", "The message has at most 4000 characters.");
        }
        offer.Status = next!.Value;
        offer.Version++;
        offer.UpdatedAt = now;
        db.OfferMessages.Add(OfferTerms.Message(offer.Id, side.Value, move, move == OfferMove.Counter ? offer.TradeMode : null,
            move == OfferMove.Counter ? new Money(offer.PriceFen) : null, message, caller.UserId, now));
        var otherSide = side == OfferSide.Buyer ? offer.SellerOrganizationId : offer.BuyerOrganizationId;
        if (move != OfferMove.Accept)
        {
            db.AuditAs("offer." + move.ToString().ToLowerInvariant(), $"{offer.TradeMode} {new Money(offer.PriceFen)}");
            TradeNotices.Notify(db, otherSide, "面议有新答复 / New reply in an offer thread",
                $"{MoveName(move)}：{TransferContractTerms.LicenceTypeName(offer.TradeMode)}，{new Money(offer.PriceFen)}", $"/offers/{offer.Id}", now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return DealResult.Refused(DealRefusalCode.WrongStatus, "对方刚刚作出了答复，请刷新后查看。", "The other side answered just now; reload to see it.");
            }
            return DealResult.Done(offer.Id);
        }

        // Accept: the offer's change, its message and the deal are saved together by OpenDeal.
        var opened = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.NegotiatedOffer, offer.Id, offer.ListingId, offer.BuyerOrganizationId,
            offer.TradeMode, new Money(offer.PriceFen), $"面议成交：{TransferContractTerms.LicenceTypeName(offer.TradeMode)}，{new Money(offer.PriceFen)}"), ct);
        if (opened.Succeeded)
        {
            await LinkAsync(offer.Id, opened.Deal!.Id, otherSide, ct);
            return DealResult.Done(opened.Deal.Id);
        }
        db.ChangeTracker.Clear();
        if (opened.Refusal == OpenDealRefusal.ListingNotDealable)
        {
            // Another buyer's deal took the listing off the market: this thread lapses.
            var lapsed = await db.Offers.FirstAsync(o => o.Id == offerId, ct);
            if (OfferNegotiation.IsOpen(lapsed.Status))
            {
                lapsed.Status = OfferStatus.Lapsed;
                lapsed.Version++;
                lapsed.UpdatedAt = now;
                db.AuditAs("offer.lapsed");
                await db.SaveChangesAsync(ct);
            }
        }
        return DealResult.Refused(DealRefusalCode.NotAllowed, opened.Message.Zh, opened.Message.En);
    }

    private async Task LinkAsync(Guid offerId, Guid dealId, Guid otherSide, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var offer = await db.Offers.FirstAsync(o => o.Id == offerId, ct);
        if (offer.DealId == dealId && offer.Status == OfferStatus.Accepted) return;
        offer.DealId = dealId;
        offer.Status = OfferStatus.Accepted;
        db.AuditAs("offer.deal_linked");
        TradeNotices.Notify(db, otherSide, "报价已接受，成交已开启 / Offer accepted: the deal is open",
            $"{TransferContractTerms.LicenceTypeName(offer.TradeMode)}，{new Money(offer.PriceFen)}", $"/deals/{dealId}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private static string MoveName(OfferMove move) => move switch
    {
        OfferMove.Counter => "还价 / Counter-offer",
        OfferMove.Decline => "拒绝 / Declined",
        OfferMove.Withdraw => "撤回 / Withdrawn",
        _ => move.ToString(),
    };
}

internal static class OfferTerms
{
    public static DealRefusal? Problem(TradeModes offered, TradeModes mode, Money price, string? message)
    {
        var single = mode != TradeModes.None && (mode & (mode - 1)) == 0;
        // An open licence is taken at the declared fee, not negotiated.
        if (!single || mode == TradeModes.OpenLicence || !offered.HasFlag(mode))
            return new(DealRefusalCode.InvalidInput, "请选择该挂牌提供的一种交易方式。", "Choose one trade mode the listing offers.");
        if (price <= Money.Zero) return new(DealRefusalCode.InvalidInput, "报价须大于零。", "The price must be above zero.");
        if (message is { Length: > 4000 }) return new(DealRefusalCode.InvalidInput, "留言最长 4000 字。", "The message has at most 4000 characters.");
        return null;
    }

    public static OfferMessageRecord Message(Guid offerId, OfferSide side, OfferMove move, TradeModes? mode, Money? price, string? text, Guid userId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), OfferId = offerId, Side = side, Move = move, TradeMode = mode, PriceFen = price?.Fen,
        Message = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), UserId = userId, At = at,
    };
}
