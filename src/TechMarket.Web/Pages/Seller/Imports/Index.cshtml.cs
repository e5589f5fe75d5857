using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Imports;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Imports;

/// <summary>
/// Upload a JSONL, portfolio CSV or USPTO XML file. The file is stored and queued; a background job turns accepted rows
/// into drafts of my organisation and lists every rejected row; its page (<see cref="JobModel"/>) shows the progress.
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class IndexModel(QueueCatalogueImport queue, TechMarketDbContext db) : PageModel
{
    public const int MaxBytes = 50 * 1024 * 1024;

    [BindProperty] public ImportFormat Format { get; set; } = ImportFormat.PortfolioCsv;
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<CatalogueImportJob> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRecentAsync(cancellationToken);

    public IActionResult OnGetTemplate()
    {
        var stream = new MemoryStream();
        PortfolioCsvImporter.WriteTemplate(stream);
        stream.Position = 0;
        return File(stream, "text/csv; charset=utf-8", "portfolio-template.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Format)) ModelState.AddModelError(nameof(Format), "请选择文件格式 / Choose the file format.");
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "请选择文件 / Choose a file.");
        else if (Upload.Length > MaxBytes) ModelState.AddModelError(nameof(Upload), "文件不能超过 50 MB / The file may be at most 50 MB.");
        if (!ModelState.IsValid)
        {
            await LoadRecentAsync(cancellationToken);
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        var job = await queue.RunAsync(User.OrganizationId()!.Value, User.UserId(), Format, Upload.FileName, stream, cancellationToken);
        return RedirectToPage("Job", new { id = job.Id });
    }

    private async Task LoadRecentAsync(CancellationToken cancellationToken)
    {
        var org = User.OrganizationId();
        Recent = await db.CatalogueImportJobs.AsNoTracking().Where(j => j.OrganizationId == org)
            .OrderByDescending(j => j.CreatedAt).Take(20).ToListAsync(cancellationToken);
    }
}
