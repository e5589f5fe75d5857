using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Catalogue;

public enum ImportFormat { Jsonl, PortfolioCsv, UsptoXml }

public sealed record CatalogueImportReport(ImportResult Result, int DraftsCreated, int RecordsReused);

/// <summary>
/// A university's file into draft listings: every valid row becomes a draft of the organisation in ONE SaveChanges,
/// every invalid row is reported with line, field and reason. Either all accepted rows are stored or none are (the save
/// is one transaction); run by <see cref="RunCatalogueImport"/> for a background job, whose Completed mark is part of
/// the same transaction.
/// </summary>
public sealed class ImportCatalogueFile(TechMarketDbContext db, TimeProvider clock)
{
    public async Task<CatalogueImportReport> RunAsync(Guid organizationId, ImportFormat format, Stream content, IProgress<ImportProgress>? progress, CancellationToken cancellationToken,
        CatalogueImportJob? job = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ImportResult result;
        switch (format)
        {
            case ImportFormat.Jsonl:
                result = JsonlCatalogueImporter.Import(content, progress, cancellationToken);
                break;
            case ImportFormat.PortfolioCsv:
                result = new PortfolioCsvImporter(clock).Import(content, progress, cancellationToken);
                break;
            case ImportFormat.UsptoXml:
                using (var reader = new StreamReader(content))
                {
                    result = UsptoXmlImporter.Import(await reader.ReadToEndAsync(cancellationToken), progress, cancellationToken);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }

        var now = clock.GetUtcNow();
        var ids = result.Accepted.Select(a => a.RecordId).ToList();
        var existing = await db.CatalogueRecords.Where(r => ids.Contains(r.RecordId)).ToDictionaryAsync(r => r.RecordId, cancellationToken);
        var reused = 0;
        foreach (var a in result.Accepted)
        {
            if (existing.TryGetValue(a.RecordId, out var record)) reused++;
            else
            {
                record = new CatalogueRecord(Guid.NewGuid(), a.RecordId, a.Kind, a.Title, a.Abstract, a.Claims, a.Language,
                    string.IsNullOrEmpty(a.Source) ? "导入 / Imported" : a.Source, a.SourceLicense, a.Discipline, a.Category,
                    a.IpcCodes.Select(c => c.Replace(" ", "", StringComparison.Ordinal)));
                db.CatalogueRecords.Add(record);
            }
            var terms = a.Terms;
            var listing = new Listing(Guid.NewGuid(), record.Id, organizationId, terms?.TradeModes is { } m && m != TradeModes.None ? m : TradeModes.OrdinaryLicence,
                terms?.Price, terms?.Industry ?? Industry.Unspecified, terms?.Trl, isDemo: false, createdAt: now);
            var lastDay = a.FilingDate is { } filing ? PatentDates.TermYearsFor(a.Kind, filing) is { } years ? filing.AddYears(years).AddDays(-1) : (DateOnly?)null : null;
            listing.DeclareStanding(a.LegalStatus, lastDay, false, false, null);
            db.Listings.Add(listing);
        }
        var report = new CatalogueImportReport(result, result.Accepted.Count, reused);
        job?.Complete(report, now);
        if (result.Accepted.Count > 0 || job is not null)
        {
            db.AuditAs("listing.imported", $"{format}: {result.Accepted.Count} accepted, {result.RejectedRows} rejected rows");
            await db.SaveChangesAsync(cancellationToken);
        }
        return report;
    }
}
