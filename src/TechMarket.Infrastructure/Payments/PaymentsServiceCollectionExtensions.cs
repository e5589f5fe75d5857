using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TechMarket.Infrastructure.Files;

namespace TechMarket.Infrastructure.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>The named HttpClient Stripe.net talks through (tests give it an in-process handler).</summary>
    public const string StripeHttpClient = "stripe";

    /// <summary>
    /// Ledger, deposits, offline transfers and settlement always; Stripe (card deposits and the webhook) only when
    /// Stripe:SecretKey and Stripe:WebhookSecret are configured.
    /// </summary>
    public static IServiceCollection AddTechMarketPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(PaymentsOptions.SectionName).Get<PaymentsOptions>() ?? new PaymentsOptions();
        var stripeOptions = configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() ?? new StripeOptions();
        services.AddSingleton(options);
        services.AddSingleton(stripeOptions);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReceiptSlipStore>();
        services.AddScoped<PostJournalEntry>();
        services.AddScoped<RequireDeposit>();
        services.AddScoped<RecordBankReceipt>();
        services.AddScoped<ResolveFlaggedReceipt>();
        services.AddScoped<ReleaseDeposit>();
        services.AddScoped<ForfeitDeposit>();
        services.AddScoped<CloseDepositSubject>();
        services.AddScoped<SettleDeal>();
        services.AddScoped<RecordSellerPayout>();
        // R&D milestone escrow lives in this ledger: bank receipts and card payments fund it through the contract's domain.
        services.TryAddScoped<RdContracts.RdContractStore>();
        services.TryAddScoped<RdContracts.BookMilestoneFunding>();
        services.TryAddScoped<RdContracts.ReadContractEscrow>();
        services.AddScoped<RecordMilestonePayout>();
        services.AddScoped<LedgerBalances>();
        services.AddScoped<ReconciliationCsv>();
        services.AddScoped<IDepositGate, LedgerDepositGate>();
        services.AddScoped<ProcessPaymentOutbox>();
        services.AddSingleton<PaymentOutboxSignal>();
        if (options.ProcessOutboxInBackground) services.AddHostedService<PaymentOutboxWorker>();

        if (stripeOptions.IsConfigured)
        {
            services.AddHttpClient(StripeHttpClient);
            services.AddSingleton(sp => StripeClientFactory.Create(stripeOptions, sp.GetRequiredService<IHttpClientFactory>().CreateClient(StripeHttpClient)));
            services.AddScoped<StripeDepositPayments>();
            services.AddScoped<PayDepositByCard>();
            services.AddScoped<PayBalanceByCard>();
            services.AddScoped<PayMilestoneByCard>();
            services.AddScoped<IStripeWebhookEventStore, DbStripeWebhookEventStore>();
            services.AddScoped(sp => new StripeWebhookReceiver(stripeOptions.WebhookSecret!, sp.GetRequiredService<IStripeWebhookEventStore>(), sp.GetRequiredService<TimeProvider>()));
            services.AddScoped<ReceiveStripeWebhook>();
        }
        return services;
    }
}
