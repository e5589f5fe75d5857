using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Duende.IdentityModel.Client;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

public abstract partial class IdentityTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient NewClient()
    {
        site.SkipUnlessAvailable();
        return Accounts.NewClient(site);
    }

    [Fact]
    public async Task Register_confirm_through_the_written_mail_create_organisation_get_verified_then_trade()
    {
        var client = NewClient();
        var email = $"ttofficer-{Guid.NewGuid():N}@example.edu.cn";

        // Register through the form.
        var registerPage = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/Register", UriKind.Relative), Ct));
        var weak = await Html.SubmitAsync(client, (IHtmlFormElement)registerPage.QuerySelector("form[method=post]:not(#culture-switch)")!, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "张老师", ["Input.Email"] = email, ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        var weakPage = await Html.ParseAsync(weak);
        Assert.Contains("密码至少 8 位", weakPage.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, ((IHtmlInputElement)weakPage.QuerySelector("#Input_Email")!).Value); // what the user typed is kept

        var registered = await Html.SubmitAsync(client, (IHtmlFormElement)registerPage.QuerySelector("form[method=post]:not(#culture-switch)")!, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "张老师", ["Input.Email"] = email, ["Input.Password"] = "correct-horse-9", ["Input.ConfirmPassword"] = "correct-horse-9",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        // Unconfirmed: sign-in is refused with a clear message.
        var early = await Html.ParseAsync(await Accounts.PostLoginAsync(client, email, "correct-horse-9"));
        Assert.Contains("请先点击确认邮件中的链接", early.Body!.TextContent, StringComparison.Ordinal);

        // Confirm with the link from the .eml file the site wrote.
        var link = await ReadLinkFromMailAsync(email, "/Account/ConfirmEmail");
        var confirmed = await Html.ParseAsync(await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), Ct));
        Assert.NotNull(confirmed.QuerySelector("#email-confirmed"));
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostLoginAsync(client, email, "correct-horse-9")).StatusCode);

        // Create an organisation: a bad credit code and a non-image file are refused field by field.
        var createPage = await Html.ParseAsync(await client.GetAsync(new Uri("/Organizations/Create", UriKind.Relative), Ct));
        var token = ((IHtmlInputElement)createPage.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!).Value;
        var bad = await PostOrganizationAsync(client, token, "91440310MA5G00004X", Encoding.UTF8.GetBytes("MZ not a pdf"));
        var badPage = await Html.ParseAsync(bad);
        Assert.Contains("校验位不正确", badPage.QuerySelector("[data-valmsg-for='Input.CreditCode']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("坪山测试大学", ((IHtmlInputElement)badPage.QuerySelector("#Input_Name")!).Value);

        var code = "12440310MB" + RandomDigits(7);
        code += UnifiedSocialCreditCode.CheckCharacter(code);
        var notImage = await Html.ParseAsync(await PostOrganizationAsync(client, token, code, Encoding.UTF8.GetBytes("MZ not a pdf")));
        Assert.Contains("只接受 PDF、JPG 或 PNG", notImage.QuerySelector("[data-valmsg-for='Licence']")!.TextContent, StringComparison.Ordinal);

        var created = await PostOrganizationAsync(client, token, code, Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var orgId = site.WithDb(db => db.Organizations.Single(o => o.CreditCode == code).Id);

        // Pending: can browse, cannot trade.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/search?q=电池", UriKind.Relative), Ct)).StatusCode);
        Assert.False(await CanTradeAsync(client));

        // Another company cannot see the licence scan; the center can.
        var other = await Accounts.SignedInAsync(site, Accounts.Company);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/Organizations/Licence/{orgId}", UriKind.Relative), Ct)).StatusCode);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var scan = await center.GetAsync(new Uri($"/Organizations/Licence/{orgId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType!.MediaType);

        // A company member cannot use the verification queue.
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync(new Uri("/Center/Verification", UriKind.Relative), Ct)).StatusCode);

        // The center rejects without a reason (refused), then approves.
        var queue = await Html.ParseAsync(await center.GetAsync(new Uri("/Center/Verification", UriKind.Relative), Ct));
        var row = queue.QuerySelector($"tr[data-org='{orgId}']")!;
        var rejectForm = (IHtmlFormElement)row.QuerySelectorAll("form")[1];
        var noReason = await Html.ParseAsync(await Html.SubmitAsync(center, rejectForm, new Dictionary<string, string> { ["Reason"] = "" }));
        Assert.Contains("驳回必须说明理由", noReason.Body!.TextContent, StringComparison.Ordinal);
        var approve = await Html.SubmitAsync(center, (IHtmlFormElement)row.QuerySelectorAll("form")[0]);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        Assert.True(await CanTradeAsync(client));
        var audit = site.WithDb(db => db.AuditLog.Where(a => a.EntityType == "Organization" && a.EntityId == orgId.ToString()).OrderBy(a => a.Id).ToList());
        Assert.Equal(["organization.created", "organization.approved"], audit.Select(a => a.Action));
        var centerUserId = site.WithDb(db => db.Users.Single(u => u.Email == Accounts.Center).Id);
        Assert.Equal(centerUserId, audit[1].UserId);
        Assert.Contains("\"Verification\":\"Pending\"", audit[1].Before!, StringComparison.Ordinal);
        Assert.Contains("\"Verification\":\"Verified\"", audit[1].After!, StringComparison.Ordinal);
        // The applicant is told.
        Assert.Contains("已通过认证", await ReadMailAsync(email, "已通过认证"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_five_minutes()
    {
        var client = NewClient();
        var email = $"lock-{Guid.NewGuid():N}@example.com";
        await RegisterConfirmedAsync(email, "right-password-1");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Html.ParseAsync(await Accounts.PostLoginAsync(client, email, "wrong-password"));
            Assert.Contains(i < 4 ? "邮箱或密码不正确" : "锁定", wrong.Body!.TextContent, StringComparison.Ordinal);
        }
        var locked = await Html.ParseAsync(await Accounts.PostLoginAsync(client, email, "right-password-1"));
        Assert.Contains("锁定 5 分钟", locked.Body!.TextContent, StringComparison.Ordinal);
        var lockoutEnd = site.WithDb(db => db.Users.Single(u => u.Email == email).LockoutEnd);
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
    }

    [Fact]
    public async Task Client_credentials_through_discovery_then_the_search_api_with_the_token()
    {
        var client = NewClient();
        var discovery = await client.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = client.BaseAddress!.ToString(),
            Policy = { RequireHttps = false, ValidateIssuerName = false, ValidateEndpoints = false },
        }, Ct);
        Assert.False(discovery.IsError, discovery.Error);
        Assert.Contains("S256", discovery.CodeChallengeMethodsSupported);
        Assert.Contains("catalogue.read", discovery.ScopesSupported);

        var token = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = "demo-partner", ClientSecret = "demo-partner-secret", Scope = "catalogue.read",
        }, Ct);
        Assert.False(token.IsError, token.Error);

        using var search = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=" + Uri.EscapeDataString("电池"));
        search.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var found = await client.SendAsync(search, Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var body = JsonDocument.Parse(await (await client.SendAsync(me, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal("demo-partner", body.RootElement.GetProperty("subject").GetString());
        Assert.Contains("catalogue.read", body.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var forged = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = "demo-partner", ClientSecret = "not-the-secret", Scope = "catalogue.read",
        }, Ct);
        Assert.True(forged.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.HttpStatusCode);
        Assert.Contains("invalid_client", forged.Raw, StringComparison.Ordinal);

        var overreach = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = "demo-partner", ClientSecret = "demo-partner-secret", Scope = "auctions.bid",
        }, Ct);
        Assert.True(overreach.IsError);

        using var noToken = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(noToken, Ct)).StatusCode);
        using var badToken = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        badToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(badToken, Ct)).StatusCode);
    }

    [Fact]
    public async Task Authorization_code_with_pkce_end_to_end_refresh_and_revoke()
    {
        var client = NewClient();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?client_id=demo-app&response_type=code&scope=" + Uri.EscapeDataString("openid profile email offline_access catalogue.read") +
            "&redirect_uri=" + Uri.EscapeDataString(TechMarketSite.DemoAppRedirectUri) + "&state=xyz&code_challenge=" + challenge + "&code_challenge_method=S256";

        // Without PKCE the request is refused: PKCE is required.
        var noPkce = await client.GetAsync(new Uri(authorize[..authorize.IndexOf("&code_challenge", StringComparison.Ordinal)], UriKind.Relative), Ct);
        Assert.True(noPkce.StatusCode == HttpStatusCode.BadRequest || noPkce.Headers.Location?.ToString().Contains("error=invalid_request", StringComparison.Ordinal) == true,
            $"{noPkce.StatusCode} {noPkce.Headers.Location}");

        // Not signed in: sent to the login page, which brings us back.
        var first = await client.GetAsync(new Uri(authorize, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/Login", first.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var returnUrl = System.Web.HttpUtility.ParseQueryString(first.Headers.Location!.Query)["ReturnUrl"]!;
        var login = await Accounts.PostLoginAsync(client, Accounts.Company, Accounts.DemoPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var back = await client.GetAsync(login.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(TechMarketSite.DemoAppRedirectUri, callback.ToString(), StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal("xyz", query["state"]);

        // The code with a wrong verifier is refused; with the right one it gives tokens.
        var wrong = await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = "demo-app", Code = query["code"]!, RedirectUri = TechMarketSite.DemoAppRedirectUri, CodeVerifier = Base64Url(RandomNumberGenerator.GetBytes(32)),
        }, Ct);
        Assert.True(wrong.IsError);

        // A code is single-use: the failed attempt above already consumed it, so start again.
        var again = await client.GetAsync(new Uri(authorize, UriKind.Relative), Ct);
        var code = System.Web.HttpUtility.ParseQueryString(again.Headers.Location!.Query)["code"]!;
        var tokens = await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = "demo-app", Code = code, RedirectUri = TechMarketSite.DemoAppRedirectUri, CodeVerifier = verifier,
        }, Ct);
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        Assert.NotNull(tokens.IdentityToken);
        Assert.NotNull(tokens.RefreshToken);

        var companyUserId = site.WithDb(db => db.Users.Single(u => u.Email == Accounts.Company).Id.ToString());
        Assert.Equal(companyUserId, await SubjectAsync(client, tokens.AccessToken!));

        var refreshed = await client.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = "/connect/token", ClientId = "demo-app", RefreshToken = tokens.RefreshToken! }, Ct);
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.Equal(companyUserId, await SubjectAsync(client, refreshed.AccessToken!));

        var revoked = await client.RevokeTokenAsync(new TokenRevocationRequest { Address = "/connect/revoke", ClientId = "demo-app", Token = refreshed.RefreshToken!, TokenTypeHint = "refresh_token" }, Ct);
        Assert.False(revoked.IsError, revoked.Error);
        var afterRevoke = await client.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = "/connect/token", ClientId = "demo-app", RefreshToken = refreshed.RefreshToken! }, Ct);
        Assert.True(afterRevoke.IsError);
    }

    private static async Task<string?> SubjectAsync(HttpClient client, string accessToken)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await client.SendAsync(me, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("subject").GetString();
    }

    private static async Task<bool> CanTradeAsync(HttpClient client)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/me/permissions", UriKind.Relative), Ct));
        var flags = PermissionFlags.Select(f => body.RootElement.GetProperty(f).GetBoolean()).Distinct().ToList();
        return Assert.Single(flags);
    }

    private static readonly string[] PermissionFlags = ["canList", "canBid", "canPayDeposits", "canApplyForFinancing"];

    private async Task RegisterConfirmedAsync(string email, string password)
    {
        var client = Accounts.NewClient(site);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/Account/Register", UriKind.Relative), Ct));
        await Html.SubmitAsync(client, (IHtmlFormElement)page.QuerySelector("form[method=post]:not(#culture-switch)")!, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "测试", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        var link = await ReadLinkFromMailAsync(email, "/Account/ConfirmEmail");
        await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), Ct);
    }

    private static Task<HttpResponseMessage> PostOrganizationAsync(HttpClient client, string antiforgery, string creditCode, byte[] licence)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new StringContent("坪山测试大学"), "Input.Name" },
            { new StringContent("University"), "Input.Type" },
            { new StringContent(creditCode), "Input.CreditCode" },
            { new StringContent("李四"), "Input.ContactName" },
            { new StringContent("0755-12345678"), "Input.ContactPhone" },
        };
        var file = new ByteArrayContent(licence);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // the declared type is not trusted
        form.Add(file, "Licence", "licence.pdf");
        return client.PostAsync(new Uri("/Organizations/Create", UriKind.Relative), form, Ct);
    }

    private async Task<string> ReadMailAsync(string to, string containing)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(site.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(site.MailFolder, "*.eml"))
                {
                    using var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
                    var text = message.Subject + "\n" + message.TextBody;
                    if (message.To.Mailboxes.Any(m => m.Address == to) && text.Contains(containing, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }
            await Task.Delay(100, Ct);
        }
        throw new InvalidOperationException($"No mail to {to} containing {containing}");
    }

    private async Task<Uri> ReadLinkFromMailAsync(string to, string path)
    {
        var text = await ReadMailAsync(to, path);
        return new Uri(LinkPattern().Match(text).Value);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string RandomDigits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => RandomNumberGenerator.GetInt32(10)));
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIdentityTests(SqliteSite site) : IdentityTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIdentityTests(PostgresSite site) : IdentityTests(site);
