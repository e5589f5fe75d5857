using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Infrastructure.Payments;
using TechMarket.Tests.Shared;

namespace TechMarket.Web.Tests.Infrastructure;

/// <summary>
/// The site with Stripe configured against an in-process fake (Stripe.net's real client, base URL from Stripe:ApiBase,
/// HTTP through the named client), a fictional receiving account, and the payment outbox drained by the tests
/// themselves rather than a background loop, so no test waits on a timer.
/// </summary>
public abstract class PaymentsSite : TechMarketSite
{
    public const string WebhookSecret = "whsec_techmarket_test_secret";
    public const string PublishableKey = "pk_test_techmarket_fake";

    public FakeStripeApi StripeApi { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", "sk_test_techmarket_fake");
        builder.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        builder.UseSetting("Stripe:PublishableKey", PublishableKey);
        builder.UseSetting("Stripe:ApiBase", "https://stripe.test.invalid");
        builder.UseSetting("Payments:ProcessOutboxInBackground", "false");
        builder.UseSetting("Payments:BankAccount:Name", "测试户名（虚构）");
        builder.UseSetting("Payments:BankAccount:Bank", "测试银行（虚构）");
        builder.UseSetting("Payments:BankAccount:Number", "0000 1111 2222 3333");
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(PaymentsServiceCollectionExtensions.StripeHttpClient).ConfigurePrimaryHttpMessageHandler(() => new ForwardToFake(StripeApi)));
    }

    /// <summary>Drains payment_outbox as the background worker would.</summary>
    public async Task<int> ProcessOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProcessPaymentOutbox>().RunAsync(TestContext.Current.CancellationToken);
    }

    public async Task<bool> IsDepositHeldAsync(Guid organizationId, DepositSubjectKind kind, Guid subjectId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDepositGate>().IsHeldAsync(organizationId, kind, subjectId, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        StripeApi.Dispose();
        GC.SuppressFinalize(this);
    }

    // IHttpClientFactory disposes the handlers it builds; the fake lives as long as the site, so it is reached through
    // an invoker that does not own it.
    private sealed class ForwardToFake(FakeStripeApi fake) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker invoker = new(fake, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            invoker.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing) invoker.Dispose();
            base.Dispose(disposing);
        }
    }
}

public sealed class PaymentsSqliteSite : PaymentsSite
{
    public override string Provider => "Sqlite";
    public override string? ConnectionString => null;
}

public sealed class PaymentsPostgresSite : PaymentsSite
{
    private readonly string? connectionString = ScratchPostgres.NewDatabase();

    public override string Provider => "Postgres";
    public override string? ConnectionString => connectionString;
}

[CollectionDefinition(Name)]
public sealed class PaymentsSqliteCollection : ICollectionFixture<PaymentsSqliteSite>
{
    public const string Name = "payments sqlite site";
}

[CollectionDefinition(Name)]
public sealed class PaymentsPostgresCollection : ICollectionFixture<PaymentsPostgresSite>
{
    public const string Name = "payments postgres site";
}
