using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Outbox;

namespace TechMarket.Infrastructure.Catalogue;

public enum ListingCommandStatus { Done, NotFound, Refused }

public sealed record ListingCommandResult(ListingCommandStatus Status, IReadOnlyList<ListingProblem> Problems)
{
    public static ListingCommandResult NotFound { get; } = new(ListingCommandStatus.NotFound, []);
    public bool Succeeded => Status == ListingCommandStatus.Done;
}

/// <summary>
/// The common path of a listing transition: load it (owner's or, for review, any), apply the domain rule, and save
/// the change, its audit entry and its outbox message in one SaveChanges.
/// </summary>
public sealed class ListingTransitions(TechMarketDbContext db, OutboxSignal signal, TimeProvider clock, Financing.PledgeLock pledges, Deals.OpenLicenceLock openLicences)
{
    /// <param name="organizationId">The acting organisation; null for center staff, who act on any listing.</param>
    public async Task<ListingCommandResult> RunAsync(Guid listingId, Guid? organizationId, string action, string? reason,
        Func<Listing, AssetKind, DateTimeOffset, ListingOutcome> transition, CancellationToken cancellationToken, bool checkPledge = false)
    {
        var listing = await db.Listings.Include(l => l.Record).FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || (organizationId is { } org && listing.OrganizationId != org)) return ListingCommandResult.NotFound;
        // Civil Code Art. 444: a pledged patent is not offered for sale behind its lender's back.
        if (checkPledge && await pledges.RefusalAsync(listing.Record!.RecordId, auction: false, cancellationToken) is { } pledged)
        {
            return new(ListingCommandStatus.Refused, [new ListingProblem(ListingProblemCode.Pledged, new(pledged.MessageZh, pledged.MessageEn))]);
        }
        // Patent Law Art. 51: no exclusive or sole licence is offered while an open-licence declaration stands.
        if (checkPledge && (listing.TradeModes & (TradeModes.ExclusiveLicence | TradeModes.SoleLicence)) != 0
            && await openLicences.RefusalAsync(listing.CatalogueRecordId, cancellationToken) is { } declared)
        {
            return new(ListingCommandStatus.Refused, [new ListingProblem(ListingProblemCode.OpenLicenceDeclared, new(declared.MessageZh, declared.MessageEn))]);
        }
        var now = clock.GetUtcNow();
        var outcome = transition(listing, listing.Record!.Kind, now);
        if (!outcome.Succeeded) return new(ListingCommandStatus.Refused, outcome.Problems);
        db.AuditAs(action, reason);
        db.ListingChanged(listing.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new(ListingCommandStatus.Done, []);
    }
}

/// <summary>Seller: draft or rejected → submitted (legal-status gate, co-owner consents).</summary>
public sealed class SubmitListing(ListingTransitions transitions)
{
    public Task<ListingCommandResult> RunAsync(Guid listingId, Guid organizationId, CancellationToken cancellationToken) =>
        transitions.RunAsync(listingId, organizationId, "listing.submitted", null, (l, kind, now) => l.Submit(kind, now), cancellationToken, checkPledge: true);
}

/// <summary>Center: submitted → published (gate checked again).</summary>
public sealed class ApproveListing(ListingTransitions transitions)
{
    public Task<ListingCommandResult> RunAsync(Guid listingId, CancellationToken cancellationToken) =>
        transitions.RunAsync(listingId, null, "listing.approved", null, (l, kind, now) => l.Approve(kind, now), cancellationToken, checkPledge: true);
}

/// <summary>Center: submitted → rejected, with the reason the seller sees.</summary>
public sealed class RejectListing(ListingTransitions transitions)
{
    public Task<ListingCommandResult> RunAsync(Guid listingId, string reason, CancellationToken cancellationToken) =>
        transitions.RunAsync(listingId, null, "listing.rejected", reason, (l, _, now) => l.Reject(reason, now), cancellationToken);
}

/// <summary>Seller: takes the listing off the market for good.</summary>
public sealed class WithdrawListing(ListingTransitions transitions)
{
    public Task<ListingCommandResult> RunAsync(Guid listingId, Guid organizationId, CancellationToken cancellationToken) =>
        transitions.RunAsync(listingId, organizationId, "listing.withdrawn", null, (l, _, now) => l.Withdraw(now), cancellationToken);
}

/// <summary>Seller records that a co-owner consented (their written consent is kept off-platform for now).</summary>
public sealed class RecordCoOwnerConsent(ListingTransitions transitions)
{
    public Task<ListingCommandResult> RunAsync(Guid listingId, Guid organizationId, string coOwner, CancellationToken cancellationToken) =>
        transitions.RunAsync(listingId, organizationId, "listing.co_owner_consented", coOwner, (l, _, now) =>
        {
            if (l.CoOwners.All(c => c.Name != coOwner)) return ListingOutcome.Refused(new ListingProblem(ListingProblemCode.CoOwnerConsentMissing, new("没有该共有人", "No such co-owner")));
            l.RecordConsent(coOwner, now);
            return ListingOutcome.Done;
        }, cancellationToken);
}
