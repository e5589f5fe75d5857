using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Seeding;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>The walking skeleton through every layer, on each database provider.</summary>
public abstract class FoundationTests(TechMarketSite site)
{
    private const int SeedRecordCount = 4680; // 696 + 2000 + 1984 lines in content/catalogue

    private HttpClient Client()
    {
        site.SkipUnlessAvailable();
        return site.CreateClient(new() { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task Health_is_200_when_database_and_index_answer()
    {
        var response = await Client().GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("search").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Searching_battery_returns_seeded_records_with_source_ids()
    {
        var response = await Client().GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("电池") + "&size=5", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(body.RootElement.GetProperty("total").GetInt64() > 5);
        var items = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        foreach (var item in items)
        {
            Assert.True(Guid.TryParse(item.GetProperty("id").GetString(), out _));
            Assert.Matches("^(CN\\d+[A-Z]\\d?|CSL-\\w+-\\d+|US\\d+|KPZH-T\\d+)$", item.GetProperty("recordId").GetString()!);
            Assert.Contains("电池", item.GetProperty("title").GetString() + item.GetProperty("snippet").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("type").GetString()));
        }
        Assert.Contains("<mark>电池</mark>", string.Concat(items.Select(i => i.GetProperty("snippet").GetString())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CN113914863A", "近水平薄矿体智能掘进机")]
    [InlineData("CSL-dev-0000", "飞行器大角度机动镇定控制器")]
    [InlineData("US8637286", "increasing product yields")]
    public async Task A_known_record_is_found_by_words_of_its_title(string recordId, string words)
    {
        var response = await Client().GetAsync(new Uri("/api/v1/search?size=10&q=" + Uri.EscapeDataString(words), UriKind.Relative), TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var ids = body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("recordId").GetString()).ToList();
        Assert.Contains(recordId, ids);
    }

    [Theory]
    [InlineData("size=abc", "size")]
    [InlineData("size=0", "size")]
    [InlineData("size=101", "size")]
    [InlineData("page=-1", "page")]
    [InlineData("type=spaceship", "type")]
    [InlineData("tradeMode=barter", "tradeMode")]
    [InlineData("sort=random", "sort")]
    public async Task Invalid_parameter_gets_a_problem_document_naming_the_field(string query, string field)
    {
        var response = await Client().GetAsync(new Uri("/api/v1/search?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"unbalanced quote",
        "(((电池",
        "title:电池 AND NOT abstract:[* TO *]",
        "电池~0.5^10 \\ / { } ! ? *",
        "%FF%FE%C3%28", // broken UTF-8 bytes
        new string('锂', 10_000),
        "<script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_query_text_gets_200_or_400_never_500(string text)
    {
        var q = text.StartsWith('%') ? text : Uri.EscapeDataString(text);
        var response = await Client().GetAsync(new Uri("/api/v1/search?q=" + q, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_over_ten_thousand_characters_is_400()
    {
        var response = await Client().GetAsync(new Uri("/api/v1/search?q=" + new string('a', 10_001), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Home_page_is_chinese_with_counts_latest_listings_and_demo_marks()
    {
        var response = await Client().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("坪山科技服务大市场", doc.Title, StringComparison.Ordinal);
        foreach (var area in new[] { "科技成果/专利", "挂牌交易", "网上竞价", "技术需求与定向研发", "知识产权质押融资", "服务中心" })
        {
            Assert.Contains(doc.QuerySelectorAll("nav a"), a => a.TextContent.Trim() == area);
        }
        var researchCount = doc.QuerySelector("[data-testid=count-ResearchResult]")!.TextContent.Trim();
        Assert.Equal("2,000", researchCount);
        Assert.Equal(8, doc.QuerySelectorAll(".listing-cards li").Length);
        Assert.All(doc.QuerySelectorAll(".listing-cards li"), li => Assert.NotNull(li.QuerySelector(".demo-badge")));
        var icon = doc.QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
        var served = await Client().GetAsync(new Uri(icon, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Language_switch_posts_with_antiforgery_and_the_page_turns_english()
    {
        var client = Client();
        var home = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));
        var form = (IHtmlFormElement)home.QuerySelector("#culture-switch")!;
        var button = (IHtmlButtonElement)form.QuerySelector("button[name=culture]")!;
        Assert.Equal("en", button.Value);
        var switched = await Html.SubmitAsync(client, form, submitter: button);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var english = await Html.ParseAsync(await client.SendAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains(english.QuerySelectorAll("nav a"), a => a.TextContent.Trim() == "Online Auctions");
    }

    [Fact]
    public async Task Language_switch_without_antiforgery_token_is_refused()
    {
        var response = await Client().PostAsync(new Uri("/culture", UriKind.Relative),
            new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404_and_unknown_api_path_a_problem_document()
    {
        var client = Client();
        var page = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var api = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Listing_page_shows_the_record_seller_and_demo_mark()
    {
        var client = Client();
        var id = site.WithDb(db => db.Listings.Where(l => l.Record!.RecordId == "CN113914863A").Select(l => l.Id).Single());
        var response = await client.GetAsync(new Uri($"/listings/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("近水平薄矿体智能掘进机机械开采方法", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("h1 .demo-badge"));
        Assert.Contains("KPPatent-ZH", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task About_page_credits_every_data_source()
    {
        var text = await Client().GetStringAsync(new Uri("/About", UriKind.Relative), TestContext.Current.CancellationToken);
        foreach (var source in new[] { "KPPatent-ZH", "ydli-ai/CSL", "BioPAT-Benchmark", "USPTO/PatentPublicData", "MIT", "Apache-2.0", "CC0" })
        {
            Assert.Contains(source, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        site.SkipUnlessAvailable();
        var before = site.WithDb(db => (db.CatalogueRecords.Count(), db.Listings.Count(), db.Organizations.Count()));
        using var scope = site.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<CatalogueSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, report.RecordsAdded);
        Assert.Equal(0, report.OrganizationsAdded);
        Assert.Equal(before.Item1, report.RecordsSkipped);
        Assert.Equal(before, site.WithDb(db => (db.CatalogueRecords.Count(), db.Listings.Count(), db.Organizations.Count())));
    }

    [Fact]
    public void Every_seed_record_is_stored_once_and_published_as_demo()
    {
        site.SkipUnlessAvailable();
        var (records, distinct, demoPublished) = site.WithDb(db => (
            db.CatalogueRecords.Count(),
            db.CatalogueRecords.Select(r => r.RecordId).Distinct().Count(),
            db.Listings.Count(l => l.IsDemo && l.Status == ListingStatus.Published)));
        Assert.Equal(SeedRecordCount, records);
        Assert.Equal(records, distinct);
        Assert.Equal(records, demoPublished);
    }
}

// Own sites: these tests count exactly what the seed put in, so no other suite may add listings or records beside them
// (the shared sites' auction, pledge-realisation and R&D suites publish listings of their own).
[CollectionDefinition(Name)]
public sealed class FoundationSqliteCollection : ICollectionFixture<SqliteSite>
{
    public const string Name = "foundation sqlite site";
}

[CollectionDefinition(Name)]
public sealed class FoundationPostgresCollection : ICollectionFixture<PostgresSite>
{
    public const string Name = "foundation postgres site";
}

[Collection(FoundationSqliteCollection.Name)]
public sealed class SqliteFoundationTests(SqliteSite site) : FoundationTests(site);

[Collection(FoundationPostgresCollection.Name)]
public sealed class PostgresFoundationTests(PostgresSite site) : FoundationTests(site);
