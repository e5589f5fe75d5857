using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Identity;

/// <summary>Adds the person's organisation and role to the sign-in cookie. Verification is checked live (VerifiedOrganizationHandler).</summary>
internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TechMarketClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(TechMarketClaims.OrganizationId, org.ToString()));
            identity.AddClaim(new Claim(TechMarketClaims.OrganizationRole, (user.OrganizationRole ?? OrganizationRole.Member).ToString()));
        }
        return identity;
    }
}
