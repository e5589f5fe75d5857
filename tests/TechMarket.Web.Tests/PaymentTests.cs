using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 6 over HTTP: offline and card deposits, the Stripe webhook, settlement, and who sees what.</summary>
public abstract partial class PaymentTests(PaymentsSite site)
{
    private static readonly Guid CompanyOrg = new("6f1c0c2e-0001-4a00-9000-000000000004");
    private static readonly Guid UniversityOrg = new("6f1c0c2e-0001-4a00-9000-000000000001");
    private static readonly Guid LenderOrg = new("6f1c0c2e-0001-4a00-9000-000000000007");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Offline_deposit_reference_then_receipt_holds_it_opens_the_gate_and_release_balances_the_ledger_to_the_fen()
    {
        var center = await CenterAsync();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var subject = Guid.NewGuid();
        var heldBefore = Balance(LedgerAccount.DepositsHeld(CompanyOrg));
        var cashBefore = Balance(LedgerAccount.CashAtBank);

        var deposit = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.Auction, subject, "50000.00");
        Assert.True(PaymentReference.TryParse(deposit.PaymentReference, out _));

        // The company sees what to pay, where, and with which reference.
        var mine = await GetAsync(company, "/Payments");
        var row = mine.QuerySelector($"#deposits tr[data-deposit='{deposit.Id}']")!;
        Assert.Equal("AwaitingPayment", row.GetAttribute("data-state"));
        Assert.Equal(deposit.PaymentReference, row.QuerySelector(".payment-reference")!.TextContent);
        Assert.Contains("¥50,000.00", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("0000 1111 2222 3333", mine.QuerySelector("#bank-number")!.TextContent);
        Assert.False(await site.IsDepositHeldAsync(CompanyOrg, DepositSubjectKind.Auction, subject));

        // The center keys in the receipt as it appears on the statement (lower case, spaced).
        var spaced = string.Join(' ', deposit.PaymentReference.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var recorded = await SubmitReceiptAsync(center, await ReceiptFormAsync(center), spaced, "50000.00", NewBankReference());
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.True(await site.IsDepositHeldAsync(CompanyOrg, DepositSubjectKind.Auction, subject));
        Assert.Equal("Held", (await GetAsync(company, "/Payments")).QuerySelector($"#deposits tr[data-deposit='{deposit.Id}']")!.GetAttribute("data-state"));
        Assert.Equal(heldBefore - 5_000_000, Balance(LedgerAccount.DepositsHeld(CompanyOrg)));
        Assert.Equal(cashBefore + 5_000_000, Balance(LedgerAccount.CashAtBank));

        // The auction closes: SPC 2016 Art. 23, due back within 24 hours, on the center's release queue.
        await CloseSubjectAsync(center, DepositSubjectKind.Auction, subject);
        var closed = Deposit(deposit.Id);
        Assert.Equal(TimeSpan.FromHours(24), closed.ReleaseDueBy - closed.SubjectClosedAt);
        var dueRow = (await GetAsync(center, "/Center/Payments/Deposits")).QuerySelector($"#due-for-release tr[data-deposit='{deposit.Id}']");
        Assert.NotNull(dueRow);

        // Released as an outgoing transfer with the center's bank reference.
        var released = await Html.SubmitAsync(center, (IHtmlFormElement)dueRow.QuerySelector("form")!, new Dictionary<string, string> { ["Release.BankReference"] = "OUT-" + deposit.PaymentReference });
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal(DepositState.Released, Deposit(deposit.Id).State);
        Assert.False(await site.IsDepositHeldAsync(CompanyOrg, DepositSubjectKind.Auction, subject));
        Assert.Equal(heldBefore, Balance(LedgerAccount.DepositsHeld(CompanyOrg)));
        Assert.Equal(cashBefore, Balance(LedgerAccount.CashAtBank));
        Assert.Equal("0", (await GetAsync(center, "/Center/Payments/Ledger")).QuerySelector("#ledger-sum")!.GetAttribute("data-fen"));

        // Two payments, each with a printable receipt for the company; both changes audited.
        var payments = site.WithDb(db => db.PaymentRecords.AsNoTracking().Where(p => p.DepositId == deposit.Id).ToList());
        Assert.Equal([PaymentDirection.Incoming, PaymentDirection.Outgoing], payments.OrderBy(p => p.Direction).Select(p => p.Direction));
        var receipt = await GetAsync(company, $"/Payments/Receipt/{payments.Single(p => p.Direction == PaymentDirection.Outgoing).Id}");
        Assert.Equal("¥50,000.00", receipt.QuerySelector("#receipt-amount")!.TextContent);
        var audited = site.WithDb(db => db.AuditLog.AsNoTracking().Where(a => a.EntityId == deposit.Id.ToString()).Select(a => a.Action).ToList());
        Assert.Contains("deposit.paid", audited);
        Assert.Contains("deposit.released", audited);
    }

    [Fact]
    public async Task A_wrong_amount_or_an_unknown_reference_is_flagged_for_the_center_and_books_nothing()
    {
        var center = await CenterAsync();
        var subject = Guid.NewGuid();
        var deposit = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.ListedTrade, subject, "12345.67");
        var entriesBefore = site.WithDb(db => db.JournalEntries.Count());

        var wrongAmount = NewBankReference();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitReceiptAsync(center, await ReceiptFormAsync(center), deposit.PaymentReference, "12345.66", wrongAmount)).StatusCode);
        var unknown = NewBankReference();
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitReceiptAsync(center, await ReceiptFormAsync(center), "TM" + new string('3', 10), "12345.67", unknown)).StatusCode);
        // One character mistyped: the check character catches it rather than matching another deposit.
        var typo = NewBankReference();
        var mistyped = deposit.PaymentReference[..5] + (deposit.PaymentReference[5] == 'A' ? 'B' : 'A') + deposit.PaymentReference[6..];
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitReceiptAsync(center, await ReceiptFormAsync(center), mistyped, "12345.67", typo)).StatusCode);

        Assert.Equal(DepositState.AwaitingPayment, Deposit(deposit.Id).State);
        Assert.False(await site.IsDepositHeldAsync(CompanyOrg, DepositSubjectKind.ListedTrade, subject));
        Assert.Equal(entriesBefore, site.WithDb(db => db.JournalEntries.Count()));

        var queue = await GetAsync(center, "/Center/Payments/Flagged");
        Assert.Equal("WrongAmount", FlaggedRow(queue, wrongAmount)!.GetAttribute("data-problem"));
        Assert.Equal("UnknownReference", FlaggedRow(queue, unknown)!.GetAttribute("data-problem"));
        Assert.Equal("UnknownReference", FlaggedRow(queue, typo)!.GetAttribute("data-problem"));

        // Without a note the center is asked for one; with a note the receipt leaves the queue.
        var form = (IHtmlFormElement)FlaggedRow(queue, wrongAmount)!.QuerySelector("form")!;
        var noNote = await Html.ParseAsync(await Html.SubmitAsync(center, form, new Dictionary<string, string> { ["Note"] = " " }));
        Assert.Contains("请填写处理说明", noNote.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, form, new Dictionary<string, string> { ["Note"] = "已原路退回付款方" })).StatusCode);
        Assert.Null(FlaggedRow(await GetAsync(center, "/Center/Payments/Flagged"), wrongAmount));
    }

    [Fact]
    public async Task Recording_a_receipt_twice_or_in_parallel_posts_once()
    {
        var center = await CenterAsync();
        var first = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.Auction, Guid.NewGuid(), "8000.00");

        // Double click: the same form (same key) sent twice.
        var form = await ReceiptFormAsync(center);
        var bankRef = NewBankReference();
        await SubmitReceiptAsync(center, form, first.PaymentReference, "8000.00", bankRef);
        var again = await SubmitReceiptAsync(center, form, first.PaymentReference, "8000.00", bankRef);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, site.WithDb(db => db.BankReceipts.Count(r => r.BankReference == bankRef)));
        Assert.Equal(1, EntriesFor(BusinessEventKind.DepositPaid, first.Id));

        // Retries racing each other: one form sent five times at once.
        var second = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.Auction, Guid.NewGuid(), "9000.00");
        var raced = await ReceiptFormAsync(center);
        var racedRef = NewBankReference();
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SubmitReceiptAsync(center, raced, second.PaymentReference, "9000.00", racedRef)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, site.WithDb(db => db.BankReceipts.Count(r => r.BankReference == racedRef)));
        Assert.Equal(1, EntriesFor(BusinessEventKind.DepositPaid, second.Id));

        // Two different receipts for one deposit at once (paid twice): one is booked, the other flagged as already paid.
        var third = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.Auction, Guid.NewGuid(), "7000.00");
        var formA = await ReceiptFormAsync(center);
        var formB = await ReceiptFormAsync(center);
        var (refA, refB) = (NewBankReference(), NewBankReference());
        await Task.WhenAll(SubmitReceiptAsync(center, formA, third.PaymentReference, "7000.00", refA), SubmitReceiptAsync(center, formB, third.PaymentReference, "7000.00", refB));
        var statuses = site.WithDb(db => db.BankReceipts.AsNoTracking().Where(r => r.BankReference == refA || r.BankReference == refB).Select(r => new { r.Status, r.Problem }).ToList());
        Assert.Equal(2, statuses.Count);
        Assert.Single(statuses, s => s.Status == BankReceiptStatus.Booked);
        Assert.Single(statuses, s => s.Status == BankReceiptStatus.Flagged && s.Problem == ReceiptProblem.AlreadyPaid);
        Assert.Equal(1, EntriesFor(BusinessEventKind.DepositPaid, third.Id));
        Assert.Equal(0, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));
    }

    [Fact]
    public async Task Card_deposit_through_stripe_and_the_signed_webhook_valid_forged_stale_duplicated_and_reordered()
    {
        var center = await CenterAsync();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var subject = Guid.NewGuid();
        var deposit = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.Auction, subject, "20000.00");

        // Double click on "pay by card": one PaymentIntent (the create call's idempotency key is the deposit's event).
        var cardForm = (IHtmlFormElement)(await GetAsync(company, "/Payments")).QuerySelector($"#deposits tr[data-deposit='{deposit.Id}'] form")!;
        var firstClick = await Html.ParseAsync(await Html.SubmitAsync(company, cardForm));
        var secondClick = await Html.ParseAsync(await Html.SubmitAsync(company, cardForm));
        var intentId = firstClick.QuerySelector("#card-payment")!.GetAttribute("data-payment-intent")!;
        Assert.Equal(intentId, secondClick.QuerySelector("#card-payment")!.GetAttribute("data-payment-intent"));
        var intent = Assert.Single(site.StripeApi.Intents, i => i.Metadata.GetValueOrDefault("deposit_id") == deposit.Id.ToString("N"));
        Assert.Equal(2_000_000, intent.Amount);
        Assert.Equal("cny", intent.Currency);
        Assert.All(site.StripeApi.Requests.Where(r => r.Path == "/v1/payment_intents"), r => Assert.False(string.IsNullOrEmpty(r.IdempotencyKey)));

        // The customer confirms the card in the browser; Stripe tells the webhook.
        site.StripeApi.ConfirmCard(intentId);
        var now = TimeProvider.System.GetUtcNow();
        var succeeded = site.StripeApi.EventFor("evt_ok_" + deposit.Id.ToString("N"), "payment_intent.succeeded", intentId, now);

        // Forged and stale deliveries are refused and leave no trace.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWebhookAsync(succeeded, Sign(succeeded, "whsec_forger", now))).StatusCode);
        var stale = await PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now.AddMinutes(-6)));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal("Stale", await VerdictAsync(stale));
        Assert.Equal(0, site.WithDb(db => db.StripeWebhookEvents.Count(e => e.ObjectId == intentId)));

        // Valid: acknowledged at once; the deposit is booked when the outbox is processed, not in the request.
        var accepted = await PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Accepted", await VerdictAsync(accepted));
        Assert.Equal(DepositState.AwaitingPayment, Deposit(deposit.Id).State);
        Assert.True(await site.ProcessOutboxAsync() >= 1);
        var held = Deposit(deposit.Id);
        Assert.Equal(DepositState.Held, held.State);
        Assert.Equal(PaymentChannel.Card, held.Channel);
        Assert.True(await site.IsDepositHeldAsync(CompanyOrg, DepositSubjectKind.Auction, subject));

        // Duplicated (Stripe retries), also in parallel: acknowledged, nothing queued or booked again.
        var outboxBefore = site.WithDb(db => db.PaymentOutbox.Count());
        var duplicates = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostWebhookAsync(succeeded, Sign(succeeded, PaymentsSite.WebhookSecret, now))));
        Assert.All(duplicates, d => Assert.Equal(HttpStatusCode.OK, d.StatusCode));
        Assert.All(duplicates, d => Assert.Equal("Duplicate", VerdictAsync(d).GetAwaiter().GetResult()));
        var fresh = site.StripeApi.EventFor("evt_again_" + deposit.Id.ToString("N"), "payment_intent.succeeded", intentId, now);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostWebhookAsync(fresh, Sign(fresh, PaymentsSite.WebhookSecret, now))));
        Assert.Single(racing, r => VerdictAsync(r).GetAwaiter().GetResult() == "Accepted");
        Assert.Equal(outboxBefore + 1, site.WithDb(db => db.PaymentOutbox.Count()));

        // Reordered: "created" arriving after "succeeded" is old news.
        var late = site.StripeApi.EventFor("evt_late_" + deposit.Id.ToString("N"), "payment_intent.created", intentId, now.AddSeconds(-30));
        var lateResponse = await PostWebhookAsync(late, Sign(late, PaymentsSite.WebhookSecret, now));
        Assert.Equal(HttpStatusCode.OK, lateResponse.StatusCode);
        Assert.Equal("OutOfOrder", await VerdictAsync(lateResponse));
        Assert.Equal(outboxBefore + 1, site.WithDb(db => db.PaymentOutbox.Count()));
        await site.ProcessOutboxAsync();
        Assert.Equal(1, EntriesFor(BusinessEventKind.DepositPaid, deposit.Id));

        // Released at the close: captured at once (no close known when paid), so refunded at Stripe.
        await CloseSubjectAsync(center, DepositSubjectKind.Auction, subject);
        var dueRow = (await GetAsync(center, "/Center/Payments/Deposits")).QuerySelector($"#due-for-release tr[data-deposit='{deposit.Id}']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, (IHtmlFormElement)dueRow.QuerySelector("form")!)).StatusCode);
        Assert.Equal(DepositState.Released, Deposit(deposit.Id).State);
        var refund = Assert.Single(site.StripeApi.Refunds, r => r.PaymentIntent == intentId);
        Assert.Equal(2_000_000, refund.Amount);
        Assert.Equal(0, site.WithDb(db => db.Postings.Sum(p => p.AmountFen)));

        // A card payment started but never completed is cancelled at Stripe when the center cancels the deposit.
        var abandoned = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.ListedTrade, Guid.NewGuid(), "1500.00");
        var startForm = (IHtmlFormElement)(await GetAsync(company, "/Payments")).QuerySelector($"#deposits tr[data-deposit='{abandoned.Id}'] form")!;
        var abandonedIntent = (await Html.ParseAsync(await Html.SubmitAsync(company, startForm))).QuerySelector("#card-payment")!.GetAttribute("data-payment-intent")!;
        var cancelForm = (IHtmlFormElement)(await GetAsync(center, "/Center/Payments/Deposits")).QuerySelector($"#all-deposits tr[data-deposit='{abandoned.Id}'] form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, cancelForm)).StatusCode);
        Assert.Equal(DepositState.Released, Deposit(abandoned.Id).State);
        Assert.Equal("canceled", site.StripeApi.Intents.Single(i => i.Id == abandonedIntent).Status);
        Assert.Equal(0, EntriesFor(BusinessEventKind.DepositReleased, abandoned.Id));
    }

    [Fact]
    public async Task Settling_a_won_auction_applies_the_deposit_charges_commission_pays_the_seller_and_releases_the_loser()
    {
        var center = await CenterAsync();
        var subject = Guid.NewGuid();
        var commissionBefore = Balance(LedgerAccount.CommissionIncome);
        var cashBefore = Balance(LedgerAccount.CashAtBank);
        var winner = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.Auction, subject, "100000.00");
        var loser = await RequireDepositAsync(center, LenderOrg, DepositSubjectKind.Auction, subject, "100000.00");
        await SubmitReceiptAsync(center, await ReceiptFormAsync(center), winner.PaymentReference, "100000.00", NewBankReference());
        await SubmitReceiptAsync(center, await ReceiptFormAsync(center), loser.PaymentReference, "100000.00", NewBankReference());

        // Auction Law Art. 56: 6 % is refused, with the message on the field and the input kept.
        var settlePage = await GetAsync(center, "/Center/Payments/Settlements");
        var settleForm = (IHtmlFormElement)settlePage.QuerySelector("#settle-form")!;
        var deal = new Dictionary<string, string>
        {
            ["Deal.Kind"] = "Auction", ["Deal.SubjectId"] = subject.ToString(), ["Deal.BuyerOrganizationId"] = CompanyOrg.ToString(),
            ["Deal.SellerOrganizationId"] = UniversityOrg.ToString(), ["Deal.PriceYuan"] = "1000000.00", ["Deal.BuyerRatePercent"] = "6", ["Deal.SellerRatePercent"] = "3",
        };
        var refused = await Html.ParseAsync(await Html.SubmitAsync(center, settleForm, deal));
        Assert.Contains("5%", refused.QuerySelector("[data-valmsg-for='Deal.BuyerRatePercent']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1000000.00", ((IHtmlInputElement)refused.QuerySelector("#Deal_PriceYuan")!).Value);
        Assert.Equal(0, site.WithDb(db => db.Settlements.Count(s => s.SubjectId == subject)));

        deal["Deal.BuyerRatePercent"] = "5";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, settleForm, deal)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, settleForm, deal)).StatusCode); // sent again: the same settlement
        var settlement = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectId == subject));
        Assert.Equal(5_000_000, settlement.BuyerCommissionFen);          // 5 % of ¥1,000,000
        Assert.Equal(3_000_000, settlement.SellerCommissionFen);         // 3 %
        Assert.Equal(10_000_000, settlement.AppliedDepositFen);          // the winner's deposit counts toward the price
        Assert.Equal(95_000_000, settlement.BuyerOwesFen);               // 1,000,000 + 50,000 − 100,000
        Assert.Equal(97_000_000, settlement.SellerReceivesFen);          // 1,000,000 − 30,000
        Assert.Equal(1, EntriesFor(BusinessEventKind.DealConcluded, settlement.Id));
        Assert.Equal(DepositState.Applied, Deposit(winner.Id).State);
        var loserDeposit = Deposit(loser.Id);
        Assert.Equal(settlement.ConcludedAt + TimeSpan.FromHours(24), loserDeposit.ReleaseDueBy);
        Assert.False(await site.IsDepositHeldAsync(CompanyOrg, DepositSubjectKind.Auction, subject));

        // The buyer pays the balance with the settlement's reference; the center pays the seller (a double click pays once).
        await SubmitReceiptAsync(center, await ReceiptFormAsync(center), settlement.PaymentReference, "950000.00", NewBankReference());
        var payoutForm = (IHtmlFormElement)(await GetAsync(center, "/Center/Payments/Settlements")).QuerySelector($"#settlements tr[data-settlement='{settlement.Id}'] form")!;
        Assert.Equal("970000.00", ((IHtmlInputElement)payoutForm.QuerySelector("[name='Payout.AmountYuan']")!).Value);
        var payoutValues = new Dictionary<string, string> { ["Payout.AmountYuan"] = "970000.00", ["Payout.BankReference"] = NewBankReference() };
        await Html.SubmitAsync(center, payoutForm, payoutValues);
        await Html.SubmitAsync(center, payoutForm, payoutValues);
        var settled = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.Id == settlement.Id));
        Assert.Equal(SettlementState.Settled, settled.State);
        Assert.Equal(97_000_000, settled.SellerPaidFen);
        Assert.Equal(1, site.WithDb(db => db.PaymentRecords.Count(p => p.SettlementId == settlement.Id && p.Purpose == PaymentPurpose.SellerPayout)));

        // The loser's deposit goes back; what remains at the bank is exactly the platform's commission.
        var dueRow = (await GetAsync(center, "/Center/Payments/Deposits")).QuerySelector($"#due-for-release tr[data-deposit='{loser.Id}']")!;
        await Html.SubmitAsync(center, (IHtmlFormElement)dueRow.QuerySelector("form")!, new Dictionary<string, string> { ["Release.BankReference"] = NewBankReference() });
        Assert.Equal(DepositState.Released, Deposit(loser.Id).State);
        Assert.Equal(-8_000_000, Balance(LedgerAccount.CommissionIncome) - commissionBefore);
        Assert.Equal(8_000_000, Balance(LedgerAccount.CashAtBank) - cashBefore);
        Assert.Equal("0", (await GetAsync(center, "/Center/Payments/Ledger")).QuerySelector("#ledger-sum")!.GetAttribute("data-fen"));

        // Reconciliation export: UTF-8 with BOM, one line per payment.
        var csv = await center.GetAsync(new Uri("/Center/Payments/Ledger?handler=Csv", UriKind.Relative), Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("时间(UTC+8),方向,用途", text, StringComparison.Ordinal);
        Assert.Contains(",支付卖方,", text, StringComparison.Ordinal);
        Assert.Contains("970000.00", text, StringComparison.Ordinal);
        Assert.Contains(settlement.PaymentReference, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_sees_only_its_own_deposits_and_ledger_and_only_the_center_records_receipts()
    {
        var center = await CenterAsync();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        var deposit = await RequireDepositAsync(center, CompanyOrg, DepositSubjectKind.ListedTrade, Guid.NewGuid(), "3000.00");
        await SubmitReceiptAsync(center, await ReceiptFormAsync(center), deposit.PaymentReference, "3000.00", NewBankReference());
        var payment = site.WithDb(db => db.PaymentRecords.AsNoTracking().Single(p => p.DepositId == deposit.Id));

        // Another organisation: not in its list, its ledger or its receipts.
        var theirs = await university.GetAsync(new Uri("/Payments", UriKind.Relative), Ct);
        Assert.DoesNotContain(deposit.PaymentReference, await theirs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await university.GetAsync(new Uri($"/Payments/Receipt/{payment.Id}", UriKind.Relative), Ct)).StatusCode);
        var ledger = await GetAsync(university, "/Payments/Ledger");
        Assert.Equal(site.WithDb(db => db.Postings.Count(p => p.Party == UniversityOrg)), ledger.QuerySelectorAll("#lines tbody tr").Length);
        Assert.DoesNotContain(ledger.QuerySelectorAll("#balances tr[data-account]"), r => r.GetAttribute("data-account") == nameof(LedgerAccountKind.CashAtBank));
        Assert.Equal(HttpStatusCode.OK, (await company.GetAsync(new Uri($"/Payments/Receipt/{payment.Id}", UriKind.Relative), Ct)).StatusCode);

        // Only the center: every center page refuses an organisation, and a posted receipt is not recorded.
        foreach (var page in new[] { "Receipts", "Flagged", "Deposits", "Settlements", "Ledger" })
        {
            var response = await company.GetAsync(new Uri($"/Center/Payments/{page}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        var token = ((IHtmlInputElement)(await GetAsync(company, "/Payments")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var forgedRef = NewBankReference();
        var posted = await company.PostAsync(new Uri("/Center/Payments/Receipts", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.FormKey"] = Guid.NewGuid().ToString("N"), ["Input.Reference"] = deposit.PaymentReference,
            ["Input.AmountYuan"] = "3000.00", ["Input.ReceivedOn"] = "2026-11-27", ["Input.BankReference"] = forgedRef,
        }), Ct);
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(0, site.WithDb(db => db.BankReceipts.Count(r => r.BankReference == forgedRef)));

        // Signed out: the pages ask to sign in; the webhook is open but wants Stripe's signature.
        var anonymous = Accounts.NewClient(site);
        var signIn = await anonymous.GetAsync(new Uri("/Payments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/Account/Login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostWebhookAsync("{}", null)).StatusCode);
    }

    private async Task<HttpClient> CenterAsync()
    {
        site.SkipUnlessAvailable();
        return await Accounts.SignedInAsync(site, Accounts.Center);
    }

    private static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private async Task<DepositRecord> RequireDepositAsync(HttpClient center, Guid org, DepositSubjectKind kind, Guid subject, string amountYuan)
    {
        var form = (IHtmlFormElement)(await GetAsync(center, "/Center/Payments/Deposits")).QuerySelector("#require-form")!;
        var response = await Html.SubmitAsync(center, form, new Dictionary<string, string>
        {
            ["Require.OrganizationId"] = org.ToString(), ["Require.Kind"] = kind.ToString(), ["Require.SubjectId"] = subject.ToString(),
            ["Require.SubjectTitle"] = "测试标的 " + subject.ToString("N")[..6], ["Require.AmountYuan"] = amountYuan, ["Require.PayByDate"] = "2026-12-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return site.WithDb(db => db.Deposits.AsNoTracking().Single(d => d.OrganizationId == org && d.SubjectKind == kind && d.SubjectId == subject));
    }

    private static async Task CloseSubjectAsync(HttpClient center, DepositSubjectKind kind, Guid subject)
    {
        var form = (IHtmlFormElement)(await GetAsync(center, "/Center/Payments/Deposits")).QuerySelector("#close-form")!;
        var response = await Html.SubmitAsync(center, form, new Dictionary<string, string> { ["Close.Kind"] = kind.ToString(), ["Close.SubjectId"] = subject.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<IHtmlFormElement> ReceiptFormAsync(HttpClient center) =>
        (IHtmlFormElement)(await GetAsync(center, "/Center/Payments/Receipts")).QuerySelector("#receipt-form")!;

    private static Task<HttpResponseMessage> SubmitReceiptAsync(HttpClient center, IHtmlFormElement form, string reference, string amountYuan, string bankReference) =>
        Html.SubmitAsync(center, form, new Dictionary<string, string>
        {
            ["Input.Reference"] = reference, ["Input.AmountYuan"] = amountYuan, ["Input.ReceivedOn"] = "2026-11-27", ["Input.BankReference"] = bankReference,
        });

    private static IElement? FlaggedRow(IDocument queue, string bankReference) =>
        queue.QuerySelectorAll("#flagged tr[data-receipt]").FirstOrDefault(r => r.TextContent.Contains(bankReference, StringComparison.Ordinal));

    private static string NewBankReference() => "BK" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();

    private DepositRecord Deposit(Guid id) => site.WithDb(db => db.Deposits.AsNoTracking().Single(d => d.Id == id));

    private long Balance(LedgerAccount account) =>
        site.WithDb(db => db.Postings.Where(p => p.AccountKind == account.Kind && p.Party == account.Party).Sum(p => p.AmountFen));

    private int EntriesFor(BusinessEventKind kind, Guid causeId) =>
        site.WithDb(db => db.JournalEntries.Count(e => e.CauseKind == kind && e.CauseId == causeId));

    private async Task<HttpResponseMessage> PostWebhookAsync(string json, string? signature)
    {
        var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/stripe", UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<string?> VerdictAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("verdict").GetString();
    }

    /// <summary>Stripe's scheme: HMAC-SHA256 of "timestamp.payload" with the endpoint secret.</summary>
    private static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}

[Collection(PaymentsSqliteCollection.Name)]
public sealed class SqlitePaymentTests(PaymentsSqliteSite site) : PaymentTests(site);

[Collection(PaymentsPostgresCollection.Name)]
public sealed class PostgresPaymentTests(PaymentsPostgresSite site) : PaymentTests(site);
