using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Imports;

/// <summary>
/// One import of my organisation: a progress bar fed by the small JSON of the Progress handler (polled by
/// wwwroot/js/import-progress.js), a cancel button while it runs, and the full report once it has finished.
/// Another organisation's job is 404.
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
public sealed class JobModel(TechMarketDbContext db, CancelCatalogueImport cancel) : PageModel
{
    public CatalogueImportJob Job { get; private set; } = null!;
    public bool CancelTooLate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The counters as the worker last wrote them.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new ImportJobProgress(Job.Status.ToString(), Job.IsFinished, Job.CancelRequested, Job.RowsRead, Job.Accepted, Job.RejectedRows, Job.Percent));
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!await cancel.RunAsync(id, User.OrganizationId()!.Value, cancellationToken))
        {
            CancelTooLate = true;
            return Page();
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        var job = await db.CatalogueImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.OrganizationId == org, cancellationToken);
        if (job is null) return false;
        Job = job;
        return true;
    }
}

public sealed record ImportJobProgress(string Status, bool Finished, bool CancelRequested, int RowsRead, int Accepted, int RejectedRows, int? Percent);
