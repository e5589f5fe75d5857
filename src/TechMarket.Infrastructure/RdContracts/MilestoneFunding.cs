using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>
/// 里程碑托管付款单: one per milestone with money, issued when the contract comes into force. It carries the payment
/// reference (付款识别码) the client quotes on its bank transfer and the id of the milestone's ledger sub-accounts
/// (escrow, payable to the developer, refund payable to the client). It holds no balances: those are the ledger's.
/// <see cref="Version"/> is a concurrency token bumped by every money movement of the milestone, so two payouts (or a
/// payout and a decision) racing on one milestone cannot both pass their balance check.
/// </summary>
public sealed class MilestoneFundingRecord : IAudited
{
    /// <summary>The party of the milestone's ledger sub-accounts.</summary>
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public int Milestone { get; set; }
    public Guid ClientOrganizationId { get; set; }
    public Guid DeveloperOrganizationId { get; set; }
    public long AmountFen { get; set; }
    public string PaymentReference { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The card payment started for it, if any (one PaymentIntent per milestone).</summary>
    public string? StripePaymentIntentId { get; set; }
    public int Version { get; set; }

    public Money Amount => new(AmountFen);
}
