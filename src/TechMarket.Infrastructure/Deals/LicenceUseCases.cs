using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Infrastructure.Deals;

/// <summary>The seller publishes (or takes down) an express licence: an ordinary licence at a fixed price with its terms.</summary>
public sealed class SetExpressLicenceTerms(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid listingId, DealCaller caller, bool offered, Money price, string scope, string territory, string term, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId && l.OrganizationId == caller.OrganizationId, ct);
        if (listing is null) return DealResult.NotFound;
        if (offered)
        {
            if (!listing.TradeModes.HasFlag(TradeModes.OrdinaryLicence))
                return DealResult.Refused(DealRefusalCode.InvalidInput, "挂牌须提供普通许可，才能发布快捷许可。", "The listing must offer an ordinary licence to sell it as an express licence.");
            if (price <= Money.Zero) return DealResult.Refused(DealRefusalCode.InvalidInput, "许可价格须大于零。", "The licence price must be above zero.");
            if (string.IsNullOrWhiteSpace(scope) || string.IsNullOrWhiteSpace(territory) || string.IsNullOrWhiteSpace(term)
                || scope.Length > 1000 || territory.Length > 200 || term.Length > 200)
                return DealResult.Refused(DealRefusalCode.InvalidInput, "请填写实施范围（≤1000 字）、地域和期限（各 ≤200 字）。", "Fill in scope (≤ 1000), territory and term (≤ 200 characters each).");
        }
        var now = clock.GetUtcNow();
        var terms = await db.ExpressLicenceTerms.FirstOrDefaultAsync(t => t.ListingId == listingId, ct);
        if (terms is null)
        {
            if (!offered) return DealResult.Done(listingId);
            terms = db.ExpressLicenceTerms.Add(new ExpressLicenceTermsRecord { ListingId = listingId }).Entity;
        }
        terms.IsOffered = offered;
        if (offered)
        {
            terms.PriceFen = price.Fen;
            terms.Scope = scope.Trim();
            terms.Territory = territory.Trim();
            terms.Term = term.Trim();
        }
        terms.Version++;
        terms.UpdatedAt = now;
        db.AuditAs(offered ? "express_licence.published" : "express_licence.withdrawn", offered ? terms.Describe() : null);
        await db.SaveChangesAsync(ct);
        return DealResult.Done(listingId);
    }
}

/// <summary>
/// 快捷许可: a company buys the ordinary licence at the published price after accepting the terms it was shown (the
/// version it saw must still be current). Opens the deal (<see cref="DealOrigin.ExpressLicence"/>, origin = the purchase
/// key the form carried, so a retried click buys once) and its settlement for the price.
/// </summary>
public sealed class BuyExpressLicence(TechMarketDbContext db, OpenDeal openDeal, SettleDeal settle)
{
    public async Task<(DealResult Result, DealRecord? Deal)> RunAsync(Guid listingId, DealCaller caller, Guid purchaseKey, int termsVersion, bool acceptedTerms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OrganizationId is not { } buyer) return (DealResult.NotFound, null);
        var terms = await db.ExpressLicenceTerms.AsNoTracking().FirstOrDefaultAsync(t => t.ListingId == listingId && t.IsOffered, ct);
        if (terms is null) return (DealResult.NotFound, null);
        if (!acceptedTerms)
            return (DealResult.Refused(DealRefusalCode.InvalidInput, "请阅读并接受许可条款后再购买。", "Read and accept the licence terms before buying."), null);
        if (terms.Version != termsVersion)
            return (DealResult.Refused(DealRefusalCode.WrongStatus, "卖方刚刚修改了许可条款，请重新阅读后确认。", "The seller changed the terms just now; read them again and confirm."), null);
        var opened = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.ExpressLicence, purchaseKey, listingId, buyer, TradeModes.OrdinaryLicence,
            new Money(terms.PriceFen), terms.Describe()), ct);
        if (!opened.Succeeded) return (DealResult.Refused(DealRefusalCode.NotAllowed, opened.Message.Zh, opened.Message.En), null);
        return (DealResult.Done(opened.Deal!.Id), await LicenceSettlement.SettleAsync(db, settle, opened.Deal, ct));
    }
}

/// <summary>开放许可声明 (Patent Law Art. 50): the patentee publishes the fee and terms on its listing.</summary>
public sealed class DeclareOpenLicence(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid listingId, DealCaller caller, Money fee, string terms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Record)
            .FirstOrDefaultAsync(l => l.Id == listingId && l.OrganizationId == caller.OrganizationId, ct);
        if (listing is null) return DealResult.NotFound;
        if (listing.Status != ListingStatus.Published || !listing.TradeModes.HasFlag(TradeModes.OpenLicence))
            return DealResult.Refused(DealRefusalCode.WrongStatus, "只能对已发布且交易方式含“开放许可”的挂牌发布声明。", "Declare an open licence on a published listing that offers it.");
        if (fee <= Money.Zero) return DealResult.Refused(DealRefusalCode.InvalidInput, "许可使用费须大于零。", "The fee must be above zero.");
        if (string.IsNullOrWhiteSpace(terms) || terms.Length > 4000)
            return DealResult.Refused(DealRefusalCode.InvalidInput, "请写明支付方式和许可期限（最长 4000 字）。", "State how the fee is paid and the licence period (at most 4000 characters).");
        // Implementing Rules Art. 86: no declaration while an exclusive or sole licence stands, or is on offer.
        var exclusive = TradeModes.ExclusiveLicence | TradeModes.SoleLicence;
        var offeredModes = await db.Listings.Where(l => l.CatalogueRecordId == listing.CatalogueRecordId
            && (l.Status == ListingStatus.Published || l.Status == ListingStatus.Submitted || l.Status == ListingStatus.UnderOffer || l.Status == ListingStatus.InAuction))
            .Select(l => l.TradeModes).ToListAsync(ct);
        var exclusiveOffered = offeredModes.Any(m => (m & exclusive) != 0);
        var exclusiveGranted = await db.Deals.AnyAsync(d => d.ListingId == listing.Id && d.Status != DealStatus.Cancelled
            && (d.TradeMode == TradeModes.ExclusiveLicence || d.TradeMode == TradeModes.SoleLicence), ct);
        if (exclusiveOffered || exclusiveGranted)
            return DealResult.Refused(DealRefusalCode.NotAllowed, "该专利正挂牌或已授予独占、排他许可，不能声明开放许可（专利法实施细则第八十六条）。",
                "The patent has an exclusive or sole licence on offer or granted; it cannot be declared for open licence (Implementing Rules Art. 86).");
        var now = clock.GetUtcNow();
        var declaration = new OpenLicenceDeclarationRecord
        {
            Id = Guid.CreateVersion7(now), CatalogueRecordId = listing.CatalogueRecordId, RecordNumber = listing.Record!.RecordId, ListingId = listing.Id,
            OrganizationId = listing.OrganizationId, FeeFen = fee.Fen, Terms = terms.Trim(), PublishedOn = ChinaCalendar.Today(clock), PublishedAt = now,
            StandingKey = listing.CatalogueRecordId,
        };
        db.OpenLicenceDeclarations.Add(declaration);
        db.AuditAs("open_licence.declared", $"{fee}；{terms.Trim()}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DealResult.Refused(DealRefusalCode.WrongStatus, "该专利已有有效的开放许可声明。", "An open-licence declaration already stands on this patent.");
        }
        return DealResult.Done(declaration.Id);
    }
}

/// <summary>Withdrawal of the declaration (Art. 50 para. 2): published with its date and reason; licences already granted stand.</summary>
public sealed class WithdrawOpenLicence(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid listingId, DealCaller caller, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var declaration = await db.OpenLicenceDeclarations.FirstOrDefaultAsync(d => d.ListingId == listingId && d.OrganizationId == caller.OrganizationId && d.StandingKey != null, ct);
        if (declaration is null) return DealResult.NotFound;
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            return DealResult.Refused(DealRefusalCode.InvalidInput, "请填写撤回理由（最长 2000 字）。", "Give the reason for the withdrawal (at most 2000 characters).");
        declaration.WithdrawnOn = ChinaCalendar.Today(clock);
        declaration.WithdrawnAt = clock.GetUtcNow();
        declaration.WithdrawalReason = reason.Trim();
        declaration.StandingKey = null;
        db.AuditAs("open_licence.withdrawn", reason.Trim());
        await db.SaveChangesAsync(ct);
        return DealResult.Done(declaration.Id);
    }
}

/// <summary>
/// Patent Law Art. 51: any company that notifies the patentee in writing and pays the declared fee obtains an ordinary
/// licence. The notice is the buyer's typed statement; the deal (<see cref="DealOrigin.OpenLicence"/>) is granted at once
/// and its settlement opened for the fee.
/// </summary>
public sealed class TakeOpenLicence(TechMarketDbContext db, OpenDeal openDeal, SettleDeal settle)
{
    public async Task<(DealResult Result, DealRecord? Deal)> RunAsync(Guid listingId, DealCaller caller, Guid purchaseKey, Guid declarationId, string notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OrganizationId is not { } buyer) return (DealResult.NotFound, null);
        var declaration = await db.OpenLicenceDeclarations.AsNoTracking().FirstOrDefaultAsync(d => d.ListingId == listingId && d.StandingKey != null, ct);
        if (declaration is null) return (DealResult.NotFound, null);
        if (declaration.Id != declarationId)
            return (DealResult.Refused(DealRefusalCode.WrongStatus, "开放许可声明已变更，请重新阅读。", "The declaration changed; read it again."), null);
        if (string.IsNullOrWhiteSpace(notice) || notice.Length > 2000)
            return (DealResult.Refused(DealRefusalCode.InvalidInput, "请填写书面通知（最长 2000 字）。", "Write the notice to the patentee (at most 2000 characters)."), null);
        var opened = await openDeal.RunAsync(new OpenDealCommand(DealOrigin.OpenLicence, purchaseKey, listingId, buyer, TradeModes.OrdinaryLicence,
            declaration.Fee, $"开放许可声明（{declaration.PublishedOn:yyyy-MM-dd}）：许可使用费 {declaration.Fee}；{declaration.Terms}\n书面通知：{notice.Trim()}"), ct);
        if (!opened.Succeeded) return (DealResult.Refused(DealRefusalCode.NotAllowed, opened.Message.Zh, opened.Message.En), null);
        return (DealResult.Done(opened.Deal!.Id), await LicenceSettlement.SettleAsync(db, settle, opened.Deal, ct));
    }
}

internal static class LicenceSettlement
{
    /// <summary>The price is settled through the platform account (no commission on licences bought at a published price).</summary>
    public static async Task<DealRecord> SettleAsync(TechMarketDbContext db, SettleDeal settle, DealRecord deal, CancellationToken ct)
    {
        if (deal.SettlementId is not null) return deal;
        var settled = await settle.RunAsync(new SettleDealCommand(DepositSubjectKind.Deal, deal.Id, deal.BuyerOrganizationId, deal.SellerOrganizationId,
            deal.Price, Rate.Zero, Rate.Zero), ct);
        if (!settled.Succeeded) throw new InvalidOperationException($"Settlement of deal {deal.Id} refused: {settled.Refusal}");
        db.ChangeTracker.Clear();
        var tracked = await db.Deals.FirstAsync(d => d.Id == deal.Id, ct);
        tracked.SettlementId = settled.Settlement!.Id;
        db.AuditAs("deal.settlement_opened", settled.Settlement.PaymentReference);
        await db.SaveChangesAsync(ct);
        return tracked;
    }
}
