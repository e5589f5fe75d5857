using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    /// <summary>Seconds a caller should wait before retrying when the database was busy.</summary>
    public const int RetryAfterSeconds = 2;

    public string? RequestId { get; private set; }

    /// <summary>The database was overloaded for a moment (<see cref="DatabaseBusy"/>): nothing was saved, retrying helps.</summary>
    public bool Busy { get; private set; }

    public Task<IActionResult> OnGetAsync() => HandleAsync();
    public Task<IActionResult> OnPostAsync() => HandleAsync();

    private async Task<IActionResult> HandleAsync()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Busy = DatabaseBusy.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        Response.StatusCode = Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (Busy) Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ApiPaths.IsApi(HttpContext))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = Busy
                    ? new ProblemDetails
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Title = "服务繁忙，请稍后重试 / The service is busy; please retry shortly",
                        Detail = $"请求未被处理，没有保存任何内容；请在 {RetryAfterSeconds} 秒后重试（出价请使用相同的 Idempotency-Key）。/ Nothing was saved; retry after {RetryAfterSeconds} s (for a bid, with the same Idempotency-Key).",
                    }
                    : new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器内部错误 / Internal server error" },
            });
            return new EmptyResult();
        }
        return Page();
    }
}
