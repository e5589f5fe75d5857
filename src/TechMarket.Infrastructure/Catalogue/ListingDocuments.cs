using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Files;

namespace TechMarket.Infrastructure.Catalogue;

public enum AddDocumentOutcome
{
    Added,
    ListingNotFound,
    Empty,
    TooLarge,
    TypeNotAllowed,
    TooMany,
}

/// <summary>
/// The seller attaches a document to its own listing (any status: a draft may carry its documents into review).
/// The type is decided by the bytes (<see cref="ListingDocumentStore.Sniff"/>); audited as listing.document_added.
/// </summary>
public sealed class AddListingDocument(TechMarketDbContext db, ListingDocumentStore store, TimeProvider clock)
{
    public async Task<(AddDocumentOutcome Outcome, ListingDocument? Document)> RunAsync(Guid listingId, Guid sellerOrganizationId, Guid? userId,
        string fileName, Stream content, long length, DocumentVisibility visibility, CancellationToken cancellationToken)
    {
        if (!await db.Listings.AnyAsync(l => l.Id == listingId && l.OrganizationId == sellerOrganizationId, cancellationToken)) return (AddDocumentOutcome.ListingNotFound, null);
        if (await db.ListingDocuments.CountAsync(d => d.ListingId == listingId, cancellationToken) >= ListingDocument.MaxPerListing) return (AddDocumentOutcome.TooMany, null);
        var (error, storedName, contentType) = await store.SaveAsync(content, length, fileName, cancellationToken);
        switch (error)
        {
            case DocumentUploadError.Empty: return (AddDocumentOutcome.Empty, null);
            case DocumentUploadError.TooLarge: return (AddDocumentOutcome.TooLarge, null);
            case DocumentUploadError.TypeNotAllowed: return (AddDocumentOutcome.TypeNotAllowed, null);
            case DocumentUploadError.None: break;
        }
        var document = new ListingDocument(Guid.NewGuid(), listingId, sellerOrganizationId, CleanFileName(fileName), storedName!, contentType!, length, visibility, userId, clock.GetUtcNow());
        db.ListingDocuments.Add(document);
        db.AuditAs("listing.document_added", document.FileName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(storedName!); // no row, no file
            throw;
        }
        return (AddDocumentOutcome.Added, document);
    }

    /// <summary>The last path segment, without control characters; what the browser sent is only a label.</summary>
    internal static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        return name.Length == 0 ? "document" : name;
    }
}

/// <summary>The seller removes a document: the row (audited as listing.document_removed), then the file.</summary>
public sealed class RemoveListingDocument(TechMarketDbContext db, ListingDocumentStore store)
{
    public async Task<bool> RunAsync(Guid documentId, Guid sellerOrganizationId, CancellationToken cancellationToken)
    {
        var document = await db.ListingDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.OrganizationId == sellerOrganizationId, cancellationToken);
        if (document is null) return false;
        db.ListingDocuments.Remove(document);
        db.AuditAs("listing.document_removed", document.FileName);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(document.StoredName);
        return true;
    }
}

/// <summary>On an enquiry, the seller opens (or closes again) its on-request documents to the enquiring organisation; audited.</summary>
public sealed class GrantEnquiryDocuments(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<bool> RunAsync(Guid enquiryId, Guid sellerOrganizationId, bool grant, CancellationToken cancellationToken)
    {
        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == enquiryId && e.SellerOrganizationId == sellerOrganizationId, cancellationToken);
        if (enquiry is null) return false;
        if (grant) enquiry.GrantDocuments(sellerOrganizationId, clock.GetUtcNow());
        else enquiry.RevokeDocuments(sellerOrganizationId);
        db.AuditAs(grant ? "enquiry.documents_granted" : "enquiry.documents_revoked");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>
/// What a viewer may see of a listing's documents, and the download itself. Downloads of member and on-request
/// documents are written to the audit log (who fetched which confidential file, when); public ones are not.
/// </summary>
public sealed class ListingDocumentAccess(TechMarketDbContext db, ListingDocumentStore store, TimeProvider clock)
{
    public async Task<DocumentViewer> ViewerAsync(Guid listingId, Guid? organizationId, bool isCenterStaff, CancellationToken cancellationToken)
    {
        var granted = organizationId is { } org && await db.Enquiries.AnyAsync(
            e => e.ListingId == listingId && e.BuyerOrganizationId == org && e.DocumentsGrantedAt != null, cancellationToken);
        return new DocumentViewer(organizationId, isCenterStaff, granted);
    }

    /// <summary>Every document of the listing with whether this viewer may download it (the page lists locked ones too).</summary>
    public async Task<IReadOnlyList<(ListingDocument Document, bool MayDownload)>> ListAsync(Guid listingId, bool listingPublished, DocumentViewer viewer, CancellationToken cancellationToken)
    {
        var documents = await db.ListingDocuments.AsNoTracking().Where(d => d.ListingId == listingId).ToListAsync(cancellationToken);
        return [.. documents.OrderBy(d => d.UploadedAt).ThenBy(d => d.FileName, StringComparer.Ordinal).Select(d => (d, d.MayDownload(viewer, listingPublished)))];
    }

    /// <summary>Null: no such document on this listing, or the listing is not visible. Forbidden: it exists, the viewer may not have it.</summary>
    public async Task<DownloadResult?> OpenAsync(Guid listingId, Guid documentId, Guid? userId, Guid? organizationId, bool isCenterStaff, CancellationToken cancellationToken)
    {
        var document = await db.ListingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ListingId == listingId, cancellationToken);
        if (document is null) return null;
        var published = await db.Listings.AnyAsync(l => l.Id == listingId && l.Status == ListingStatus.Published, cancellationToken);
        var viewer = await ViewerAsync(listingId, organizationId, isCenterStaff, cancellationToken);
        if (!published && organizationId != document.OrganizationId && !isCenterStaff) return null;
        if (!document.MayDownload(viewer, published)) return new DownloadResult(document, null);
        var stream = store.Open(document.StoredName);
        if (stream is null) return null;
        if (document.Visibility != DocumentVisibility.Public)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                UserId = userId,
                OrganizationId = organizationId,
                Action = "listing.document_downloaded",
                EntityType = nameof(ListingDocument),
                EntityId = document.Id.ToString(),
                Reason = document.FileName,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return new DownloadResult(document, stream);
    }
}

/// <param name="Content">Null when the viewer may not download the document.</param>
public sealed record DownloadResult(ListingDocument Document, Stream? Content);
