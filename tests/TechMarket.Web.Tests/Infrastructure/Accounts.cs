using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TechMarket.Web.Tests.Infrastructure;

internal static class Accounts
{
    public const string DemoPassword = "TechMarket-Demo-2026";
    public const string Company = "company@demo.techmarket.local";
    public const string University = "university@demo.techmarket.local";
    public const string Unverified = "unverified@demo.techmarket.local";
    public const string Lender = "lender@demo.techmarket.local";
    public const string Evaluator = "evaluator@demo.techmarket.local";
    public const string Center = "center@demo.techmarket.local";
    public const string Admin = "admin@demo.techmarket.local";

    public static HttpClient NewClient(TechMarketSite site) => site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form (antiforgery token and all) and returns the response of the POST.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = "/Account/Login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(url, UriKind.Relative)));
        var form = (IHtmlFormElement)page.QuerySelector("#login-form")!;
        return await Html.SubmitAsync(client, form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static async Task<HttpClient> SignedInAsync(TechMarketSite site, string email, string password = DemoPassword)
    {
        var client = NewClient(site);
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        return client;
    }
}
