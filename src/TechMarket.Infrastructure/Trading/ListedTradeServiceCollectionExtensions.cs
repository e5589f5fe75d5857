using Microsoft.Extensions.DependencyInjection;

namespace TechMarket.Infrastructure.Trading;

public static class ListedTradeServiceCollectionExtensions
{
    /// <summary>Listed trades: the use cases and the expiry job.</summary>
    public static IServiceCollection AddListedTrades(this IServiceCollection services)
    {
        services.AddScoped<OpenListedTrade>();
        services.AddScoped<RegisterIntention>();
        services.AddScoped<QualifyIntention>();
        services.AddScoped<DeclineIntention>();
        services.AddScoped<WithdrawIntention>();
        services.AddScoped<RelistTrade>();
        services.AddScoped<DecideListedTrades>();
        services.AddHostedService<ListedTradeExpiryService>();
        return services;
    }
}
