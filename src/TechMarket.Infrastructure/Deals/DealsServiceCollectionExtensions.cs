using Microsoft.Extensions.DependencyInjection;

namespace TechMarket.Infrastructure.Deals;

public static class DealsServiceCollectionExtensions
{
    public static IServiceCollection AddDeals(this IServiceCollection services)
    {
        services.AddScoped<OpenDeal>();
        return services;
    }
}
