using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Financing;

/// <summary>The center's terms for one pledged patent's realisation auction.</summary>
public sealed record RealisationAuctionTerms(string PatentNumber, long StartPriceFen, long? ReservePriceFen, long StepFen, long DepositFen,
    DateTimeOffset OpensAt, DateTimeOffset EndsAt);

/// <summary>A step of the realisation: done (with the lot) or refused with a message for a field ("" for the form).</summary>
public sealed record RealisationStep(RealisationLotRow? Lot, string? Field, string? Error)
{
    public bool Succeeded => Error is null;
    public static RealisationStep Fail(string field, string zh, string en) => new(null, field, zh + " / " + en);
}

/// <summary>
/// 质权实现拍卖: the center answers the lender's realisation request by putting one pledged patent up for auction with the
/// lender as consignor (委托人; Civil Code Art. 436). The patentee (出质人) stays the seller of record, so the listing is
/// the pledgor's and the sale's proceeds are the pledgor's share until the lender is paid out of them (Art. 438). The
/// auction is created through <see cref="CreateAuction"/> with the realisation mandate, so the encumbrance lock lets this
/// pledge's own realisation through while the pledgor's own sale stays refused.
/// </summary>
public sealed class CreateRealisationAuction(TechMarketDbContext db, PledgeCaseStore store, CreateAuction createAuction, TimeProvider clock)
{
    public async Task<RealisationStep?> RunAsync(Guid caseId, PledgeActor actor, RealisationAuctionTerms terms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(terms);
        var loaded = await store.FindAsync(caseId, actor, ct);
        if (loaded is null) return null;
        var pledge = loaded.Case;
        if (!actor.IsCenter) return RealisationStep.Fail("", "只有服务中心可以组织处置拍卖。", "Only the center organises a realisation auction.");
        if (pledge.State != PledgeState.Realisation || pledge.LenderId is not { } lenderId)
            return RealisationStep.Fail("", "案件不在质权实现阶段。", "The case is not in realisation.");
        var number = pledge.PatentNumbers.FirstOrDefault(n => string.Equals(n, terms.PatentNumber?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (number is null) return RealisationStep.Fail("PatentNumber", "请选择本案质押的专利。", "Choose a patent pledged in this case.");

        var earlier = await db.RealisationLots.AsNoTracking().Where(l => l.PledgeCaseId == caseId && l.PatentNumber == number).Select(l => l.AuctionId).ToListAsync(ct);
        // After a 流拍 the patent may go up again (SPC 2016 Art. 26); while a lot is open or sold it may not.
        if (earlier.Count > 0 && await db.Auctions.AnyAsync(a => earlier.Contains(a.Id) && (a.Status == AuctionStatus.Open || a.Sold == true), ct))
            return RealisationStep.Fail("PatentNumber", $"专利 {number} 已在处置拍卖中或已成交。", $"Patent {number} is already at auction or sold.");

        var right = await db.PatentRights.AsNoTracking().Include(p => p.Patentees).SingleAsync(p => p.Number == number, ct);
        var pledgorId = right.Patentees.Select(p => p.OrganizationId).FirstOrDefault(pledge.Pledgors.Contains);
        var recordIds = new[] { right.SourceRecordId ?? right.Number, right.Number };
        var record = await db.CatalogueRecords.AsNoTracking().FirstOrDefaultAsync(r => recordIds.Contains(r.RecordId), ct);
        if (record is null)
            return RealisationStep.Fail("PatentNumber", $"平台目录中没有专利 {number} 的著录信息，无法作为拍卖标的。", $"The catalogue has no record of patent {number} to auction.");
        var lenderName = await db.Organizations.Where(o => o.Id == lenderId).Select(o => o.Name).SingleAsync(ct);

        var now = clock.GetUtcNow();
        var listing = new Listing(Guid.NewGuid(), record.Id, pledgorId, TradeModes.Assignment, new Money(terms.StartPriceFen), right.Industry, null, isDemo: false, now);
        // The lender realises its own pledge, which is its consent to this sale; the listing says so to every bidder.
        listing.DeclareStanding(LegalStatus.Valid, right.ExpiresOn, isPledged: true, pledgeeConsented: true,
            $"质权实现拍卖：质权人 {lenderName} 为委托人（民法典第四百三十六条），登记通知书见质押案件 / Pledge realisation, consigned by the lender {lenderName}");
        var review = listing.Submit(record.Kind, now);
        if (review.Succeeded) review = listing.Approve(record.Kind, now);
        if (!review.Succeeded)
            return RealisationStep.Fail("PatentNumber", string.Join("；", review.Problems.Select(p => p.Message.Zh)), string.Join("; ", review.Problems.Select(p => p.Message.En)));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Listings.Add(listing);
        db.ListingChanged(listing.Id, now);
        db.AuditAs("listing.realisation_published", $"pledge case {caseId:N}, patent {number}");
        await db.SaveChangesAsync(ct);
        var created = await createAuction.RunAsync(new AuctionSetup(listing.Id, actor.OrganizationId, terms.StartPriceFen, terms.ReservePriceFen, terms.StepFen,
            terms.DepositFen, terms.OpensAt, terms.EndsAt, ConsignorOrganizationId: lenderId, Realising: new PledgeRealisationMandate(caseId, lenderId)), ct);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new RealisationStep(null, created.Field switch { "ListingId" => "PatentNumber", null => "", var f => f }, created.Error);
        }
        var lot = new RealisationLotRow
        {
            Id = Guid.NewGuid(), PledgeCaseId = caseId, PatentNumber = number, PledgorId = pledgorId, LenderId = lenderId,
            ListingId = listing.Id, AuctionId = created.Auction!.Id, CreatedAt = now,
        };
        db.RealisationLots.Add(lot);
        db.AuditAs("pledge.realisation_auction", $"auction {lot.AuctionId:N} for {number}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RealisationStep(lot, null, null);
    }
}

/// <summary>
/// 成交结算 of a realisation lot: once the auction has sold, the center settles it like any auction (<see cref="SettleDeal"/>:
/// the buyer owes price + commission − deposit; the pledgor, as seller of record, is owed price − commission) and links
/// the settlement to the lot. Settling again returns the same settlement.
/// </summary>
public sealed class SettleRealisationLot(TechMarketDbContext db, SettleDeal settle)
{
    public async Task<RealisationStep?> RunAsync(Guid caseId, PledgeActor actor, Guid lotId, Rate buyerCommission, Rate sellerCommission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCenter) return null;
        var lot = await db.RealisationLots.FirstOrDefaultAsync(l => l.Id == lotId && l.PledgeCaseId == caseId, ct);
        if (lot is null) return null;
        if (lot.SettlementId is not null) return new RealisationStep(lot, null, null);
        var auction = await db.Auctions.AsNoTracking().SingleAsync(a => a.Id == lot.AuctionId, ct);
        if (auction is not { Status: AuctionStatus.Closed, Sold: true, WinnerOrganizationId: { } buyer, PriceFen: { } price })
            return RealisationStep.Fail("", "拍卖尚未成交，不能结算。", "The auction has not sold; there is nothing to settle.");
        var outcome = await settle.RunAsync(new SettleDealCommand(DepositSubjectKind.Auction, auction.Id, buyer, lot.PledgorId, new Money(price),
            buyerCommission, sellerCommission), ct);
        switch (outcome.Refusal)
        {
            case SettleDealRefusal.None:
                break;
            case SettleDealRefusal.AuctionCommissionAboveFivePercent:
                return RealisationStep.Fail("Commission", "拍卖佣金每方不得超过成交价的 5%（拍卖法第五十六条）。", "At most 5 % of the hammer price per side (Auction Law Art. 56).");
            case SettleDealRefusal.SettledWithOtherTerms:
                return RealisationStep.Fail("Commission", "该拍卖已按其他条件结算。", "This auction was settled on other terms.");
            case SettleDealRefusal.AuctionDefaulted:
                return RealisationStep.Fail("", "买受人悔拍，成交已撤销，不能结算；请重新拍卖。", "The buyer defaulted and the sale was rescinded; re-auction the lot.");
            case SettleDealRefusal.NonPositivePrice:
            case SettleDealRefusal.BuyerIsSeller:
            default:
                return RealisationStep.Fail("", "无法结算该拍卖。", "The auction cannot be settled.");
        }
        var fresh = await db.RealisationLots.FirstAsync(l => l.Id == lotId, ct);
        fresh.SettlementId = outcome.Settlement!.Id;
        db.AuditAs("pledge.realisation_settled", $"settlement {fresh.SettlementId:N}");
        await db.SaveChangesAsync(ct);
        return new RealisationStep(fresh, null, null);
    }
}

/// <summary>
/// Applies a realisation lot's proceeds once the buyer has paid in full: the net proceeds (what the pledgor as seller is
/// owed) go to the lender up to the debt still owed, interest first (Civil Code Arts 436, 561), and the center records the
/// transfer to the lender; the rest stays payable to the pledgor (Art. 438) and is paid out as an ordinary seller payout.
/// A shortfall stays owed by the debtor. With the case's last lot the case closes and the registration ends (Measures
/// Art. 18(2)). The journal entries, the settlement, the lot and the case are one SaveChanges; applying twice does nothing.
/// </summary>
public sealed class ApplyRealisationProceeds(TechMarketDbContext db, PledgeCaseStore store, PostJournalEntry post, ICurrentActor currentActor, TimeProvider clock)
{
    public async Task<PledgeOutcome?> RunAsync(Guid caseId, PledgeActor actor, Guid lotId, string bankReference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(bankReference);
        var loaded = await store.FindAsync(caseId, actor, ct);
        if (loaded is null) return null;
        var pledge = loaded.Case;
        var lot = await db.RealisationLots.FirstOrDefaultAsync(l => l.Id == lotId && l.PledgeCaseId == caseId, ct);
        if (lot is null) return null;
        if (lot.AppliedAt is not null) return PledgeOutcome.Done(pledge.State); // a double click or a retry
        var settlement = lot.SettlementId is { } sid ? await db.Settlements.FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        if (settlement is null) return Refused(pledge, "拍卖尚未结算。", "The auction has not been settled.");
        if (settlement.State == SettlementState.Rescinded)
            return Refused(pledge, "买受人悔拍，该次成交已撤销，没有可分配的处置所得。", "The buyer defaulted and the sale was rescinded; there are no proceeds to apply.");
        if (settlement.State == SettlementState.AwaitingBuyer)
            return Refused(pledge, $"买受人尚未付清价款（尚欠 {settlement.BuyerOutstanding}），不能分配处置所得。", $"The buyer still owes {settlement.BuyerOutstanding}; the proceeds cannot be applied yet.");

        var applied = await db.RealisationLots.AsNoTracking().Where(l => l.PledgeCaseId == caseId && l.AppliedAt != null).Select(l => l.PatentNumber).ToListAsync(ct);
        var lastLot = pledge.PatentNumbers.All(n => n == lot.PatentNumber || applied.Contains(n));
        var now = clock.GetUtcNow();
        var today = ChinaCalendar.Today(clock);
        var outcome = pledge.ApplyRealisationProceeds(actor, lot.Id, lot.PatentNumber, settlement.SellerOutstanding, today, lastLot, now);
        if (!outcome.IsDone) return outcome;
        var split = pledge.RealisationLots[^1];

        var entries = new List<JournalEntry>();
        if (split.ToLender > Money.Zero)
        {
            entries.Add(PledgeProceeds.Apply(lot.Id, lot.PledgorId, lot.LenderId, split.ToLender, now));
            var payout = PledgeProceeds.PayLender(lot.Id, lot.LenderId, split.ToLender, now);
            entries.Add(payout);
            settlement.SellerPaidFen += split.ToLender.Fen;
            if (settlement.SellerOutstanding == Money.Zero) settlement.State = SettlementState.Settled;
            var payment = PaymentRecord.BankTransferOut(PaymentPurpose.PledgeProceeds, lot.LenderId, split.ToLender, bankReference,
                payout.Key.Value, currentActor.UserId, now);
            payment.SettlementId = settlement.Id;
            db.PaymentRecords.Add(payment);
        }
        lot.NetProceedsFen = split.NetProceeds.Fen;
        lot.ToLenderFen = split.ToLender.Fen;
        lot.SurplusFen = split.Surplus.Fen;
        lot.LenderTransferReference = bankReference.Trim();
        lot.AppliedAt = now;
        if (lastLot) await ReleasePledge.EndRegisteredPledgesAsync(db, caseId, today, ct);
        PledgeCaseStore.Write(loaded.Row, pledge, now);
        var reason = $"{split.NetProceeds}: lender {split.ToLender} (interest {split.ToInterest}), pledgor {split.Surplus}";
        if (entries.Count == 0)
        {
            db.AuditAs("pledge.realisation_proceeds", reason);
            await db.SaveChangesAsync(ct);
            return outcome;
        }
        var posted = await post.RunAsync(entries, "pledge.realisation_proceeds", reason, ct);
        // Another request applied the same lot first: nothing of this one was saved.
        return posted == PostingResult.Posted ? outcome : PledgeOutcome.Done(pledge.State);
    }

    private static PledgeOutcome Refused(PledgeCase pledge, string zh, string en) =>
        PledgeOutcome.Refused(pledge.State, new PledgeRefusal(PledgeRefusalCode.NotAllowedNow, zh, en));
}
