using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stripe;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

/// <summary>A balance payment started at Stripe: the PaymentIntent the page's Payment Element confirms.</summary>
public sealed record BalanceCardPayment(Guid SettlementId, string PaymentIntentId, string? ClientSecret, Money Amount);

/// <summary>
/// 刷卡支付成交余款: the buyer pays what it still owes on a settlement as an ordinary PaymentIntent (automatic capture, CNY
/// fen). The create call's idempotency key is the settlement's balance event and the amount asked, so a double click or a
/// retry reaches Stripe as one PaymentIntent; after a partial bank transfer the smaller remainder is a new one. The money
/// is booked only from Stripe's <c>payment_intent.succeeded</c> webhook (<see cref="ProcessPaymentOutbox"/>), never from the browser.
/// </summary>
public sealed class PayBalanceByCard(TechMarketDbContext db, IStripeClient client)
{
    public const string SettlementMetadataKey = "settlement_id";

    private readonly PaymentIntentService paymentIntents = new(client);

    /// <returns>Null when the settlement is not the caller's to pay or nothing is owed.</returns>
    public async Task<BalanceCardPayment?> RunAsync(Guid settlementId, Guid buyerOrganizationId, CancellationToken ct)
    {
        var settlement = await db.Settlements.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == settlementId && s.BuyerOrganizationId == buyerOrganizationId, ct).ConfigureAwait(false);
        if (settlement is not { State: SettlementState.AwaitingBuyer } || settlement.BuyerOutstanding <= Money.Zero) return null;
        var amount = settlement.BuyerOutstanding;
        var key = IdempotencyKey.For(new BusinessEventRef(BusinessEventKind.BuyerBalancePaid, settlement.Id),
            string.Create(CultureInfo.InvariantCulture, $"stripe-create-{amount.Fen}"));
        var intent = await CardPaymentIntents.CreateAsync(paymentIntents, amount, $"成交余款 balance {settlement.PaymentReference}",
            new Dictionary<string, string>
            {
                [SettlementMetadataKey] = settlement.Id.ToString("N", CultureInfo.InvariantCulture),
                ["organization_id"] = buyerOrganizationId.ToString("N", CultureInfo.InvariantCulture),
            }, key, ct).ConfigureAwait(false);
        return new BalanceCardPayment(settlement.Id, intent.Id, intent.ClientSecret, amount);
    }
}
