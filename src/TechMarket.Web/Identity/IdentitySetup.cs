using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Identity;

/// <summary>Section "Identity".</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";
    /// <summary>PFX with the token signing key; required outside Development.</summary>
    public CertificateFile? SigningCertificate { get; set; }
    /// <summary>PFX with the token encryption key; required outside Development.</summary>
    public CertificateFile? EncryptionCertificate { get; set; }
    /// <summary>OpenID Connect endpoints need HTTPS; off only where TLS ends in front of the site or in tests.</summary>
    public bool RequireHttps { get; set; } = true;
    /// <summary>Seed the demo partner clients and one demo account per role (Development: on by default).</summary>
    public bool SeedDemoAccounts { get; set; }
}

public sealed class CertificateFile
{
    public string Path { get; set; } = "";
    public string? Password { get; set; }
}

internal static class IdentitySetup
{
    public static readonly string[] Scopes = ["openid", "profile", "email", "offline_access", "catalogue.read", "auctions.bid"];

    public static void AddTechMarketIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        if (builder.Environment.IsDevelopment() && builder.Configuration[$"{IdentitySettings.Section}:{nameof(IdentitySettings.SeedDemoAccounts)}"] is null)
        {
            settings.SeedDemoAccounts = true;
        }
        if (builder.Environment.IsDevelopment() && builder.Configuration[$"{IdentitySettings.Section}:{nameof(IdentitySettings.RequireHttps)}"] is null)
        {
            settings.RequireHttps = false;
        }
        services.AddSingleton(settings);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // Lockout: 5 failed sign-ins lock the account for 5 minutes (the login page passes lockoutOnFailure: true).
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
            })
            .AddEntityFrameworkStores<TechMarketDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "techmarket.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            // The JSON API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });

        // Several web nodes share cookies and tokens: the key ring lives in the database.
        services.AddDataProtection().PersistKeysToDbContext<TechMarketDbContext>().SetApplicationName("TechMarket");

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<TechMarketDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                 .SetTokenEndpointUris("connect/token")
                 .SetRevocationEndpointUris("connect/revoke")
                 .SetEndSessionEndpointUris("connect/logout")
                 .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                 .AllowClientCredentialsFlow()
                 .AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes);
                AddKeys(o, builder.Environment, settings);
                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!settings.RequireHttps) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });

        services.AddScoped<IAuthorizationHandler, VerifiedOrganizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        services.AddAuthorization(Policies.Add);
        services.AddScoped<DemoAccounts>();
    }

    /// <summary>Development keys only in Development; elsewhere certificate files from configuration, or start-up stops.</summary>
    private static void AddKeys(Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder o, IWebHostEnvironment environment, IdentitySettings settings)
    {
        if (settings.SigningCertificate is { Path.Length: > 0 } signing && settings.EncryptionCertificate is { Path.Length: > 0 } encryption)
        {
            o.AddSigningCertificate(Load(signing, "Identity:SigningCertificate"));
            o.AddEncryptionCertificate(Load(encryption, "Identity:EncryptionCertificate"));
            return;
        }
        if (environment.IsDevelopment())
        {
            o.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
            return;
        }
        throw new InvalidOperationException(
            "OpenID Connect signing and encryption keys are not configured. Set Identity:SigningCertificate:Path and " +
            "Identity:EncryptionCertificate:Path (PFX files, with :Password if needed). 未配置令牌签名/加密证书，站点无法启动。");
    }

    private static X509Certificate2 Load(CertificateFile file, string key)
    {
        if (!File.Exists(file.Path)) throw new InvalidOperationException($"{key}:Path '{file.Path}' does not exist. 证书文件不存在。");
        return X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Identity's error messages in Chinese with the English after them.</summary>
internal sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"邮箱 {email} 已被注册 / The e-mail {email} is already registered." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"账号 {userName} 已被注册 / {userName} is already registered." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位 / The password needs at least {length} characters." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码至少包含一个数字 / The password needs a digit." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码至少包含一个小写字母 / The password needs a lower-case letter." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "链接无效或已过期 / The link is invalid or has expired." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确 / The current password is wrong." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"邮箱格式不正确 / '{email}' is not a valid e-mail." };
}
