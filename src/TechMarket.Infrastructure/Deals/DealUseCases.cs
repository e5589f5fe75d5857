using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Infrastructure.Deals;

// Every step below changes the deal row (Touch) and saves through DealSave: two steps racing on one deal (a cancellation
// and the final signature, an objection and the end of the publicity) cannot both be saved; the second is refused.
// Steps that overwrite what a party saw (end of publicity, reward, contract, signature, cancellation) also take the
// version the caller's page showed, so a change made meanwhile by the other party is never acted on unseen.

/// <summary>公示 objection: anyone signed in may object to a deal under publicity, with a reason the seller must answer.</summary>
public sealed class RaiseObjection(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, DealCaller caller, string raisedBy, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId && d.PublicityStartsAt != null, ct);
        if (deal is null) return DealResult.NotFound;
        if (DealLifecycle.CanObject(deal.Status) is { } refusal) return new(refusal);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 4000)
            return DealResult.Refused(DealRefusalCode.InvalidInput, "请填写异议理由（最长 4000 字）。", "Give the reason for the objection (at most 4000 characters).");
        var now = clock.GetUtcNow();
        var objection = new DealObjectionRecord
        {
            Id = Guid.CreateVersion7(now), DealId = dealId, UserId = caller.UserId, RaisedBy = raisedBy.Trim(), Reason = reason.Trim(), RaisedAt = now,
        };
        db.DealObjections.Add(objection);
        // An objection must not slip in beside the end of the publicity, which counted the unanswered ones.
        deal.Touch(now);
        db.AuditAs("deal.objection_raised", reason.Trim());
        // The seller must answer before the deal moves on; the center may uphold it and cancel the deal.
        var title = "成交公示收到异议 / An objection to a deal under publicity";
        var body = reason.Trim() is { Length: > 200 } longReason ? longReason[..200] + "…" : reason.Trim();
        TradeNotices.Notify(db, deal.SellerOrganizationId, title, body, $"/deals/{dealId}", now);
        await TradeNotices.NotifyCenterAsync(db, title, body, $"/deals/{dealId}", now, ct);
        var saved = await DealSave.SaveAsync(db, dealId, ct);
        return saved.Succeeded ? DealResult.Done(objection.Id) : saved;
    }
}

/// <summary>The seller answers an objection; the answer is shown on the notice, and the center sees the whole log.</summary>
public sealed class AnswerObjection(TechMarketDbContext db, DealAccess access, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, Guid objectionId, DealCaller caller, string answer, CancellationToken ct)
    {
        if (await access.LoadVisibleAsync(dealId, caller, ct, track: true) is not { } deal) return DealResult.NotFound;
        if (DealAccess.SideOf(deal, caller) != OfferSide.Seller)
            return DealResult.Refused(DealRefusalCode.NotAllowed, "只有卖方可以答复异议。", "Only the seller answers objections.");
        if (string.IsNullOrWhiteSpace(answer) || answer.Length > 4000)
            return DealResult.Refused(DealRefusalCode.InvalidInput, "请填写答复（最长 4000 字）。", "Write the answer (at most 4000 characters).");
        var objection = await db.DealObjections.FirstOrDefaultAsync(o => o.Id == objectionId && o.DealId == dealId, ct);
        if (objection is null) return DealResult.NotFound;
        if (objection.Answer is not null) return DealResult.Refused(DealRefusalCode.WrongStatus, "该异议已答复。", "This objection has been answered.");
        var now = clock.GetUtcNow();
        objection.Answer = answer.Trim();
        objection.AnsweredAt = now;
        objection.AnsweredByUserId = caller.UserId;
        deal.Touch(now); // two answers to one objection: the second is refused, not saved over the first
        db.AuditAs("deal.objection_answered", answer.Trim());
        var saved = await DealSave.SaveAsync(db, dealId, ct);
        return saved.Succeeded ? DealResult.Done(objection.Id) : saved;
    }
}

/// <summary>Ends the publicity period (seller or center): only after its last day, with every objection answered.</summary>
public sealed class EndPublicity(TechMarketDbContext db, DealAccess access, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, DealCaller caller, int? expectedVersion, CancellationToken ct)
    {
        if (await access.LoadVisibleAsync(dealId, caller, ct, track: true) is not { } deal) return DealResult.NotFound;
        if (!caller.IsCenter && DealAccess.SideOf(deal, caller) != OfferSide.Seller)
            return DealResult.Refused(DealRefusalCode.NotAllowed, "只有卖方或服务中心可以结束公示。", "Only the seller or the center ends the publicity.");
        if (DealSave.IsStale(deal, expectedVersion)) return DealResult.Changed;
        var open = await db.DealObjections.CountAsync(o => o.DealId == dealId && o.Answer == null, ct);
        var now = clock.GetUtcNow();
        if (DealLifecycle.CanEndPublicity(deal.Status, deal.PublicityEndsAt, open, now) is { } refusal) return new(refusal);
        deal.Status = DealStatus.AwaitingSignatures;
        deal.PublicityEndedAt = now;
        deal.Touch(now);
        db.AuditAs("deal.publicity_ended");
        return await DealSave.SaveAsync(db, deal.Id, ct);
    }
}

/// <summary>The university's inventor-reward calculation on its deal record (促进科技成果转化法 Arts 44-45).</summary>
public sealed class SetInventorReward(TechMarketDbContext db, DealAccess access, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, DealCaller caller, Money costs, int shareBasisPoints, string? policy, int? expectedVersion, CancellationToken ct)
    {
        if (await access.LoadVisibleAsync(dealId, caller, ct, track: true) is not { } deal) return DealResult.NotFound;
        if (DealAccess.SideOf(deal, caller) != OfferSide.Seller)
            return DealResult.Refused(DealRefusalCode.NotAllowed, "只有卖方可以填写奖励计算。", "Only the seller keeps the reward calculation.");
        if (DealSave.IsStale(deal, expectedVersion)) return DealResult.Changed;
        if (InventorReward.Validate(deal.Price, costs, shareBasisPoints, policy) is { } refusal) return new(refusal);
        deal.CostsFen = costs.Fen;
        deal.RewardShareBasisPoints = shareBasisPoints;
        deal.RewardPolicy = string.IsNullOrWhiteSpace(policy) ? null : policy.Trim();
        deal.Touch(clock.GetUtcNow());
        db.AuditAs("deal.reward_set", $"成本 {costs}，比例 {shareBasisPoints / 100m}%");
        return await DealSave.SaveAsync(db, deal.Id, ct);
    }
}

/// <summary>
/// Either party edits the contract before both have signed. An edit after a signature voids every signature (the
/// signer agreed to other words); both sign the new version again. Audited with the voiding. An edit made from an older
/// page than the deal now is (the other party edited or signed meanwhile) is refused, keeping both texts.
/// </summary>
public sealed class EditDealContract(TechMarketDbContext db, DealAccess access, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, DealCaller caller, TransferContractTerms terms, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (await access.LoadVisibleAsync(dealId, caller, ct, track: true) is not { } deal) return DealResult.NotFound;
        if (DealAccess.SideOf(deal, caller) is null) return DealResult.Refused(DealRefusalCode.NotAllowed, "只有合同双方可以修改合同。", "Only the parties edit the contract.");
        if (DealSave.IsStale(deal, expectedVersion)) return DealResult.Changed;
        if (DealLifecycle.CanEditContract(deal.Status) is { } refusal) return new(refusal);
        if (terms.Problem() is { } problem) return new(problem);
        var signatures = await db.DealSignatures.Where(s => s.DealId == dealId).ToListAsync(ct);
        db.DealSignatures.RemoveRange(signatures);
        deal.WriteContract(terms);
        deal.Touch(clock.GetUtcNow());
        db.AuditAs(signatures.Count > 0 ? "deal.contract_edited_signatures_voided" : "deal.contract_edited",
            signatures.Count > 0 ? $"签署作废：{string.Join("、", signatures.Select(s => s.TypedName))}" : null);
        TradeNotices.Notify(db, DealAccess.OtherParty(deal, caller), signatures.Count > 0 ? "合同已修改，已有签署作废 / Contract edited: signatures voided" : "合同已修改 / Contract edited",
            $"合同第 {deal.ContractVersion} 版 / Contract version {deal.ContractVersion}", $"/deals/{deal.Id}", deal.UpdatedAt);
        return await DealSave.SaveAsync(db, deal.Id, ct);
    }
}

/// <summary>
/// A party signs the current version by typing its account name; with both signatures the deal is signed (Civil Code
/// Art. 851 form: written). A signature given on a page older than the deal (the contract was edited or the deal cancelled
/// meanwhile) is refused: nobody signs words they were not shown, and a cancellation is not signed over.
/// </summary>
public sealed class SignDealContract(TechMarketDbContext db, DealAccess access, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, DealCaller caller, string typedName, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await access.LoadVisibleAsync(dealId, caller, ct, track: true) is not { } deal) return DealResult.NotFound;
        if (DealAccess.SideOf(deal, caller) is not { } side) return DealResult.Refused(DealRefusalCode.NotAllowed, "只有合同双方可以签署。", "Only the parties sign.");
        if (await db.DealSignatures.AnyAsync(s => s.DealId == dealId && s.Side == side, ct)) return AlreadySigned;
        if (DealSave.IsStale(deal, expectedVersion)) return DealResult.Changed;
        if (DealLifecycle.CanSign(deal.Status) is { } refusal) return new(refusal);
        if (!string.Equals(typedName?.Trim(), caller.DisplayName.Trim(), StringComparison.Ordinal))
            return DealResult.Refused(DealRefusalCode.InvalidInput, $"签署人姓名须与账户姓名“{caller.DisplayName}”一致。", "The typed name must match your account's name.");
        var now = clock.GetUtcNow();
        db.DealSignatures.Add(new DealSignatureRecord
        {
            Id = Guid.CreateVersion7(now), DealId = dealId, Side = side, OrganizationId = caller.OrganizationId!.Value, UserId = caller.UserId,
            TypedName = typedName!.Trim(), ContractVersion = deal.ContractVersion, SignedAt = now,
        });
        var otherSigned = await db.DealSignatures.AnyAsync(s => s.DealId == dealId && s.Side != side && s.ContractVersion == deal.ContractVersion, ct);
        if (otherSigned) deal.Status = DealStatus.BothSigned;
        // Even the first signature moves the version: two first signatures at once would each see the other missing and
        // leave a deal signed by both but never marked so.
        deal.Touch(now);
        db.AuditAs(otherSigned ? "deal.signed_by_both" : "deal.signed", $"{side} {typedName.Trim()} v{deal.ContractVersion}");
        var other = DealAccess.OtherParty(deal, caller);
        if (otherSigned)
        {
            foreach (var party in new[] { deal.SellerOrganizationId, deal.BuyerOrganizationId })
                TradeNotices.Notify(db, party, "合同已由双方签署 / The contract is signed by both parties", $"合同第 {deal.ContractVersion} 版 / Contract version {deal.ContractVersion}", $"/deals/{deal.Id}", now);
        }
        else
        {
            TradeNotices.Notify(db, other, "对方已签署合同，待贵方签署 / The other party signed: your signature is awaited", $"合同第 {deal.ContractVersion} 版 / Contract version {deal.ContractVersion}", $"/deals/{deal.Id}", now);
        }
        DealResult saved;
        try
        {
            saved = await DealSave.SaveAsync(db, deal.Id, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            saved = DealResult.Changed;
        }
        if (saved.Succeeded) return saved;
        // A second click of the same side finds the first click's signature (the unique (deal, side) index keeps one);
        // anything else changed the deal under this signature.
        return await db.DealSignatures.AnyAsync(s => s.DealId == dealId && s.Side == side, ct) ? AlreadySigned : saved;
    }

    private static DealResult AlreadySigned => DealResult.Refused(DealRefusalCode.WrongStatus, "贵方已签署当前版本。", "Your side has signed this version.");
}

/// <summary>
/// The center (or a party before signing) cancels a deal with a reason, e.g. after an objection is upheld; a listing the
/// deal had taken off the market is published again, and the other party is told why. A cancellation racing the other
/// party's final signature is refused if the signature is saved first, and refuses the signature otherwise.
/// </summary>
public sealed class CancelDeal(TechMarketDbContext db, DealAccess access, TimeProvider clock)
{
    public async Task<DealResult> RunAsync(Guid dealId, DealCaller caller, string reason, int? expectedVersion, CancellationToken ct)
    {
        if (await access.LoadVisibleAsync(dealId, caller, ct, track: true) is not { } deal) return DealResult.NotFound;
        if (DealSave.IsStale(deal, expectedVersion)) return DealResult.Changed;
        if (!caller.IsCenter && (DealAccess.SideOf(deal, caller) is null || deal.Status is DealStatus.BothSigned))
            return DealResult.Refused(DealRefusalCode.NotAllowed, "双方签署后只有服务中心可以取消成交。", "After both signatures only the center cancels a deal.");
        if (DealLifecycle.CanCancel(deal.Status) is { } refusal) return new(refusal);
        // The winner of an auction is bound at the hammer (SPC 2016 Art. 22): refusing to sign is 悔拍, which the center
        // declares (deposit forfeited, bar from the re-auction), not a cancellation.
        if (!caller.IsCenter && deal.Origin == DealOrigin.Auction)
            return DealResult.Refused(DealRefusalCode.NotAllowed, "竞价成交不能由当事人取消；买受人拒绝签署的，由服务中心按悔拍处理。",
                "A party cannot cancel an auction deal; a winner who will not sign is declared in default by the center.");
        if (string.IsNullOrWhiteSpace(reason)) return DealResult.Refused(DealRefusalCode.InvalidInput, "请说明取消理由。", "Give the reason.");
        deal.Status = DealStatus.Cancelled;
        deal.CancellationReason = reason.Trim();
        deal.Touch(clock.GetUtcNow());
        db.AuditAs("deal.cancelled", reason.Trim());
        // A negotiated deal that took the listing off the market (assignment, exclusive licence) gives it back. An auction
        // or listed-trade deal does not: its lot goes back through 悔拍 or the listed trade's own relisting.
        if (deal.ExclusiveKey is not null && deal.Origin == DealOrigin.NegotiatedOffer
            && await db.Listings.FirstOrDefaultAsync(l => l.Id == deal.ListingId, ct) is { } listing
            && listing.ReopenAfterCancelledDeal().Succeeded)
        {
            db.ListingChanged(listing.Id, deal.UpdatedAt); // audited with the deal, under deal.cancelled
        }
        deal.ExclusiveKey = null;
        foreach (var party in new[] { deal.SellerOrganizationId, deal.BuyerOrganizationId }.Where(p => p != caller.OrganizationId))
            TradeNotices.Notify(db, party, "成交已取消 / Deal cancelled", reason.Trim(), $"/deals/{deal.Id}", deal.UpdatedAt);
        return await DealSave.SaveAsync(db, deal.Id, ct);
    }
}
