using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Files;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Organizations;

/// <summary>The licence scan, served only to the organisation's own members and to center staff.</summary>
public sealed class LicenceModel(TechMarketDbContext db, LicenceStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.OrganizationId() != id && !User.IsCenterStaff()) return NotFound();
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (org?.LicenceFile is null) return NotFound();
        var stream = store.Open(org.LicenceFile);
        if (stream is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, org.LicenceContentType ?? "application/octet-stream", "licence" + Path.GetExtension(org.LicenceFile));
    }
}
