using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using TechMarket.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TechMarket.Web.Connect;

/// <summary>
/// OpenID Connect endpoints for partner systems (OpenIddict runs the protocol; these handlers decide who gets what).
/// Authorization code + PKCE for applications acting for a person; client credentials for machine access to /api/v1.
/// </summary>
internal static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").ExcludeFromDescription().AllowAnonymous();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery();
        connect.MapPost("/token", TokenAsync).DisableAntiforgery();
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], LogoutAsync).DisableAntiforgery();
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).DisableAntiforgery();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<AppUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            // Not signed in: the login page brings the person back here with the same parameters.
            var parameters = http.Request.HasFormContentType ? [.. http.Request.Form] : http.Request.Query.ToList();
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }
        var user = await users.GetUserAsync(cookie.Principal);
        if (user is null) return Forbid("login_required", "The signed-in account no longer exists.");
        var identity = await PersonIdentityAsync(users, user, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already authenticated the client (secret checked against its hash) and its scope permissions.
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
            // A person locked out or removed since the code/refresh token was issued gets nothing more.
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The account can no longer sign in. 账号已不可用。");
            }
            var identity = await PersonIdentityAsync(users, user, result.Principal!.GetScopes());
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<AppUser> users)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
        if (user is null) return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var scopes = result.Principal!.GetScopes();
        var claims = new Dictionary<string, object?> { [Claims.Subject] = user.Id.ToString() };
        if (scopes.Contains(Scopes.Profile)) claims[Claims.Name] = user.DisplayName;
        if (scopes.Contains(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }
        return Results.Ok(claims);
    }

    private static async Task<ClaimsIdentity> PersonIdentityAsync(UserManager<AppUser> users, AppUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
                .SetClaim(Claims.Email, user.Email)
                .SetClaim(Claims.Name, user.DisplayName)
                .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        if (user.OrganizationId is { } org) identity.SetClaim(TechMarketClaims.OrganizationId, org.ToString());
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name when claim.Subject!.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when claim.Subject!.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

/// <summary>Small authenticated API surface: who the caller is (person via cookie or token, or a partner client).</summary>
internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            subject = user.FindFirstValue(Claims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier),
            name = user.FindFirstValue(Claims.Name) ?? user.Identity?.Name,
            organizationId = user.FindFirstValue(TechMarketClaims.OrganizationId),
            scopes = user.FindAll(Claims.Private.Scope).Select(c => c.Value).ToArray(),
        }))
        .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(
            OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
        .WithTags("Account").WithSummary("The caller: a signed-in person (cookie or bearer token) or a partner client.");

        // What the caller's organisation may do now; an unverified organisation can browse but not trade.
        app.MapGet("/api/v1/me/permissions", async (ClaimsPrincipal user, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) =>
        {
            var verified = (await authorization.AuthorizeAsync(user, null, Identity.Policies.VerifiedMember)).Succeeded;
            return Results.Ok(new { canList = verified, canBid = verified, canPayDeposits = verified, canApplyForFinancing = verified });
        })
        .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(
            OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
        .WithTags("Account").WithSummary("Whether the caller's organisation may list, bid, pay deposits and apply for financing (verified organisations only).");
    }
}
