using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 8 with issue 6's card path: an R&amp;D milestone's escrow paid by card, booked once from Stripe's webhook.</summary>
public abstract partial class PaymentTests
{
    [Fact]
    public async Task A_milestone_funded_by_card_is_booked_once_from_the_webhook_and_a_later_transfer_is_flagged()
    {
        var center = await CenterAsync();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var contractUrl = await RdContractsTests.SignedContractAsync(company, university, "储能变流器控制算法优化");
        var contractId = Guid.Parse(contractUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var funding = site.WithDb(db => db.MilestoneFunding.AsNoTracking().Single(f => f.ContractId == contractId && f.Milestone == 1));

        // Only the client pays: the developer has no card button.
        Assert.Null((await GetAsync(university, contractUrl)).QuerySelector("#m1 .card-start-form"));

        // A double click is one PaymentIntent, keyed by the milestone's funding event.
        var form = (IHtmlFormElement)(await GetAsync(company, contractUrl)).QuerySelector("#m1 .card-start-form")!;
        var first = await Html.ParseAsync(await Html.SubmitAsync(company, form));
        var second = await Html.ParseAsync(await Html.SubmitAsync(company, form));
        var intentId = first.QuerySelector("#m1 .card-payment")!.GetAttribute("data-payment-intent")!;
        Assert.Equal(intentId, second.QuerySelector("#m1 .card-payment")!.GetAttribute("data-payment-intent"));
        Assert.Equal(intentId + "_secret_fake", first.QuerySelector("#payment-element")!.GetAttribute("data-client-secret"));
        var intent = Assert.Single(site.StripeApi.Intents, i => i.Metadata.GetValueOrDefault("rd_milestone_funding_id") == funding.Id.ToString("N"));
        Assert.Equal((10_000_000L, "cny", "automatic"), (intent.Amount, intent.Currency, intent.CaptureMethod));
        Assert.All(site.StripeApi.Requests.Where(r => r.Path == "/v1/payment_intents" && r.Form["metadata[rd_milestone_funding_id]"] == funding.Id.ToString("N")),
            r => Assert.Equal($"MilestoneFunded:{funding.Id:N}:stripe-create", r.IdempotencyKey));

        // Stripe confirms; the event arrives twice. The escrow is booked once, from the outbox, never from the browser.
        site.StripeApi.ConfirmCard(intentId);
        var now = TimeProvider.System.GetUtcNow();
        var succeeded = site.StripeApi.EventFor("evt_rd_" + funding.Id.ToString("N"), "payment_intent.succeeded", intentId, now);
        Assert.Equal("Accepted", await VerdictAsync(await PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now))));
        Assert.Equal("Unfunded", (await GetAsync(company, contractUrl)).QuerySelector("#m1")!.GetAttribute("data-state"));
        Assert.True(await site.ProcessOutboxAsync() >= 1);
        var resent = site.StripeApi.EventFor("evt_rd_again_" + funding.Id.ToString("N"), "payment_intent.succeeded", intentId, now);
        await PostWebhookAsync(resent, Sign(resent, PaymentsSite.WebhookSecret, now));
        await site.ProcessOutboxAsync();
        var page = await GetAsync(company, contractUrl);
        Assert.Equal("Funded", page.QuerySelector("#m1")!.GetAttribute("data-state"));
        Assert.Equal("¥100,000.00", page.QuerySelector("#m1 .escrow-held")!.TextContent);
        Assert.Equal(1, EntriesFor(BusinessEventKind.MilestoneFunded, funding.Id));
        Assert.Equal(-10_000_000L, Balance(LedgerAccount.MilestoneEscrow(funding.Id)));
        var record = site.WithDb(db => db.PaymentRecords.AsNoTracking().Single(p => p.MilestoneFundingId == funding.Id));
        Assert.Equal((PaymentChannel.Card, intentId, PaymentPurpose.MilestoneFunding), (record.Channel, record.ExternalReference, record.Purpose));

        // The company also transfers the amount quoting the reference: flagged as already paid, not booked.
        var bankRef = NewBankReference();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitReceiptAsync(center, await ReceiptFormAsync(center), funding.PaymentReference, "100000.00", bankRef)).StatusCode);
        var flagged = site.WithDb(db => db.BankReceipts.AsNoTracking().Single(r => r.BankReference == bankRef));
        Assert.Equal((BankReceiptStatus.Flagged, ReceiptProblem.AlreadyPaid), (flagged.Status, flagged.Problem));
        Assert.Equal(1, EntriesFor(BusinessEventKind.MilestoneFunded, funding.Id));
        Assert.Equal(-10_000_000L, Balance(LedgerAccount.MilestoneEscrow(funding.Id)));
        Assert.Equal(0, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));
        // Funded: no card button any more.
        Assert.Null(page.QuerySelector("#m1 .card-start-form"));
    }
}
