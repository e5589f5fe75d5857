using Microsoft.Extensions.DependencyInjection;

namespace TechMarket.Infrastructure.Dashboards;

public static class DashboardsServiceCollectionExtensions
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddScoped<MarketFigures>();
        return services;
    }
}
