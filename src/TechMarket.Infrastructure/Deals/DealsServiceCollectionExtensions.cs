using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechMarket.Infrastructure.Documents;

namespace TechMarket.Infrastructure.Deals;

public static class DealsServiceCollectionExtensions
{
    public static IServiceCollection AddDeals(this IServiceCollection services, IConfiguration? configuration = null)
    {
        if (configuration is not null) services.Configure<DealsOptions>(configuration.GetSection("Deals"));
        else services.AddOptions<DealsOptions>();
        services.AddSingleton(sp => new DocumentPdf(sp.GetRequiredService<IOptions<DealsOptions>>().Value.CjkFontPath));
        services.AddScoped<OpenLicenceLock>();
        services.AddScoped<OpenDeal>();
        services.AddScoped<DealAccess>();
        services.AddScoped<MakeOffer>();
        services.AddScoped<RespondToOffer>();
        services.AddScoped<SetExpressLicenceTerms>();
        services.AddScoped<BuyExpressLicence>();
        services.AddScoped<DeclareOpenLicence>();
        services.AddScoped<WithdrawOpenLicence>();
        services.AddScoped<TakeOpenLicence>();
        services.AddScoped<RaiseObjection>();
        services.AddScoped<AnswerObjection>();
        services.AddScoped<EndPublicity>();
        services.AddScoped<SetInventorReward>();
        services.AddScoped<EditDealContract>();
        services.AddScoped<SignDealContract>();
        services.AddScoped<CancelDeal>();
        services.AddScoped<OpenAuctionDeals>();
        services.AddHostedService<AuctionDealScanner>();
        return services;
    }
}
