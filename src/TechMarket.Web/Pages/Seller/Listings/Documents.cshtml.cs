using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Files;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Listings;

/// <summary>
/// The seller's documents of one of its listings: upload (PDF, images, Office files up to 20 MB, checked by content),
/// choose who may download each one, remove. Another organisation's listing is 404.
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
[RequestSizeLimit(ListingDocumentStore.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ListingDocumentStore.MaxBytes + 64 * 1024)]
public sealed class DocumentsModel(TechMarketDbContext db, AddListingDocument add, RemoveListingDocument remove) : PageModel
{
    public string ListingTitle { get; private set; } = "";
    public ListingStatus ListingStatus { get; private set; }
    public IReadOnlyList<ListingDocument> Documents { get; private set; } = [];

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public DocumentVisibility Visibility { get; set; } = DocumentVisibility.Public;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Enum.IsDefined(Visibility)) ModelState.AddModelError(nameof(Visibility), "请选择可见范围 / Choose who may download it.");
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "请选择文件 / Choose a file.");
        if (!ModelState.IsValid) return Page();
        await using var stream = Upload!.OpenReadStream();
        var (outcome, _) = await add.RunAsync(id, User.OrganizationId()!.Value, User.UserId(), Upload.FileName, stream, Upload.Length, Visibility, cancellationToken);
        var error = outcome switch
        {
            AddDocumentOutcome.Added => null,
            AddDocumentOutcome.ListingNotFound => null,
            AddDocumentOutcome.Empty => "文件是空的 / The file is empty.",
            AddDocumentOutcome.TooLarge => "文件不能超过 20 MB / The file may be at most 20 MB.",
            AddDocumentOutcome.TypeNotAllowed => "只接受 PDF、JPG、PNG 和 Office 文件（doc、docx、xls、xlsx、ppt、pptx）/ Only PDF, JPG, PNG and Office files are accepted.",
            AddDocumentOutcome.TooMany => $"每个挂牌最多 {ListingDocument.MaxPerListing} 份资料 / At most {ListingDocument.MaxPerListing} documents per listing.",
            _ => throw new InvalidOperationException(outcome.ToString()),
        };
        if (outcome == AddDocumentOutcome.ListingNotFound) return NotFound();
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return Page();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Documents.All(d => d.Id != documentId)) return NotFound();
        await remove.RunAsync(documentId, User.OrganizationId()!.Value, cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var listing = await db.Listings.AsNoTracking().Where(l => l.Id == id && l.OrganizationId == org)
            .Select(l => new { l.Record!.Title, l.Status }).FirstOrDefaultAsync(cancellationToken);
        if (listing is null) return false;
        ListingTitle = listing.Title;
        ListingStatus = listing.Status;
        Documents = await db.ListingDocuments.AsNoTracking().Where(d => d.ListingId == id).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return true;
    }
}
