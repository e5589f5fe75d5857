using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TechMarket.Web.Identity;

/// <summary>
/// Platform roles always; in Development (or with Identity:SeedDemoAccounts) also one demo account per role and
/// the demo partner clients named in the README. Idempotent.
/// </summary>
internal sealed class DemoAccounts(TechMarketDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles,
    IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public const string Password = "TechMarket-Demo-2026";
    public const string PartnerClientId = "demo-partner";
    public const string PartnerClientSecret = "demo-partner-secret";
    public const string InteractiveClientId = "demo-app";
    public static readonly Guid PendingCompanyId = new("6f1c0c2e-0001-4a00-9000-0000000000a1");

    /// <summary>Demo accounts: e-mail, display name, organisation (by demo id) and role.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, Guid? Organization, OrganizationRole? OrgRole, string? PlatformRole)> Accounts =
    [
        ("unverified@demo.techmarket.local", "待认证企业用户", PendingCompanyId, OrganizationRole.Admin, null),
        ("company@demo.techmarket.local", "示例企业管理员", new("6f1c0c2e-0001-4a00-9000-000000000004"), OrganizationRole.Admin, null),
        ("university@demo.techmarket.local", "示例高校技术转移办", new("6f1c0c2e-0001-4a00-9000-000000000001"), OrganizationRole.Admin, null),
        ("lender@demo.techmarket.local", "示例银行客户经理", new("6f1c0c2e-0001-4a00-9000-000000000007"), OrganizationRole.Admin, null),
        ("evaluator@demo.techmarket.local", "示例评估师", new("6f1c0c2e-0001-4a00-9000-000000000008"), OrganizationRole.Admin, null),
        ("center@demo.techmarket.local", "服务中心工作人员", new("6f1c0c2e-0001-4a00-9000-000000000006"), OrganizationRole.Member, PlatformRoles.CenterStaff),
        ("admin@demo.techmarket.local", "平台管理员", null, null, PlatformRoles.PlatformAdmin),
    ];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
    }

    public async Task SeedAsync(IEnumerable<string> interactiveRedirectUris, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        var now = clock.GetUtcNow();
        if (!await db.Organizations.AnyAsync(o => o.Id == PendingCompanyId, cancellationToken))
        {
            if (!UnifiedSocialCreditCode.TryParse("91440310MA5G000A1" + UnifiedSocialCreditCode.CheckCharacter("91440310MA5G000A1"), out var code, out _))
            {
                throw new InvalidOperationException("The demo credit code must be valid.");
            }
            db.Organizations.Add(new Organization(PendingCompanyId, "示例待认证科技有限公司", "Example Pending Tech Co., Ltd.", OrganizationType.Company, code, isDemo: true, createdAt: now));
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var (email, name, org, orgRole, platformRole) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = org, OrganizationRole = orgRole, CreatedAt = now };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            if (platformRole is not null) await users.AddToRoleAsync(user, platformRole);
        }

        if (await applications.FindByClientIdAsync(PartnerClientId, cancellationToken) is null)
        {
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = PartnerClientId,
                ClientSecret = PartnerClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "演示合作平台 / Demo partner platform",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + "catalogue.read",
                },
            }, cancellationToken);
        }
        if (await applications.FindByClientIdAsync(InteractiveClientId, cancellationToken) is null)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = InteractiveClientId,
                ClientType = ClientTypes.Public,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "演示应用 / Demo app (authorization code + PKCE)",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email,
                    Permissions.Prefixes.Scope + "catalogue.read", Permissions.Prefixes.Scope + "auctions.bid",
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in interactiveRedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }
}
