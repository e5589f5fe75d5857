using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stripe;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Payments;

/// <summary>A milestone's escrow payment started at Stripe: the PaymentIntent the page's Payment Element confirms.</summary>
public sealed record MilestoneCardPayment(Guid FundingId, string PaymentIntentId, string? ClientSecret, Domain.Shared.Money Amount);

/// <summary>
/// 刷卡托管: the client pays a milestone's amount as an ordinary PaymentIntent (automatic capture, CNY fen). The create
/// call's idempotency key is the milestone's funding event, so a double click or a retry is one PaymentIntent. The escrow
/// is booked only from Stripe's <c>payment_intent.succeeded</c> webhook (<see cref="ProcessPaymentOutbox"/>), through the
/// same <c>MilestoneFunded</c> ledger key as a bank receipt, so card and transfer together still book once.
/// </summary>
public sealed class PayMilestoneByCard(TechMarketDbContext db, IStripeClient client)
{
    public const string FundingMetadataKey = "rd_milestone_funding_id";
    public const string UserMetadataKey = "user_id";

    private readonly PaymentIntentService paymentIntents = new(client);

    /// <returns>Null when the milestone is not the caller's to fund or is funded already.</returns>
    public async Task<MilestoneCardPayment?> RunAsync(Guid contractId, int milestone, Guid clientOrganizationId, Guid userId, CancellationToken ct)
    {
        var funding = await db.MilestoneFunding
            .FirstOrDefaultAsync(f => f.ContractId == contractId && f.Milestone == milestone && f.ClientOrganizationId == clientOrganizationId, ct).ConfigureAwait(false);
        if (funding is null) return null;
        var cause = new BusinessEventRef(BusinessEventKind.MilestoneFunded, funding.Id);
        var funded = IdempotencyKey.For(cause).Value;
        if (await db.JournalEntries.AnyAsync(e => e.IdempotencyKey == funded, ct).ConfigureAwait(false)) return null;
        var intent = await CardPaymentIntents.CreateAsync(paymentIntents, funding.Amount, $"研发托管 milestone escrow {funding.PaymentReference}",
            new Dictionary<string, string>
            {
                [FundingMetadataKey] = funding.Id.ToString("N", CultureInfo.InvariantCulture),
                [UserMetadataKey] = userId.ToString("N", CultureInfo.InvariantCulture),
                ["organization_id"] = clientOrganizationId.ToString("N", CultureInfo.InvariantCulture),
            }, IdempotencyKey.For(cause, "stripe-create"), ct).ConfigureAwait(false);
        if (funding.StripePaymentIntentId != intent.Id)
        {
            funding.StripePaymentIntentId = intent.Id;
            db.AuditAs("rd-milestone.card_started", intent.Id);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return new MilestoneCardPayment(funding.Id, intent.Id, intent.ClientSecret, funding.Amount);
    }
}
