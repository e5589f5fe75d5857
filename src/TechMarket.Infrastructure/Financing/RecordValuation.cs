using TechMarket.Domain.Financing;

namespace TechMarket.Infrastructure.Financing;

/// <summary>Valuation reports: PDF only, recognised by its first bytes (%PDF-), up to 10 MB, stored outside wwwroot.</summary>
public sealed class ValuationReportStore(TechMarketPaths paths)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private string Folder => Path.Combine(paths.Data, "files", "valuations");

    /// <summary>Null error means stored; otherwise the bilingual reason.</summary>
    public async Task<(string? StoredName, string? Error)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0) return (null, "请上传评估报告 PDF。 / Upload the valuation report (PDF).");
        if (length > MaxBytes) return (null, "文件超过 10 MB。 / The file is larger than 10 MB.");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (!buffer.GetBuffer().AsSpan(0, (int)Math.Min(5, buffer.Length)).StartsWith("%PDF-"u8))
            return (null, "评估报告须为 PDF 文件。 / The report must be a PDF file.");
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + ".pdf";
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), buffer.ToArray(), cancellationToken);
        return (name, null);
    }

    public Stream? Open(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Folder, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}

/// <summary>The evaluator records its valuation (firm, method, value, date, report number) with the report file.</summary>
public sealed class RecordValuation(PledgeCaseStore store, TimeProvider clock)
{
    public async Task<PledgeOutcome?> RunAsync(Guid id, PledgeActor actor, Valuation valuation, string reportFile, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(id, actor, cancellationToken);
        if (loaded is null) return null;
        var outcome = loaded.Case.RecordValuation(actor, valuation, clock.GetUtcNow());
        if (!outcome.IsDone) return outcome;
        loaded.Row.ValuationReportFile = reportFile;
        await store.SaveAsync(loaded, nameof(PledgeTrigger.RecordValuation), valuation?.ReportNumber, cancellationToken);
        return outcome;
    }
}
