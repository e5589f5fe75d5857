using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Brokerage;

/// <summary>
/// When the center may read a private enquiry thread, and the record of each time it does. An enquiry is the two
/// parties' business; the center reads it when a party asked it to broker that thread, or when a broker has been
/// assigned to a case a party of the thread opened on its listing (the seller's case covers all the listing's
/// threads, a buyer's only that buyer's). An adopted case gives no access: nobody asked.
/// </summary>
public sealed class BrokerageAccess(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<bool> CenterMayReadAsync(Enquiry enquiry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        if (enquiry.BrokerageRequestedAt is not null) return true;
        return await db.BrokerageCases.AsNoTracking().AnyAsync(c =>
            c.BrokerUserId != null && c.Stage != BrokerageStage.Dropped && c.RequestedByOrganizationId != null &&
            ((c.SubjectKind == BrokerageSubjectKind.Enquiry && c.SubjectId == enquiry.Id) ||
             (c.SubjectKind == BrokerageSubjectKind.Listing && c.SubjectId == enquiry.ListingId &&
              (c.RequestedByOrganizationId == enquiry.SellerOrganizationId || c.RequestedByOrganizationId == enquiry.BuyerOrganizationId))), ct).ConfigureAwait(false);
    }

    /// <summary>Appends who read what and when to the audit log (a broker's view of a party's private thread or document).</summary>
    public async Task RecordViewAsync(Guid? userId, Guid? organizationId, string entityType, Guid entityId, string what, CancellationToken ct)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            OrganizationId = organizationId,
            Action = "brokerage.viewed",
            EntityType = entityType,
            EntityId = entityId.ToString(),
            Reason = what,
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
