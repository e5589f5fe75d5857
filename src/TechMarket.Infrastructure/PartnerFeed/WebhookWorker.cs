using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>Runs fan-out then delivery every <see cref="WebhookOptions.PollInterval"/> on the injected clock; on every node (claims keep it once).</summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, WebhookOptions options, TimeProvider clock, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EnqueueWebhookEvents>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a failed round (database restart); it is logged and retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Webhook round failed; retrying");
            }
            try { await Task.Delay(options.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
