using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>Who may download a document of a listing.</summary>
public enum DocumentVisibility
{
    /// <summary>Anyone who can see the published listing (公开).</summary>
    Public = 0,
    /// <summary>Signed-in members of an organisation (登录企业可见): a prospectus detail, not for search engines.</summary>
    Members = 1,
    /// <summary>Only an organisation the seller has granted access on its enquiry (申请后可见): drawings, test reports.</summary>
    OnRequest = 2,
}

/// <summary>
/// A file a seller attaches to its listing (说明书, 检测报告, 图纸, 演示材料). The bytes live in the file store under a
/// generated name; the original file name is kept for the download only. Every change is audited.
/// </summary>
public sealed class ListingDocument : IAudited
{
    public const int MaxFileNameLength = 200;
    public const int MaxPerListing = 20;

    private ListingDocument() { FileName = ""; StoredName = ""; ContentType = ""; }

    public ListingDocument(Guid id, Guid listingId, Guid organizationId, string fileName, string storedName, string contentType, long length,
        DocumentVisibility visibility, Guid? uploadedBy, DateTimeOffset uploadedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        if (!Enum.IsDefined(visibility)) throw new ArgumentOutOfRangeException(nameof(visibility));
        Id = id;
        ListingId = listingId;
        OrganizationId = organizationId;
        FileName = fileName.Length > MaxFileNameLength ? fileName[..MaxFileNameLength] : fileName;
        StoredName = storedName;
        ContentType = contentType;
        Length = length;
        Visibility = visibility;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid ListingId { get; private set; }
    /// <summary>The seller organisation (owner of the listing).</summary>
    public Guid OrganizationId { get; private set; }
    public string FileName { get; private set; }
    public string StoredName { get; private set; }
    public string ContentType { get; private set; }
    public long Length { get; private set; }
    public DocumentVisibility Visibility { get; private set; }
    public Guid? UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public void ChangeVisibility(DocumentVisibility visibility)
    {
        if (!Enum.IsDefined(visibility)) throw new ArgumentOutOfRangeException(nameof(visibility));
        Visibility = visibility;
    }

    /// <summary>
    /// The download rule. The seller and center staff (who review listings) always may; for a published listing,
    /// public documents are open to everyone, member documents to any signed-in user of an organisation, and on-request
    /// documents only to an organisation whose enquiry on this listing the seller has granted document access.
    /// </summary>
    public bool MayDownload(DocumentViewer viewer, bool listingPublished)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.OrganizationId == OrganizationId || viewer.IsCenterStaff) return true;
        if (!listingPublished) return false;
        return Visibility switch
        {
            DocumentVisibility.Public => true,
            DocumentVisibility.Members => viewer.OrganizationId is not null,
            DocumentVisibility.OnRequest => viewer.OrganizationId is not null && viewer.HasGrant,
            _ => false,
        };
    }
}

/// <param name="OrganizationId">The viewer's organisation; null when anonymous or without one.</param>
/// <param name="HasGrant">The seller granted this organisation access to on-request documents on its enquiry.</param>
public sealed record DocumentViewer(Guid? OrganizationId, bool IsCenterStaff, bool HasGrant);
