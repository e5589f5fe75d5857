using Microsoft.Extensions.DependencyInjection;

namespace TechMarket.Infrastructure.Financing;

public static class FinancingServiceCollectionExtensions
{
    /// <summary>IP-pledge financing: the register, the encumbrance lock, the case store and one class per use case.</summary>
    public static IServiceCollection AddFinancing(this IServiceCollection services)
    {
        services.AddScoped<PatentRegister>();
        services.AddScoped<EncumbranceGuard>();
        services.AddScoped<PledgeLock>();
        services.AddScoped<PledgeCaseStore>();
        services.AddScoped<ActOnPledgeCase>();
        services.AddScoped<CreatePledgeCase>();
        services.AddScoped<RecordValuation>();
        services.AddScoped<FilePledgeRegistration>();
        services.AddScoped<RecordPledgeRegistration>();
        services.AddScoped<ReleasePledge>();
        services.AddScoped<StartPledgeRealisation>();
        services.AddScoped<CloseRealisation>();
        services.AddScoped<CreateRealisationAuction>();
        services.AddScoped<SettleRealisationLot>();
        services.AddScoped<ApplyRealisationProceeds>();
        services.AddScoped<RecordLenderConsent>();
        services.AddScoped<PledgeStatistics>();
        services.AddScoped<SecuritisationExport>();
        services.AddSingleton<ValuationReportStore>();
        services.AddHostedService<PatentRegisterSeeder>();
        return services;
    }
}
