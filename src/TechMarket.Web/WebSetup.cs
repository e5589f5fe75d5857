using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TechMarket.Infrastructure;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Dashboards;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Trading;
using TechMarket.Web.Api;
using TechMarket.Web.Auctions;
using TechMarket.Web.Catalogue;
using TechMarket.Web.Center;
using TechMarket.Web.Connect;
using TechMarket.Web.Financing;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Identity;
using TechMarket.Web.Health;
using TechMarket.Web.RdContracts;
using TechMarket.Web.Payments;
using TechMarket.Web.PartnerFeed;

namespace TechMarket.Web;

/// <summary>Composition of the site: the same for `dotnet run`, tests and containers; differences come from configuration.</summary>
internal static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static void AddTechMarketWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTechMarketInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddTechMarketIdentity();
        services.AddSingleton(sp => new Articles.ArticleLibrary(Path.Combine(sp.GetRequiredService<TechMarketPaths>().Content, "articles")));
        services.AddRdContracts();
        builder.AddPayments();
        services.AddFinancing();
        services.AddDashboards();
        services.AddListedTrades();
        services.AddDeals(builder.Configuration);
        services.AddAuctions(builder.Configuration);
        services.AddCatalogue();
        services.AddCenter();
        builder.AddPartnerFeed();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Cookie first (the language switch), then ?culture=, then the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization(o =>
            o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // Chinese text is written as is, not as &#x...; entities: the pages stay readable and small.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddDbContextCheck<TechMarketDbContext>("database")
            .AddCheck<SearchIndexHealthCheck>("search");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
    }

    public static async Task PrepareAsync(this WebApplication app)
    {
        var seed = app.Configuration.GetValue(TechMarketOptions.Section + ":" + nameof(TechMarketOptions.SeedDemoData), true);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(seed, app.Lifetime.ApplicationStopping);
        var demo = scope.ServiceProvider.GetRequiredService<DemoAccounts>();
        if (scope.ServiceProvider.GetRequiredService<IdentitySettings>().SeedDemoAccounts)
        {
            await demo.SeedAsync(app.Configuration.GetSection("Identity:DemoAppRedirectUris").Get<string[]>() ?? ["http://localhost:5173/callback"], app.Lifetime.ApplicationStopping);
        }
        else
        {
            await demo.EnsureRolesAsync();
        }
    }

    public static void UseTechMarketWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // API callers get RFC 7807 JSON; people get the friendly error page.
            ExceptionHandlingPath = "/Error",
            // A database overloaded for a moment (lock, connections) is 503 with Retry-After: nothing was written, retrying helps.
            StatusCodeSelector = e => DatabaseBusy.Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapConnectEndpoints();
        app.MapMeApi();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapSearchApi();
        app.MapRdContracts();
        app.MapPayments();
        app.MapFinancing();
        app.MapAuctions();
        app.MapCatalogue();
        app.MapCenter();
        app.MapPartnerFeed();
        Deals.DealsSetup.MapDeals(app);
        app.MapRazorPages();
        // Unknown paths are a plain 404 for everyone (re-executed into the friendly page), not a login redirect.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}
