using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Validation.AspNetCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Identity;

public static class Policies
{
    /// <summary>Member of an organisation the center has verified: may list, bid, pay deposits, apply for financing.</summary>
    public const string VerifiedMember = "VerifiedMember";
    public const string OrganizationMember = "OrganizationMember";
    public const string OrganizationAdmin = "OrganizationAdmin";
    public const string CenterStaff = "CenterStaff";
    public const string CenterOrAdmin = "CenterOrAdmin";
    public const string PlatformAdmin = "PlatformAdmin";
    /// <summary>A bearer token (or the site cookie) with scope catalogue.read.</summary>
    public const string ApiCatalogueRead = "ApiCatalogueRead";
    public const string ApiAuctionsBid = "ApiAuctionsBid";

    public static void Add(AuthorizationOptions options)
    {
        // Secure by default: every endpoint needs a signed-in person unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(OrganizationMember, p => p.RequireAuthenticatedUser().RequireClaim(TechMarketClaims.OrganizationId));
        options.AddPolicy(OrganizationAdmin, p => p.RequireAuthenticatedUser().RequireClaim(TechMarketClaims.OrganizationRole, nameof(OrganizationRole.Admin)));
        options.AddPolicy(VerifiedMember, p => p.RequireAuthenticatedUser().AddRequirements(new VerifiedOrganizationRequirement()));
        options.AddPolicy(CenterStaff, p => p.RequireRole(PlatformRoles.CenterStaff));
        options.AddPolicy(CenterOrAdmin, p => p.RequireRole(PlatformRoles.CenterStaff, PlatformRoles.PlatformAdmin));
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(PlatformRoles.PlatformAdmin));
        options.AddPolicy(ApiCatalogueRead, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser().AddRequirements(new ScopeRequirement("catalogue.read")));
        options.AddPolicy(ApiAuctionsBid, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser().AddRequirements(new ScopeRequirement("auctions.bid")));
    }
}

public sealed record VerifiedOrganizationRequirement : IAuthorizationRequirement;

/// <summary>Reads verification from the database on each check, so an approval or revocation applies at once.</summary>
internal sealed class VerifiedOrganizationHandler(TechMarketDbContext db) : AuthorizationHandler<VerifiedOrganizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VerifiedOrganizationRequirement requirement)
    {
        if (context.User.OrganizationId() is not { } orgId) return;
        var verified = await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == orgId && o.Verification == VerificationStatus.Verified);
        if (verified) context.Succeed(requirement);
    }
}

public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Bearer tokens must carry the scope; a person signed in on the site acts with all scopes of their role.</summary>
internal sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var viaToken = context.User.Identities.Any(i => i.AuthenticationType == OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme || i.HasClaim(c => c.Type == OpenIddict.Abstractions.OpenIddictConstants.Claims.Private.Scope));
        if (!viaToken || context.User.HasClaim(OpenIddict.Abstractions.OpenIddictConstants.Claims.Private.Scope, requirement.Scope))
        {
            if (context.User.Identity?.IsAuthenticated == true) context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(TechMarketClaims.OrganizationId), out var id) ? id : null;

    public static bool IsCenterStaff(this ClaimsPrincipal user) => user?.IsInRole(PlatformRoles.CenterStaff) == true;
}
