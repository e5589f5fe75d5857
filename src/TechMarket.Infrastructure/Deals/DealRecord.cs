using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Deals;

/// <summary>
/// 成交: one deal over one listing between a seller and a buyer organisation, whatever the road that led to it. The
/// origin and its record id are unique, so the same auction, offer or listed trade cannot open two deals.
/// </summary>
public sealed class DealRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid ListingId { get; set; }
    public DealOrigin Origin { get; set; }
    /// <summary>The listed trade, auction, offer or licence purchase the deal came from.</summary>
    public Guid OriginId { get; set; }
    public Guid SellerOrganizationId { get; set; }
    public Guid BuyerOrganizationId { get; set; }
    /// <summary>Exactly one trade mode: what the buyer gets (assignment, a licence of one kind, equity).</summary>
    public TradeModes TradeMode { get; set; }
    public long PriceFen { get; set; }
    public DealStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Money Price => new(PriceFen);
}
