using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Files;
using TechMarket.Web.Tests.Infrastructure;
using static TechMarket.Web.Tests.CatalogueWorkflowTests;

namespace TechMarket.Web.Tests;

/// <summary>
/// Documents on the listing page over HTTP: upload with content sniffing and limits, the three visibilities (public,
/// signed-in organisations, granted on an enquiry), downloads with RFC 5987 file names, audit, removal.
/// </summary>
public abstract class ListingDocumentTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Seller_uploads_documents_each_visitor_downloads_exactly_what_its_visibility_allows_and_downloads_are_audited()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var listing = await CreateDraftAsync(seller, NewApplicationNumber(), "一种带附件资料的储能电池管理装置", "Valid");

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(seller, listing, "专利说明书.pdf", Pdf, DocumentVisibility.Public)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(seller, listing, "附图 1.png", Png, DocumentVisibility.Members)).StatusCode);
        var report = Docx();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(seller, listing, "检测报告.docx", report, DocumentVisibility.OnRequest)).StatusCode);

        // The name says PDF, the bytes are HTML: refused, with the reason, and nothing stored.
        var disguised = await UploadAsync(seller, listing, "说明.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), DocumentVisibility.Public);
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.Contains("只接受 PDF", (await Html.ParseAsync(disguised)).QuerySelector("[data-valmsg-for=Upload]")!.TextContent, StringComparison.Ordinal);
        var tooLarge = new byte[ListingDocumentStore.MaxBytes + 1];
        Pdf.CopyTo(tooLarge, 0);
        var large = await UploadAsync(seller, listing, "big.pdf", tooLarge, DocumentVisibility.Public);
        Assert.Contains("20 MB", (await Html.ParseAsync(large)).QuerySelector("[data-valmsg-for=Upload]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, site.WithDb(db => db.ListingDocuments.Count(d => d.ListingId == listing)));

        Assert.Null(await SubmitAsync(seller, listing));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, "/center/listings", $".review-item[data-listing='{listing}'] .approve-form", [])).StatusCode);
        var docs = site.WithDb(db => db.ListingDocuments.Where(d => d.ListingId == listing).ToDictionary(d => d.FileName, d => d.Id));
        var (pdf, png, docx) = (docs["专利说明书.pdf"], docs["附图 1.png"], docs["检测报告.docx"]);

        // Anonymous: the page lists all three, links only the public one; the member file asks to sign in.
        var anonymous = Accounts.NewClient(site);
        var page = await Html.ParseAsync(await anonymous.GetAsync(new Uri($"/listings/{listing}", UriKind.Relative), Ct));
        Assert.Equal(3, page.QuerySelectorAll("#documents li").Length);
        Assert.Equal([pdf.ToString()], page.QuerySelectorAll("#documents a.document-link").Select(a => a.ParentElement!.GetAttribute("data-document")));
        var download = await anonymous.GetAsync(DocumentUri(listing, pdf), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("专利说明书.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString("专利说明书.pdf"), download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var memberAnonymous = await anonymous.GetAsync(DocumentUri(listing, png), Ct);
        Assert.Equal(HttpStatusCode.Redirect, memberAnonymous.StatusCode);
        Assert.Contains("/Account/Login", memberAnonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        // A signed-in company: member file yes, on-request file not before the seller's grant.
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var member = await company.GetAsync(DocumentUri(listing, png), Ct);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal("附图 1.png", member.Content.Headers.ContentDisposition!.FileNameStar);
        AssertAccessDenied(await company.GetAsync(DocumentUri(listing, docx), Ct));

        var enquiry = await PostFormAsync(company, $"/listings/{listing}/enquire", "#enquiry-form", [new("Message", "请提供检测报告。")]);
        Assert.Equal(HttpStatusCode.Redirect, enquiry.StatusCode);
        var thread = enquiry.Headers.Location!.ToString();
        AssertAccessDenied(await company.GetAsync(DocumentUri(listing, docx), Ct));
        // Only the seller has the grant button; the buyer posting the handler itself is refused.
        var buyerThread = await Html.ParseAsync(await company.GetAsync(new Uri(thread, UriKind.Relative), Ct));
        Assert.Null(buyerThread.QuerySelector("#documents-form"));
        var buyerToken = buyerThread.QuerySelector("#reply-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var forged = new FormUrlEncodedContent([new("__RequestVerificationToken", buyerToken), new("grant", "true")]))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await company.PostAsync(new Uri(thread + "?handler=Documents", UriKind.Relative), forged, Ct)).StatusCode);
        }
        AssertAccessDenied(await company.GetAsync(DocumentUri(listing, docx), Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, thread, "#documents-form", [])).StatusCode);

        var granted = await company.GetAsync(DocumentUri(listing, docx), Ct);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", granted.Content.Headers.ContentType!.MediaType);
        Assert.Equal(report, await granted.Content.ReadAsByteArrayAsync(Ct));
        Assert.True(granted.Headers.CacheControl is { Private: true, NoStore: true }, "a confidential download must not be cached");
        // The grant is this enquiry's: another organisation is still refused.
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        AssertAccessDenied(await lender.GetAsync(DocumentUri(listing, docx), Ct));

        var companyOrg = site.WithDb(db => db.Users.Single(u => u.Email == Accounts.Company).OrganizationId);
        var downloads = site.WithDb(db => db.AuditLog.Where(a => a.Action == "listing.document_downloaded").Select(a => new { a.EntityId, a.OrganizationId }).ToList());
        Assert.Contains(downloads, d => d.EntityId == png.ToString() && d.OrganizationId == companyOrg);
        Assert.Contains(downloads, d => d.EntityId == docx.ToString() && d.OrganizationId == companyOrg);
        Assert.DoesNotContain(downloads, d => d.EntityId == pdf.ToString());
        Assert.Equal(3, site.WithDb(db => db.AuditLog.Count(a => a.Action == "listing.document_added" && (a.EntityId == pdf.ToString() || a.EntityId == png.ToString() || a.EntityId == docx.ToString()))));
        Assert.Equal(1, site.WithDb(db => db.AuditLog.Count(a => a.Action == "enquiry.documents_granted" && a.EntityType == "Enquiry" && thread.EndsWith(a.EntityId))));

        // Revoked: refused again. Removed: gone from the page, the store and the download.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, thread, "#documents-form", [])).StatusCode);
        AssertAccessDenied(await company.GetAsync(DocumentUri(listing, docx), Ct));
        var stored = site.WithDb(db => db.ListingDocuments.Single(d => d.Id == pdf).StoredName);
        var removed = await PostFormAsync(seller, $"/seller/listings/{listing}/documents", $"tr[data-document='{pdf}'] .remove-form", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(DocumentUri(listing, pdf), Ct)).StatusCode);
        Assert.False(File.Exists(Path.Combine(site.DataPath, "files", "listing-documents", stored)));
        Assert.Equal(1, site.WithDb(db => db.AuditLog.Count(a => a.Action == "listing.document_removed" && a.EntityId == pdf.ToString())));
    }

    [Fact]
    public async Task Another_organisation_cannot_open_or_upload_to_a_sellers_document_page()
    {
        site.SkipUnlessAvailable();
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var listing = await CreateDraftAsync(seller, NewApplicationNumber(), "一种资料权限测试用的传感器", "Valid");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(seller, listing, "draft.pdf", Pdf, DocumentVisibility.Public)).StatusCode);
        var document = site.WithDb(db => db.ListingDocuments.Single(d => d.ListingId == listing).Id);

        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        Assert.Equal(HttpStatusCode.NotFound, (await company.GetAsync(new Uri($"/seller/listings/{listing}/documents", UriKind.Relative), Ct)).StatusCode);
        // A draft's documents are not out yet, even public ones.
        Assert.Equal(HttpStatusCode.NotFound, (await company.GetAsync(DocumentUri(listing, document), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.NewClient(site).GetAsync(DocumentUri(listing, document), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await seller.GetAsync(DocumentUri(listing, document), Ct)).StatusCode);
        // The company's own token on the company's own page, posted to the seller's listing.
        var own = await Html.ParseAsync(await company.GetAsync(new Uri("/seller/imports", UriKind.Relative), Ct));
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = Multipart(token, "x.pdf", Pdf, DocumentVisibility.Public);
        Assert.Equal(HttpStatusCode.NotFound, (await company.PostAsync(new Uri($"/seller/listings/{listing}/documents", UriKind.Relative), content, Ct)).StatusCode);
        Assert.Equal(1, site.WithDb(db => db.ListingDocuments.Count(d => d.ListingId == listing)));
    }

    /// <summary>Signed in but not allowed: the cookie scheme's forbid, i.e. the access-denied page.</summary>
    private static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Uri DocumentUri(Guid listing, Guid document) => new($"/listings/{listing}/documents/{document}", UriKind.Relative);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid listing, string fileName, byte[] bytes, DocumentVisibility visibility)
    {
        var url = $"/seller/listings/{listing}/documents";
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative), Ct));
        var token = page.QuerySelector("#document-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = Multipart(token, fileName, bytes, visibility);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
    }

    private static MultipartFormDataContent Multipart(string token, string fileName, byte[] bytes, DocumentVisibility visibility)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(visibility.ToString()), "Visibility" },
        };
        var file = new ByteArrayContent(bytes);
        // The browser's claim is not trusted either way.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        return content;
    }

    /// <summary>A minimal but real Office Open XML word-processing package.</summary>
    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>检测报告</w:t></w:r></w:p></w:body></w:document>""");
        }
        return buffer.ToArray();
    }
}

[Collection(CatalogueSqliteCollection.Name)]
public sealed class SqliteListingDocumentTests(SqliteSite site) : ListingDocumentTests(site);

[Collection(CataloguePostgresCollection.Name)]
public sealed class PostgresListingDocumentTests(PostgresSite site) : ListingDocumentTests(site);
