using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Catalogue;

/// <summary>Wakes the import worker when a job is queued (it also polls, so a lost wake-up only delays).</summary>
public sealed class ImportJobSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

/// <summary>Stores the uploaded file under {DataPath}/files/imports and queues a job for it (audited as import.queued).</summary>
public sealed class QueueCatalogueImport(TechMarketDbContext db, TechMarketPaths paths, ImportJobSignal signal, TimeProvider clock)
{
    public async Task<CatalogueImportJob> RunAsync(Guid organizationId, Guid? userId, ImportFormat format, string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = ImportFolder(paths);
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid();
        var stored = id.ToString("N") + ".upload";
        long length;
        await using (var file = File.Create(Path.Combine(folder, stored)))
        {
            await content.CopyToAsync(file, cancellationToken);
            length = file.Length;
        }
        var job = new CatalogueImportJob(id, organizationId, userId, format, AddListingDocument.CleanFileName(fileName), stored, length, clock.GetUtcNow());
        db.CatalogueImportJobs.Add(job);
        db.AuditAs("import.queued", $"{format}: {job.FileName}");
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return job;
    }

    internal static string ImportFolder(TechMarketPaths paths) => Path.Combine(paths.Data, "files", "imports");
}

/// <summary>The owner stops a job: at once when queued, at the worker's next progress report when running (audited).</summary>
public sealed class CancelCatalogueImport(TechMarketDbContext db, TimeProvider clock)
{
    /// <summary>False when there is no such job of this organisation or it has already finished.</summary>
    public async Task<bool> RunAsync(Guid jobId, Guid organizationId, CancellationToken cancellationToken)
    {
        var job = await db.CatalogueImportJobs.FirstOrDefaultAsync(j => j.Id == jobId && j.OrganizationId == organizationId, cancellationToken);
        if (job is null || !job.RequestCancel(clock.GetUtcNow())) return false;
        db.AuditAs("import.cancel_requested", job.FileName);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>
/// Runs one queued job: claims it (Queued → Running, so two workers never run the same job), parses the file while
/// writing its progress every <see cref="ProgressInterval"/> and watching for a cancel request, then commits the drafts
/// and the Completed mark in one transaction. Cancelled or failed jobs leave no drafts. The uploaded file is deleted at the end.
/// </summary>
public sealed class RunCatalogueImport(IServiceScopeFactory scopes, TechMarketPaths paths, TimeProvider clock, ILogger<RunCatalogueImport> logger)
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>Runs the oldest queued job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var next = await db.CatalogueImportJobs.Where(j => j.Status == ImportJobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).FirstOrDefaultAsync(stoppingToken);
        if (next == Guid.Empty) return false;
        // The claim is a conditional update: only one worker turns this Queued row into Running.
        var now = clock.GetUtcNow();
        var claimed = await db.CatalogueImportJobs.Where(j => j.Id == next && j.Status == ImportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Running).SetProperty(j => j.StartedAt, now), stoppingToken);
        if (claimed == 0) return true;
        var job = await db.CatalogueImportJobs.SingleAsync(j => j.Id == next, stoppingToken);
        var path = Path.Combine(QueueCatalogueImport.ImportFolder(paths), job.StoredFile);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new LatestProgress();
        try
        {
            await using var file = File.OpenRead(path);
            var import = scope.ServiceProvider.GetRequiredService<ImportCatalogueFile>();
            // The parsers are synchronous and CPU-bound: they run on the pool while this method reports and listens.
            var run = Task.Run(() => import.RunAsync(job.OrganizationId, job.Format, file, progress, cancel.Token, job), cancel.Token);
            while (await Task.WhenAny(run, Task.Delay(ProgressInterval, stoppingToken)) != run)
            {
                try
                {
                    if (await WriteProgressAsync(job.Id, progress.Latest, stoppingToken)) await cancel.CancelAsync();
                }
#pragma warning disable CA1031 // Progress is best effort: a failed write must not decide the job's outcome.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    // Progress is best effort (e.g. SQLite busy during the commit); the job's outcome is decided by the run.
                    logger.LogWarning(e, "Could not record the progress of import {Job}", job.Id);
                }
            }
            await run;
            logger.LogInformation("Import {Job} completed: {Accepted} accepted, {Rejected} rejected rows", job.Id, job.Accepted, job.RejectedRows);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await FinishAsync(job.Id, j => j.Cancel(clock.GetUtcNow()), "import.cancelled", CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the job stays Running and is queued again at the next start (nothing was committed).
            return true;
        }
#pragma warning disable CA1031 // A broken file or a failed save ends this job as Failed; the worker goes on with the next.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Import {Job} failed", job.Id);
            await FinishAsync(job.Id, j => j.Fail(e.Message, clock.GetUtcNow()), "import.failed", CancellationToken.None);
        }
        File.Delete(path);
        return true;
    }

    /// <summary>Job rows found Running at start-up were interrupted before their commit: queue them again.</summary>
    public async Task RequeueInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var interrupted = await db.CatalogueImportJobs.Where(j => j.Status == ImportJobStatus.Running).ToListAsync(cancellationToken);
        if (interrupted.Count == 0) return;
        foreach (var job in interrupted) job.Requeue();
        db.AuditAs("import.requeued", "interrupted by a restart before its commit");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes the counters (not audited: progress, not a decision); true when the owner has asked to cancel.</summary>
    private async Task<bool> WriteProgressAsync(Guid jobId, ImportProgress p, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        int? percent = p.TotalBytes is > 0 && p.BytesRead is { } read ? (int)Math.Min(99, read * 100 / p.TotalBytes.Value) : null;
        await db.CatalogueImportJobs.Where(j => j.Id == jobId && j.Status == ImportJobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.RowsRead, p.RowsRead).SetProperty(j => j.Accepted, p.Accepted)
            .SetProperty(j => j.RejectedRows, p.RejectedRows).SetProperty(j => j.Percent, percent), cancellationToken);
        return await db.CatalogueImportJobs.AnyAsync(j => j.Id == jobId && j.CancelRequested, cancellationToken);
    }

    private async Task FinishAsync(Guid jobId, Action<CatalogueImportJob> finish, string action, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var job = await db.CatalogueImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        finish(job);
        db.AuditAs(action, job.FileName);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The parsers report synchronously from their thread; the worker reads the last value on its own schedule.</summary>
    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private ImportProgress latest;

        public ImportProgress Latest => latest;

        public void Report(ImportProgress value) => latest = value;
    }
}

/// <summary>Runs queued import jobs one after another for the life of the site.</summary>
public sealed class ImportJobWorker(RunCatalogueImport runner, ImportJobSignal signal, ILogger<ImportJobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runner.RequeueInterruptedAsync(stoppingToken);
        }
        catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = false;
            try
            {
                ran = await runner.RunNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database hiccup; it is logged and retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Import worker failed; retrying");
            }
            if (!ran)
            {
                try { await signal.WaitAsync(PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
