using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Brokerage;

public enum OpenBrokerageRefusal
{
    None,
    SubjectNotFound,
    /// <summary>A deal or an enquiry may be put to the center only by one of its parties.</summary>
    NotAParty,
}

public sealed record OpenBrokerageOutcome(OpenBrokerageRefusal Refusal, Guid? CaseId, bool WasAlreadyOpen = false)
{
    public bool Succeeded => Refusal == OpenBrokerageRefusal.None;
}

/// <summary>
/// Opens a brokerage case: a party asks the center to broker (申请经纪服务: a listing's seller or an interested buyer, a
/// demand's owner or a responding institution, either party of a deal or an enquiry), or the center adopts a subject
/// itself. One case per subject and requester; asking again returns it (and reopens it if it had been dropped).
/// </summary>
public sealed class OpenBrokerageCase(TechMarketDbContext db, TimeProvider clock)
{
    private sealed record Subject(string Title, Guid Owner, Guid? ListingId, Guid[] Parties);

    public Task<OpenBrokerageOutcome> RequestAsync(BrokerageSubjectKind kind, Guid subjectId, Guid requesterOrganizationId, CancellationToken ct) =>
        OpenAsync(kind, subjectId, requesterOrganizationId, ct);

    public Task<OpenBrokerageOutcome> AdoptAsync(BrokerageSubjectKind kind, Guid subjectId, CancellationToken ct) =>
        OpenAsync(kind, subjectId, null, ct);

    private async Task<OpenBrokerageOutcome> OpenAsync(BrokerageSubjectKind kind, Guid subjectId, Guid? requester, CancellationToken ct)
    {
        var subject = await FindAsync(kind, subjectId, ct).ConfigureAwait(false);
        if (subject is null) return new(OpenBrokerageRefusal.SubjectNotFound, null);
        if (requester is { } r && subject.Parties.Length > 0 && !subject.Parties.Contains(r)) return new(OpenBrokerageRefusal.NotAParty, null);

        var now = clock.GetUtcNow();
        var key = requester ?? Guid.Empty;
        var existing = await db.BrokerageCases.FirstOrDefaultAsync(c => c.SubjectKind == kind && c.SubjectId == subjectId && c.RequesterKey == key, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.Reopen(now))
            {
                db.AuditAs("brokerage.reopened");
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            return new(OpenBrokerageRefusal.None, existing.Id, WasAlreadyOpen: true);
        }
        var brokerage = new BrokerageCase(Guid.CreateVersion7(now), kind, subjectId, subject.Title, requester, requester ?? subject.Owner, subject.ListingId, now);
        db.BrokerageCases.Add(brokerage);
        if (kind == BrokerageSubjectKind.Enquiry && requester is { } party)
        {
            var enquiry = await db.Enquiries.FirstAsync(e => e.Id == subjectId, ct).ConfigureAwait(false);
            enquiry.RequestBrokerage(party, now);
        }
        db.AuditAs(requester is null ? "brokerage.adopted" : "brokerage.requested", $"{kind} {subjectId}");
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A double click or a second node opened the same case first (unique subject + requester).
            db.ChangeTracker.Clear();
            var winner = await db.BrokerageCases.AsNoTracking().FirstOrDefaultAsync(c => c.SubjectKind == kind && c.SubjectId == subjectId && c.RequesterKey == key, ct).ConfigureAwait(false);
            if (winner is null) throw;
            return new(OpenBrokerageRefusal.None, winner.Id, WasAlreadyOpen: true);
        }
        return new(OpenBrokerageRefusal.None, brokerage.Id);
    }

    private async Task<Subject?> FindAsync(BrokerageSubjectKind kind, Guid id, CancellationToken ct) => kind switch
    {
        // Anyone interested may ask about a published listing or an open demand; the owner always may.
        BrokerageSubjectKind.Listing => await db.Listings.AsNoTracking().Where(l => l.Id == id && l.Status != ListingStatus.Draft)
            .Select(l => new Subject(l.Record!.Title, l.OrganizationId, l.Id, Array.Empty<Guid>())).FirstOrDefaultAsync(ct).ConfigureAwait(false),
        BrokerageSubjectKind.Demand => await db.Demands.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new Subject(d.Title, d.OwnerOrganizationId, null, Array.Empty<Guid>())).FirstOrDefaultAsync(ct).ConfigureAwait(false),
        BrokerageSubjectKind.Deal => await db.Deals.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new Subject(db.Listings.Where(l => l.Id == d.ListingId).Select(l => l.Record!.Title).First(), d.SellerOrganizationId, d.ListingId,
                new[] { d.SellerOrganizationId, d.BuyerOrganizationId })).FirstOrDefaultAsync(ct).ConfigureAwait(false),
        BrokerageSubjectKind.Enquiry => await db.Enquiries.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new Subject(db.Listings.Where(l => l.Id == e.ListingId).Select(l => l.Record!.Title).First(), e.SellerOrganizationId, e.ListingId,
                new[] { e.SellerOrganizationId, e.BuyerOrganizationId })).FirstOrDefaultAsync(ct).ConfigureAwait(false),
        _ => null,
    };
}
