using TechMarket.Infrastructure.Alerts;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Outbox;

namespace TechMarket.Web.Catalogue;

/// <summary>The catalogue workflow (issue 4): listing lifecycle, outbox indexing, enquiries, saved searches, imports.</summary>
internal static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<ListingTransitions>();
        services.AddScoped<SaveListingDraft>();
        services.AddScoped<SubmitListing>();
        services.AddScoped<ApproveListing>();
        services.AddScoped<RejectListing>();
        services.AddScoped<WithdrawListing>();
        services.AddScoped<RecordCoOwnerConsent>();
        services.AddScoped<ImportCatalogueFile>();
        services.AddSingleton<ImportJobSignal>();
        services.AddScoped<QueueCatalogueImport>();
        services.AddScoped<CancelCatalogueImport>();
        services.AddSingleton<RunCatalogueImport>();
        services.AddHostedService<ImportJobWorker>();
        services.AddScoped<AddListingDocument>();
        services.AddScoped<RemoveListingDocument>();
        services.AddScoped<GrantEnquiryDocuments>();
        services.AddScoped<ListingDocumentAccess>();
        services.AddOptions<DemandAlertOptions>().BindConfiguration("DemandAlerts")
            .Validate(o => o.IsValid, "DemandAlerts: MinRelativeScore must be in (0, 1], MaxOrganisations 1-1000, MaxListingsPerOrganisation 1-50").ValidateOnStart();
        services.AddScoped<MatchingListings>();
        services.AddScoped<MatchDemands>();
        services.AddScoped<MatchOrganisations>();
        services.AddScoped<SendSavedSearchDigests>();
        services.AddScoped<SendDemandMatchDigests>();
        services.AddScoped<SendMatchedDemandDigests>();
        services.AddHostedService<SavedSearchDigestJob>();
        return services;
    }

    public static void MapCatalogue(this IEndpointRouteBuilder app) => app.MapCatalogueApi();
}
