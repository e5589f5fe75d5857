using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Imports;

/// <summary>
/// One patent, application or research result read from an import file, validated but not yet stored.
/// Turning it into a <see cref="CatalogueRecord"/> (and a listing, for portfolio rows) is the caller's step.
/// </summary>
public sealed record ImportRecord
{
    /// <summary>Normalised number or source id: CN113914863A, 201710601862.3, US8637286, CSL-dev-0000.</summary>
    public required string RecordId { get; init; }
    public required AssetKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Abstract { get; init; }
    public string? Claims { get; init; }
    /// <summary>Normalised IPC symbols (H01M 10/0525), main one first.</summary>
    public IReadOnlyList<string> IpcCodes { get; init; } = [];
    /// <summary>Applicants, patentees (专利权人) or assignees, in document order.</summary>
    public IReadOnlyList<string> Applicants { get; init; } = [];
    public IReadOnlyList<string> Inventors { get; init; } = [];
    public DateOnly? FilingDate { get; init; }
    /// <summary>Grant date, or publication date for a published application.</summary>
    public DateOnly? GrantDate { get; init; }
    /// <summary>WIPO ST.16 kind code where the source gives one (A1, B2, S).</summary>
    public string? KindCode { get; init; }
    public LegalStatus? LegalStatus { get; init; }
    /// <summary>The status as the source wrote it (granted, published_application, 有效).</summary>
    public string? SourceLegalStatus { get; init; }
    /// <summary>BCP 47: zh or en.</summary>
    public string Language { get; init; } = "zh";
    public string? Country { get; init; }
    public string? DocType { get; init; }
    public string Source { get; init; } = "";
    public string SourceLicense { get; init; } = "";
    public string? Discipline { get; init; }
    public string? Category { get; init; }
    /// <summary>Listing terms from a university portfolio sheet; null for bibliographic sources.</summary>
    public PortfolioTerms? Terms { get; init; }
}

/// <summary>What a university states about how it wants to deal an asset (portfolio CSV).</summary>
public sealed record PortfolioTerms(TradeModes TradeModes, Money? Price, int? Trl, Industry Industry);

/// <summary>
/// A problem at one place of an import file. Row is the 1-based line (JSONL, CSV: the line where the row starts)
/// or the 1-based document position (XML).
/// </summary>
public sealed record ImportIssue(int Row, string Field, BilingualText Reason, string? RecordId = null)
{
    public override string ToString() => $"row {Row}, {Field}: {Reason.En} / {Reason.Zh}";
}

/// <summary>
/// The outcome of one import: every accepted record and every rejected row with its reasons (a row may
/// appear once per faulty field). Warnings are kept rows with something dropped or derived, said out loud.
/// </summary>
public sealed record ImportResult(IReadOnlyList<ImportRecord> Accepted, IReadOnlyList<ImportIssue> Rejected, IReadOnlyList<ImportIssue> Warnings, int RowsRead)
{
    public int RejectedRows => Rejected.Select(r => r.Row).Distinct().Count();
    public bool IsComplete => Rejected.Count == 0;
}

public readonly record struct ImportProgress(int RowsRead, int Accepted, int RejectedRows, long? BytesRead = null, long? TotalBytes = null);

/// <summary>Collects accepted records and issues and reports progress every <see cref="ReportEvery"/> rows.</summary>
internal sealed class ImportCollector(IProgress<ImportProgress>? progress, Stream? stream = null)
{
    private const int ReportEvery = 200;
    private readonly List<ImportRecord> accepted = [];
    private readonly List<ImportIssue> rejected = [];
    private readonly List<ImportIssue> warnings = [];
    private readonly HashSet<int> rejectedRows = [];
    private readonly HashSet<string> seenIds = new(StringComparer.Ordinal);
    private int rowsRead;

    public void Row() { if (++rowsRead % ReportEvery == 0) Report(); }

    public void Reject(int row, string field, BilingualText reason, string? recordId = null)
    {
        rejected.Add(new ImportIssue(row, field, reason, recordId));
        rejectedRows.Add(row);
    }

    public void Warn(int row, string field, BilingualText reason, string? recordId = null) => warnings.Add(new ImportIssue(row, field, reason, recordId));

    /// <summary>Accepts the record unless its row has a rejection or its id was already accepted in this import.</summary>
    public void Accept(int row, ImportRecord record)
    {
        if (rejectedRows.Contains(row)) return;
        if (!seenIds.Add(record.RecordId))
        {
            Reject(row, "id", new($"编号 {record.RecordId} 在本文件中重复", $"Number {record.RecordId} appears twice in this file"), record.RecordId);
            return;
        }
        accepted.Add(record);
    }

    public bool IsRejected(int row) => rejectedRows.Contains(row);

    public ImportResult Finish()
    {
        Report();
        return new ImportResult(accepted, rejected, warnings, rowsRead);
    }

    private void Report()
    {
        long? position = null, length = null;
        if (stream is { CanSeek: true }) { position = stream.Position; length = stream.Length; }
        progress?.Report(new ImportProgress(rowsRead, accepted.Count, rejectedRows.Count, position, length));
    }
}
