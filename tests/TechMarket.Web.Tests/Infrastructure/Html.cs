using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TechMarket.Web.Tests.Infrastructure;

internal static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>Posts a form the way a browser does, with its hidden fields (the antiforgery token among them).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? submitter = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "hidden" or "text" or "email" or "password" or "number" or "search"))
        {
            if (!string.IsNullOrEmpty(input.Name)) fields.Add(new(input.Name, input.Value));
        }
        if (submitter is IHtmlButtonElement { Name.Length: > 0 } button) fields.Add(new(button.Name!, button.Value));
        foreach (var (k, v) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == k);
            fields.Add(new(k, v));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? form.BaseUri : form.Action;
        return client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields));
    }
}
