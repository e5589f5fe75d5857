using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 6: a settlement's balance paid by card — one PaymentIntent per settlement balance, booked once from the webhook.</summary>
public abstract partial class PaymentTests
{
    [Fact]
    public async Task Balance_paid_by_card_is_one_payment_intent_and_is_booked_once_from_the_webhook()
    {
        var center = await CenterAsync();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var settlement = await SettleByHandAsync(center, priceYuan: "300000.00");
        Assert.Equal(30_600_000, settlement.BuyerOwesFen); // 300,000 + 2 %

        // The seller has no card button for the buyer's balance, and a forged post is a 404.
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var sellerView = await GetAsync(university, "/Payments");
        Assert.Null(sellerView.QuerySelector($"#my-settlements tr[data-settlement='{settlement.Id}'] form.balance-card"));
        var token = ((IHtmlInputElement)sellerView.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var forged = await university.PostAsync(new Uri($"/Payments?handler=BalanceCard&id={settlement.Id}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // A double click: one PaymentIntent for the balance, created with an idempotency key of the settlement.
        var form = (IHtmlFormElement)(await GetAsync(company, "/Payments")).QuerySelector($"#my-settlements tr[data-settlement='{settlement.Id}'] form.balance-card")!;
        var first = await Html.ParseAsync(await Html.SubmitAsync(company, form));
        var second = await Html.ParseAsync(await Html.SubmitAsync(company, form));
        var intentId = first.QuerySelector("#balance-card-payment")!.GetAttribute("data-payment-intent")!;
        Assert.Equal(intentId, second.QuerySelector("#balance-card-payment")!.GetAttribute("data-payment-intent"));
        var intent = Assert.Single(site.StripeApi.Intents, i => i.Metadata.GetValueOrDefault("settlement_id") == settlement.Id.ToString("N"));
        Assert.Equal((30_600_000L, "cny", "automatic"), (intent.Amount, intent.Currency, intent.CaptureMethod));
        var creates = site.StripeApi.Requests.Where(r => r.Path == "/v1/payment_intents" && r.Form["metadata[settlement_id]"] == settlement.Id.ToString("N")).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Single(creates.Select(r => r.IdempotencyKey).Distinct());
        Assert.StartsWith($"BuyerBalancePaid:{settlement.Id:N}:", creates[0].IdempotencyKey, StringComparison.Ordinal);

        // The page: the Payment Element's container with the client secret, the loader that fetches Stripe.js, and the
        // fallback (a message shown if Stripe.js cannot load, and the bank-transfer instructions with the reference).
        var element = first.QuerySelector("#payment-element")!;
        Assert.Equal(PaymentsSite.PublishableKey, element.GetAttribute("data-publishable-key"));
        Assert.Equal(intentId + "_secret_fake", element.GetAttribute("data-client-secret"));
        Assert.Contains(first.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/stripe-payment.js", StringComparison.Ordinal));
        Assert.True(first.QuerySelector("#stripe-load-error")!.HasAttribute("hidden"));
        Assert.Contains("Stripe.js", first.QuerySelector("#stripe-load-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(settlement.PaymentReference, first.QuerySelector("#card-fallback")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0000 1111 2222 3333", first.QuerySelector("#card-fallback")!.TextContent, StringComparison.Ordinal);
        var loader = await company.GetAsync(new Uri("/js/stripe-payment.js", UriKind.Relative), Ct);
        Assert.Contains("https://js.stripe.com/v3", await loader.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The customer confirms; Stripe's events arrive duplicated and out of order. The balance is booked once.
        site.StripeApi.ConfirmCard(intentId);
        var now = TimeProvider.System.GetUtcNow();
        var succeeded = site.StripeApi.EventFor("evt_bal_" + settlement.Id.ToString("N"), "payment_intent.succeeded", intentId, now);
        Assert.Equal("Accepted", await VerdictAsync(await PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now))));
        Assert.Equal(SettlementState.AwaitingBuyer, Settlement(settlement.Id).State); // not in the request: from the outbox
        Assert.True(await site.ProcessOutboxAsync() >= 1);
        var paid = Settlement(settlement.Id);
        Assert.Equal((SettlementState.AwaitingPayout, 30_600_000L), (paid.State, paid.BuyerPaidFen));
        Assert.NotNull(paid.SellerPayoutDueBy);

        Assert.Equal("Duplicate", await VerdictAsync(await PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now))));
        var resent = site.StripeApi.EventFor("evt_bal_again_" + settlement.Id.ToString("N"), "payment_intent.succeeded", intentId, now);
        await PostWebhookAsync(resent, Sign(resent, PaymentsSite.WebhookSecret, now));
        var late = site.StripeApi.EventFor("evt_bal_late_" + settlement.Id.ToString("N"), "payment_intent.created", intentId, now.AddSeconds(-20));
        Assert.Equal("OutOfOrder", await VerdictAsync(await PostWebhookAsync(late, Sign(late, PaymentsSite.WebhookSecret, now))));
        await site.ProcessOutboxAsync();
        Assert.Equal(30_600_000, Settlement(settlement.Id).BuyerPaidFen);
        var receipts = site.WithDb(db => db.PaymentRecords.AsNoTracking().Where(p => p.SettlementId == settlement.Id && p.Purpose == PaymentPurpose.BuyerBalance).ToList());
        var receipt = Assert.Single(receipts);
        Assert.Equal((PaymentChannel.Card, intentId), (receipt.Channel, receipt.ExternalReference));
        Assert.Equal(1, site.WithDb(db => db.JournalEntries.Count(e => e.IdempotencyKey == receipt.JournalKey)));
        Assert.Equal(0, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));

        // Paid: no card button any more.
        Assert.Null((await GetAsync(company, "/Payments")).QuerySelector($"#my-settlements tr[data-settlement='{settlement.Id}'] form.balance-card"));
    }

    [Fact]
    public async Task After_a_partial_bank_transfer_the_card_pays_the_remainder()
    {
        var center = await CenterAsync();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var settlement = await SettleByHandAsync(center, priceYuan: "100000.00");
        await SubmitReceiptAsync(center, await ReceiptFormAsync(center), settlement.PaymentReference, "2000.00", NewBankReference());
        Assert.Equal(200_000, Settlement(settlement.Id).BuyerPaidFen);

        var form = (IHtmlFormElement)(await GetAsync(company, "/Payments")).QuerySelector($"#my-settlements tr[data-settlement='{settlement.Id}'] form.balance-card")!;
        var intentId = (await Html.ParseAsync(await Html.SubmitAsync(company, form))).QuerySelector("#balance-card-payment")!.GetAttribute("data-payment-intent")!;
        Assert.Equal(10_200_000 - 200_000, site.StripeApi.Intents.Single(i => i.Id == intentId).Amount);
        site.StripeApi.ConfirmCard(intentId);
        var now = TimeProvider.System.GetUtcNow();
        var succeeded = site.StripeApi.EventFor("evt_rest_" + settlement.Id.ToString("N"), "payment_intent.succeeded", intentId, now);
        await PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now));
        await site.ProcessOutboxAsync();
        Assert.Equal((SettlementState.AwaitingPayout, 10_200_000L), (Settlement(settlement.Id).State, Settlement(settlement.Id).BuyerPaidFen));
    }

    private async Task<SettlementRecord> SettleByHandAsync(HttpClient center, string priceYuan)
    {
        var subject = Guid.NewGuid();
        var settleForm = (IHtmlFormElement)(await GetAsync(center, "/Center/Payments/Settlements")).QuerySelector("#settle-form")!;
        var response = await Html.SubmitAsync(center, settleForm, new Dictionary<string, string>
        {
            ["Deal.Kind"] = "Auction", ["Deal.SubjectId"] = subject.ToString(), ["Deal.BuyerOrganizationId"] = CompanyOrg.ToString(),
            ["Deal.SellerOrganizationId"] = UniversityOrg.ToString(), ["Deal.PriceYuan"] = priceYuan, ["Deal.BuyerRatePercent"] = "2", ["Deal.SellerRatePercent"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectId == subject));
    }

    private SettlementRecord Settlement(Guid id) => site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == id));
}
