using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechMarket.Web.Pages;

/// <summary>Re-executed for error status codes without a body: a friendly page for people, a problem document for the API.</summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class StatusModel(IProblemDetailsService problems) : PageModel
{
    public int Code { get; private set; }

    public Task<IActionResult> OnGetAsync(int code) => HandleAsync(code);
    public Task<IActionResult> OnPostAsync(int code) => HandleAsync(code);

    private async Task<IActionResult> HandleAsync(int code)
    {
        Code = code;
        Response.StatusCode = code;
        if (ApiPaths.IsApi(HttpContext))
        {
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = code } });
            return new EmptyResult();
        }
        return Page();
    }
}

internal static class ApiPaths
{
    /// <summary>True when the original request (before re-execution) was for the JSON API.</summary>
    public static bool IsApi(HttpContext context)
    {
        var original = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path.Value;
        return original?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true;
    }
}
