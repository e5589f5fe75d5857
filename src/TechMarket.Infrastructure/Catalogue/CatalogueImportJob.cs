using System.Text.Json;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Catalogue;

public enum ImportJobStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Cancelled = 3,
    Failed = 4,
}

/// <summary>One rejected (or warned) row of a finished import, as stored with the job.</summary>
public sealed record ImportIssueRow(int Row, string Field, string Zh, string En, string? RecordId);

/// <summary>
/// A catalogue import running in the background (<see cref="ImportJobWorker"/>): the uploaded file, its progress as
/// the worker last wrote it, and at the end the full report. Accepted rows are committed in ONE transaction together
/// with the Completed status, so a job is either Completed with all its drafts or left with none (Queued, Running,
/// Cancelled, Failed). Status changes are audited; progress counters are written without audit (they are not decisions).
/// </summary>
public sealed class CatalogueImportJob : IAudited
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CatalogueImportJob() { FileName = ""; StoredFile = ""; }

    public CatalogueImportJob(Guid id, Guid organizationId, Guid? userId, ImportFormat format, string fileName, string storedFile, long fileBytes, DateTimeOffset createdAt)
    {
        Id = id;
        OrganizationId = organizationId;
        UserId = userId;
        Format = format;
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        StoredFile = storedFile;
        FileBytes = fileBytes;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid? UserId { get; private set; }
    public ImportFormat Format { get; private set; }
    public string FileName { get; private set; }
    /// <summary>Name of the uploaded file in the imports folder; deleted once the job has finished.</summary>
    public string StoredFile { get; private set; }
    public long FileBytes { get; private set; }
    public ImportJobStatus Status { get; private set; }
    public bool CancelRequested { get; private set; }
    public int RowsRead { get; private set; }
    public int Accepted { get; private set; }
    public int RejectedRows { get; private set; }
    /// <summary>Share of the file read, 0-100; null while unknown (USPTO XML is read whole before its documents).</summary>
    public int? Percent { get; private set; }
    public int DraftsCreated { get; private set; }
    public int RecordsReused { get; private set; }
    /// <summary>JSON array of <see cref="ImportIssueRow"/>: every rejected row with its reasons.</summary>
    public string? Rejected { get; private set; }
    /// <summary>JSON array of <see cref="ImportIssueRow"/>: rows kept with something dropped or derived.</summary>
    public string? Warnings { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => Status is ImportJobStatus.Completed or ImportJobStatus.Cancelled or ImportJobStatus.Failed;

    public IReadOnlyList<ImportIssueRow> RejectedList => Rejected is null ? [] : JsonSerializer.Deserialize<List<ImportIssueRow>>(Rejected, Json) ?? [];
    public IReadOnlyList<ImportIssueRow> WarningList => Warnings is null ? [] : JsonSerializer.Deserialize<List<ImportIssueRow>>(Warnings, Json) ?? [];

    /// <summary>The owner asks to stop. A queued job stops at once; a running one at its next progress report. False once finished.</summary>
    public bool RequestCancel(DateTimeOffset now)
    {
        if (IsFinished) return false;
        CancelRequested = true;
        if (Status == ImportJobStatus.Queued)
        {
            Status = ImportJobStatus.Cancelled;
            FinishedAt = now;
        }
        return true;
    }

    public void Start(DateTimeOffset now)
    {
        if (Status != ImportJobStatus.Queued) throw new InvalidOperationException($"Only a queued import starts; this one is {Status}.");
        Status = ImportJobStatus.Running;
        StartedAt = now;
    }

    /// <summary>A job found Running at start-up was interrupted before its commit (which completes it): run it again.</summary>
    public void Requeue()
    {
        if (Status == ImportJobStatus.Running) Status = ImportJobStatus.Queued;
    }

    public void Complete(CatalogueImportReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        Status = ImportJobStatus.Completed;
        RowsRead = report.Result.RowsRead;
        Accepted = report.Result.Accepted.Count;
        RejectedRows = report.Result.RejectedRows;
        Percent = 100;
        DraftsCreated = report.DraftsCreated;
        RecordsReused = report.RecordsReused;
        Rejected = JsonSerializer.Serialize(report.Result.Rejected.OrderBy(i => i.Row).Select(Row).ToList(), Json);
        Warnings = JsonSerializer.Serialize(report.Result.Warnings.Select(Row).ToList(), Json);
        FinishedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        Status = ImportJobStatus.Cancelled;
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = ImportJobStatus.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
        FinishedAt = now;
    }

    private static ImportIssueRow Row(ImportIssue i) => new(i.Row, i.Field, i.Reason.Zh, i.Reason.En, i.RecordId);
}
