using Stripe;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Payments;
using TechMarket.Tests.Shared;

namespace TechMarket.Payments.Tests;

public sealed class StripeDepositPaymentsTests : IDisposable
{
    private static readonly StripeOptions Options = new() { SecretKey = "sk_test_fake", WebhookSecret = "whsec_fake", ApiBase = new Uri("https://stripe.fake/") };
    private readonly FakeStripeApi stripe = new();
    private readonly HttpClient http;
    private readonly StripeDepositPayments payments;
    private readonly Deposit deposit = Deposit.Require(
        Guid.Parse("d0000000-0000-0000-0000-000000000001"), Guid.NewGuid(),
        new DepositSubject(DepositVenue.Auction, Guid.NewGuid()), Money.FromYuan(50_000));

    public StripeDepositPaymentsTests()
    {
        http = stripe.CreateClient();
        payments = new StripeDepositPayments(StripeClientFactory.Create(Options, http));
    }

    public void Dispose()
    {
        http.Dispose();
        stripe.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authorising_creates_a_manual_capture_intent_in_cny_fen_with_a_key_from_the_business_event()
    {
        var hold = await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);

        var request = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/payment_intents", request.Path);
        Assert.Equal("DepositPaid:d0000000000000000000000000000001:stripe-create", request.IdempotencyKey);
        Assert.Equal("5000000", request.Form["amount"]);
        Assert.Equal("cny", request.Form["currency"]);
        Assert.Equal("manual", request.Form["capture_method"]);
        Assert.Equal("d0000000000000000000000000000001", request.Form["metadata[deposit_id]"]);
        Assert.Equal("Bearer sk_test_fake", request.Authorization);
        Assert.Equal("requires_payment_method", hold.Status);
        Assert.StartsWith(hold.PaymentIntentId, hold.ClientSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_click_creates_one_payment_intent()
    {
        var first = await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);
        var second = await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);

        Assert.Equal(first.PaymentIntentId, second.PaymentIntentId);
        Assert.Single(stripe.Intents);
        Assert.Equal(2, stripe.Requests.Count);
        Assert.Single(stripe.Requests.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task A_network_retry_by_stripe_net_resends_the_same_key_and_creates_one_intent()
    {
        stripe.TransientFailures = 1;
        var hold = await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);

        Assert.Equal(2, stripe.Requests.Count);
        Assert.Equal(stripe.Requests[0].IdempotencyKey, stripe.Requests[1].IdempotencyKey);
        Assert.Equal(hold.PaymentIntentId, Assert.Single(stripe.Intents).Id);
    }

    [Fact]
    public async Task Reusing_a_key_with_other_parameters_is_refused_by_stripe()
    {
        await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);
        var ex = await Assert.ThrowsAsync<StripeException>(() => payments.AuthoriseAsync(deposit, DepositHoldMethod.CaptureThenRefund, Ct));
        Assert.Equal("idempotency_error", ex.StripeError.Type);
        Assert.Single(stripe.Intents);
    }

    [Fact]
    public async Task Applying_an_authorised_deposit_captures_it_once_even_when_retried()
    {
        var hold = await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);
        stripe.ConfirmCard(hold.PaymentIntentId);

        Assert.Equal("succeeded", await payments.CaptureAsync(hold, BusinessEventKind.DepositApplied, Ct));
        // The retry is replayed from the stored response instead of failing on an already captured intent.
        Assert.Equal("succeeded", await payments.CaptureAsync(hold, BusinessEventKind.DepositApplied, Ct));
        var captures = stripe.Requests.Where(r => r.Path.EndsWith("/capture", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, captures.Count);
        Assert.Equal("DepositApplied:d0000000000000000000000000000001:stripe-capture", captures[0].IdempotencyKey);
    }

    [Fact]
    public async Task Releasing_an_authorised_deposit_cancels_the_authorisation()
    {
        var hold = await payments.AuthoriseAsync(deposit, DepositHoldMethod.AuthoriseThenCapture, Ct);
        stripe.ConfirmCard(hold.PaymentIntentId);

        Assert.Equal("canceled", await payments.ReleaseAsync(hold, deposit.Required, Ct));
        Assert.Equal($"/v1/payment_intents/{hold.PaymentIntentId}/cancel", stripe.Requests[^1].Path);
        Assert.Equal("DepositReleased:d0000000000000000000000000000001:stripe-release", stripe.Requests[^1].IdempotencyKey);
        Assert.Empty(stripe.Refunds);
    }

    [Fact]
    public async Task A_long_hold_is_captured_at_once_and_refunded_on_release_exactly_once()
    {
        var hold = await payments.AuthoriseAsync(deposit, DepositHoldMethod.CaptureThenRefund, Ct);
        Assert.Equal("automatic", stripe.Requests[0].Form["capture_method"]);
        stripe.ConfirmCard(hold.PaymentIntentId);

        await payments.ReleaseAsync(hold, deposit.Required, Ct);
        await payments.ReleaseAsync(hold, deposit.Required, Ct);

        var refund = Assert.Single(stripe.Refunds);
        Assert.Equal(deposit.Required.Fen, refund.Amount);
        Assert.Equal(hold.PaymentIntentId, refund.PaymentIntent);
    }

    [Fact]
    public async Task Forfeiting_a_deposit_captured_at_once_calls_nothing()
    {
        var hold = await payments.AuthoriseAsync(deposit, DepositHoldMethod.CaptureThenRefund, Ct);
        stripe.ConfirmCard(hold.PaymentIntentId);
        var before = stripe.Requests.Count;

        await payments.CaptureAsync(hold with { Status = "succeeded" }, BusinessEventKind.DepositForfeited, Ct);

        Assert.Equal(before, stripe.Requests.Count);
    }
}
