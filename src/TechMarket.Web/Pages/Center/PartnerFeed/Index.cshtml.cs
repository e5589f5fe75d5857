using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.PartnerFeed;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Pages.Center.PartnerFeed;

/// <summary>
/// The center's view of partner webhooks (链接全国高新区科技服务集成平台): every partner's subscriptions with their state
/// and delivery counts; registers one for a partner (the secret is shown once, to hand over), switches one off or on.
/// </summary>
[Authorize(Policy = Policies.CenterOrAdmin)]
public sealed class IndexModel(TechMarketDbContext db, IOpenIddictApplicationManager applications, RegisterWebhook register, ChangeWebhookStatus change) : PageModel
{
    public sealed record Row(WebhookSubscription Subscription, int Pending, int Delivered, int Failed, DateTimeOffset? LastAttemptAt, int? LastStatusCode);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> ClientIds { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public Guid? NewId { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "请选择合作平台 / Choose the partner.")]
    public string ClientId { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "请填写接收地址 / The URL is required.")]
    public string TargetUrl { get; set; } = "";

    [BindProperty]
    [StringLength(200, ErrorMessage = "说明最长 200 个字符 / The description may be at most 200 characters.")]
    public string? Description { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await applications.FindByClientIdAsync(ClientId, cancellationToken) is null)
        {
            ModelState.AddModelError(nameof(ClientId), "没有这个合作平台客户端 / No such partner client.");
        }
        if (ModelState.IsValid)
        {
            var (registered, problems) = await register.RunAsync(ClientId, TargetUrl, Description, cancellationToken);
            foreach (var (field, message) in problems ?? new Dictionary<string, string>())
            {
                ModelState.AddModelError(field == "url" ? nameof(TargetUrl) : nameof(Description), message);
            }
            if (registered is not null)
            {
                NewSecret = registered.Secret;
                NewId = registered.Subscription.Id;
                ModelState.Clear();
                TargetUrl = "";
                Description = null;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken)
    {
        return await change.RunAsync(id, clientId: null, active: false, cancellationToken) is null ? NotFound() : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        return await change.RunAsync(id, clientId: null, active: true, cancellationToken) is null ? NotFound() : RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.ClientId).ThenBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var counts = await db.WebhookDeliveries.AsNoTracking().GroupBy(d => new { d.SubscriptionId, d.Status })
            .Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var last = await (from a in db.WebhookDeliveryAttempts
                          join d in db.WebhookDeliveries on a.DeliveryId equals d.Id
                          select new { d.SubscriptionId, a.At, a.StatusCode }).ToListAsync(cancellationToken);
        int Count(Guid id, WebhookDeliveryStatus status) => counts.Where(c => c.SubscriptionId == id && c.Status == status).Sum(c => c.Count);
        Rows = [.. subscriptions.Select(s =>
        {
            var latest = last.Where(a => a.SubscriptionId == s.Id).MaxBy(a => a.At);
            return new Row(s, Count(s.Id, WebhookDeliveryStatus.Pending), Count(s.Id, WebhookDeliveryStatus.Delivered), Count(s.Id, WebhookDeliveryStatus.Failed), latest?.At, latest?.StatusCode);
        })];
        var clients = new List<string>();
        await foreach (var app in applications.ListAsync(200, 0, cancellationToken))
        {
            var permissions = await applications.GetPermissionsAsync(app, cancellationToken);
            if (permissions.Contains(OpenIddictConstants.Permissions.GrantTypes.ClientCredentials) && await applications.GetClientIdAsync(app, cancellationToken) is { } id) clients.Add(id);
        }
        ClientIds = [.. clients.Order(StringComparer.Ordinal)];
    }
}
