using Microsoft.Extensions.DependencyInjection;
using TechMarket.Infrastructure.Brokerage;
using TechMarket.Infrastructure.Events;

namespace TechMarket.Infrastructure;

/// <summary>Service center workspace (issue 10): brokerage pipeline, promotion events and their reminders.</summary>
public static class CenterServiceCollectionExtensions
{
    public static IServiceCollection AddCenterWorkspace(this IServiceCollection services)
    {
        services.AddScoped<OpenBrokerageCase>();
        services.AddScoped<BrokerageAccess>();
        services.AddScoped<PlanBrokerageCase>();
        services.AddScoped<MoveBrokerageCase>();
        services.AddScoped<AddBrokerageNote>();
        services.AddScoped<SendBrokerageReminders>();
        services.AddScoped<SavePromotionEvent>();
        services.AddScoped<RegisterForEvent>();
        services.AddScoped<CancelEventRegistration>();
        services.AddScoped<CheckInRegistration>();
        services.AddScoped<RecordEventResults>();
        services.AddScoped<ComputeEventResults>();
        services.AddScoped<SendEventReminders>();
        services.AddHostedService<CenterReminderService>();
        return services;
    }
}
