using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using TechMarket.Web.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TechMarket.Web.Pages.Admin;

/// <summary>Partner clients (client credentials). The secret is shown once; OpenIddict stores only its hash.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class ClientsModel(IOpenIddictApplicationManager applications) : PageModel
{
    public IReadOnlyList<(string ClientId, string? Name, string? Type)> Clients { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public string? NewClientId { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "请输入客户端编号 / Client id is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,62}$", ErrorMessage = "客户端编号只能含小写字母、数字和连字符，3-63 位 / Lower-case letters, digits and hyphens, 3-63 characters.")]
    public string ClientId { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "请输入合作平台名称 / Name is required.")]
    [StringLength(200)]
    public string DisplayName { get; set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await applications.FindByClientIdAsync(ClientId, cancellationToken) is not null)
        {
            ModelState.AddModelError(nameof(ClientId), "该客户端编号已存在 / This client id exists.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "catalogue.read" },
        }, cancellationToken);
        NewClientId = ClientId;
        NewSecret = secret;
        ModelState.Clear();
        ClientId = DisplayName = "";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        var app = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (app is not null) await applications.DeleteAsync(app, cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = new List<(string, string?, string?)>();
        await foreach (var app in applications.ListAsync(200, 0, cancellationToken))
        {
            list.Add((await applications.GetClientIdAsync(app, cancellationToken) ?? "", await applications.GetDisplayNameAsync(app, cancellationToken), await applications.GetClientTypeAsync(app, cancellationToken)));
        }
        Clients = list;
    }
}
