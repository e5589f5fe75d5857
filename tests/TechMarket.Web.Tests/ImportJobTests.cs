using System.Net;
using System.Text;
using System.Text.Json;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Web.Tests.Infrastructure;
using static TechMarket.Web.Tests.CatalogueWorkflowTests;

namespace TechMarket.Web.Tests;

/// <summary>
/// Long imports over HTTP: queued as a background job with a persisted progress record and a JSON progress handler,
/// the full report of rejected rows at the end, cancellation that leaves nothing half-imported, owner-only access.
/// </summary>
public abstract class ImportJobTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Applicants = ["某某大学"];
    private static readonly string[] Inventors = ["张三"];

    [Fact]
    public async Task Jsonl_import_runs_as_a_job_its_progress_and_report_persist_and_only_its_organisation_sees_it()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var prefix = "CSL-job-" + Guid.NewGuid().ToString("N")[..8];
        var lines = Enumerable.Range(0, 1500).Select(i => Record($"{prefix}-{i}")).ToList();
        lines.Insert(10, "{ not json");
        lines.Insert(20, Record($"{prefix}-untitled", title: "", claims: ""));
        lines.Insert(30, Record($"{prefix}-5"));
        var job = await QueueImportAsync(seller, "Jsonl", "研究成果.jsonl", Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        var jobId = Guid.Parse(job.TrimEnd('/').Split('/')[^1]);

        var progress = await WaitForImportAsync(seller, job);
        Assert.Equal("Completed", progress.GetProperty("status").GetString());
        Assert.Equal(1503, progress.GetProperty("rowsRead").GetInt32());
        Assert.Equal(1500, progress.GetProperty("accepted").GetInt32());
        Assert.Equal(3, progress.GetProperty("rejectedRows").GetInt32());
        Assert.Equal(100, progress.GetProperty("percent").GetInt32());

        // The report lists every rejected row (file lines 11, 21, 31) and why.
        var page = await Html.ParseAsync(await seller.GetAsync(new Uri(job, UriKind.Relative), Ct));
        Assert.Equal(["11", "21", "31"], page.QuerySelectorAll("#rejected-rows tbody tr .row-number").Select(r => r.TextContent).Distinct());
        Assert.Contains("1500", page.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#commit-rule"));
        Assert.Null(page.QuerySelector("#cancel-form"));

        var stored = site.WithDb(db => db.CatalogueImportJobs.Single(j => j.Id == jobId));
        Assert.Equal(ImportJobStatus.Completed, stored.Status);
        Assert.Equal(1500, stored.DraftsCreated);
        Assert.Equal(3, stored.RejectedList.Select(r => r.Row).Distinct().Count());
        // The worker deletes the uploaded file right after the job's commit, so it may still be there for a moment.
        var uploaded = Path.Combine(site.DataPath, "files", "imports", stored.StoredFile);
        for (var i = 0; i < 100 && File.Exists(uploaded); i++) await Task.Delay(50, Ct);
        Assert.False(File.Exists(uploaded));
        Assert.Equal(1500, site.WithDb(db => db.Listings.Count(l => l.Record!.RecordId.StartsWith(prefix) && l.Status == ListingStatus.Draft)));
        var audit = site.WithDb(db => db.AuditLog.Where(a => a.EntityType == nameof(CatalogueImportJob) && a.EntityId == jobId.ToString()).Select(a => a.Action).ToList());
        Assert.Contains("import.queued", audit);
        Assert.Contains("listing.imported", audit);

        // Finished: cancelling now is refused with a message, nothing changes.
        var index = await Html.ParseAsync(await seller.GetAsync(new Uri("/seller/imports", UriKind.Relative), Ct));
        Assert.NotNull(index.QuerySelector($"#recent-imports tr[data-job='{jobId}']"));
        var token = index.QuerySelector("#import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var late = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))
        {
            var response = await seller.PostAsync(new Uri(job + "?handler=Cancel", UriKind.Relative), late, Ct);
            Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("#cancel-too-late"));
        }
        Assert.Equal(ImportJobStatus.Completed, site.WithDb(db => db.CatalogueImportJobs.Single(j => j.Id == jobId).Status));

        // Another organisation sees neither the page nor the progress, and cannot cancel.
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        Assert.Equal(HttpStatusCode.NotFound, (await company.GetAsync(new Uri(job, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.GetAsync(new Uri(job + "?handler=Progress", UriKind.Relative), Ct)).StatusCode);
        Assert.DoesNotContain(jobId.ToString(), await (await company.GetAsync(new Uri("/seller/imports", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_long_import_leaves_no_drafts_at_all()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var prefix = "CSL-cancel-" + Guid.NewGuid().ToString("N")[..8];
        var body = string.Join("\n", Enumerable.Range(0, 30_000).Select(i => Record($"{prefix}-{i}")));
        var job = await QueueImportAsync(seller, "Jsonl", "large.jsonl", Encoding.UTF8.GetBytes(body));

        // Cancelled straight away: queued or mid-parse, the job must end Cancelled with nothing committed.
        var response = await PostFormAsync(seller, job, "#cancel-form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var progress = await WaitForImportAsync(seller, job);
        Assert.Equal("Cancelled", progress.GetProperty("status").GetString());
        Assert.True(progress.GetProperty("cancelRequested").GetBoolean());
        Assert.Equal(0, site.WithDb(db => db.CatalogueRecords.Count(r => r.RecordId.StartsWith(prefix))));
        Assert.Equal(0, site.WithDb(db => db.Listings.Count(l => l.Record!.RecordId.StartsWith(prefix))));
        var page = await Html.ParseAsync(await seller.GetAsync(new Uri(job, UriKind.Relative), Ct));
        Assert.Contains("没有保存任何草稿", page.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        var jobId = Guid.Parse(job.TrimEnd('/').Split('/')[^1]);
        Assert.Contains("import.cancel_requested", site.WithDb(db => db.AuditLog.Where(a => a.EntityId == jobId.ToString()).Select(a => a.Action).ToList()));
    }

    /// <summary>One research-result line in the content/catalogue JSONL shape.</summary>
    private static string Record(string id, string title = "一种用于导入任务测试的研究成果", string claims = "1. 一种测试方法。") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["title"] = title, ["abstract"] = "导入任务测试摘要 " + id, ["claims"] = claims, ["ipc"] = Array.Empty<string>(),
            ["applicants"] = Applicants, ["inventors"] = Inventors, ["filing_date"] = null, ["grant_date"] = null,
            ["legal_status"] = null, ["language"] = "zh", ["doc_type"] = "research_paper", ["source"] = "测试", ["source_license"] = "CC-BY-4.0",
        });
}

[Collection(CatalogueSqliteCollection.Name)]
public sealed class SqliteImportJobTests(SqliteSite site) : ImportJobTests(site);

[Collection(CataloguePostgresCollection.Name)]
public sealed class PostgresImportJobTests(PostgresSite site) : ImportJobTests(site);
