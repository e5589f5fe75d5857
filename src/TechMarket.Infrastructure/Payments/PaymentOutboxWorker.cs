using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TechMarket.Infrastructure.Payments;

/// <summary>Drains payment_outbox every few seconds and whenever the webhook signals new work.</summary>
public sealed partial class PaymentOutboxWorker(IServiceScopeFactory scopes, PaymentOutboxSignal signal, PaymentsOptions options, ILogger<PaymentOutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.OutboxPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProcessPaymentOutbox>().RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(logger, ex);
            }
            await signal.WaitAsync(interval, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment outbox pass failed.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

/// <summary>Wakes the outbox worker early after the webhook accepted an event.</summary>
public sealed class PaymentOutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try { semaphore.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await semaphore.WaitAsync(timeout, ct).ConfigureAwait(false); }
        catch (OperationCanceledException) { /* stopping */ }
    }

    public void Dispose() => semaphore.Dispose();
}
