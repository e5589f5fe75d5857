using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Listings;

/// <summary>
/// Downloads one document of a listing under <see cref="Domain.Catalogue.ListingDocument.MayDownload"/>: public ones for
/// everyone, member ones after sign-in (anonymous visitors are sent to the login page), on-request ones after the
/// seller's grant (otherwise the access-denied page). Always an attachment with the original name (RFC 6266 filename* in UTF-8, RFC 5987,
/// so Chinese names survive), never sniffed by the browser.
/// </summary>
[AllowAnonymous]
public sealed class DocumentModel(ListingDocumentAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var result = await access.OpenAsync(id, documentId, User.UserId(), User.OrganizationId(), User.IsCenterStaff(), cancellationToken);
        if (result is null) return NotFound();
        if (result.Content is null) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = result.Document.Visibility == Domain.Catalogue.DocumentVisibility.Public ? "public, max-age=300" : "private, no-store";
        return File(result.Content, result.Document.ContentType, result.Document.FileName);
    }
}
