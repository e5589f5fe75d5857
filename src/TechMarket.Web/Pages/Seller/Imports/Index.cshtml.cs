using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Imports;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Seller.Imports;

/// <summary>
/// Upload a JSONL, portfolio CSV or USPTO XML file; accepted rows become drafts of my organisation, every rejected row
/// is listed. Processed synchronously within the request (files up to 5 MB parse in well under a second); there is no
/// background job or progress bar.
/// </summary>
[Authorize(Policy = Policies.VerifiedMember)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class IndexModel(ImportCatalogueFile import) : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    [BindProperty] public ImportFormat Format { get; set; } = ImportFormat.PortfolioCsv;
    [BindProperty] public IFormFile? Upload { get; set; }
    public CatalogueImportReport? Report { get; private set; }

    public void OnGet() { }

    public IActionResult OnGetTemplate()
    {
        var stream = new MemoryStream();
        PortfolioCsvImporter.WriteTemplate(stream);
        stream.Position = 0;
        return File(stream, "text/csv; charset=utf-8", "portfolio-template.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "请选择文件 / Choose a file.");
        else if (Upload.Length > MaxBytes) ModelState.AddModelError(nameof(Upload), "文件不能超过 5 MB / The file may be at most 5 MB.");
        if (!ModelState.IsValid) return Page();
        await using var stream = Upload!.OpenReadStream();
        Report = await import.RunAsync(User.OrganizationId()!.Value, Format, stream, progress: null, cancellationToken);
        return Page();
    }
}
