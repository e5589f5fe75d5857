using TechMarket.Domain.Auctions;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// 悔拍 (SPC 2016 Art. 24): the center declared the winner of a sold auction in default. One per auction (unique), so a
/// second declaration finds it and changes nothing. The row is also the bar: the organisation may not register or bid in
/// any later auction of the same listing. The forfeited deposit is split as the domain allocates it: costs at once, the
/// rest held (in the forfeited-deposits account) against the re-auction's shortfall until that is known.
/// </summary>
public sealed class AuctionDefaultRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid ListingId { get; set; }
    public Guid AuctionId { get; set; }
    /// <summary>The defaulter, barred from this listing's re-auction.</summary>
    public Guid OrganizationId { get; set; }
    public Guid SellerOrganizationId { get; set; }
    public DefaultGround Ground { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
    public Guid? DeclaredByUserId { get; set; }
    /// <summary>The hammer price the defaulter did not pay: the yardstick of the re-auction's shortfall.</summary>
    public long DefaultedPriceFen { get; set; }
    /// <summary>The whole deposit forfeited (0 when the auction asked none or it was not held).</summary>
    public long DepositForfeitedFen { get; set; }
    public long CostsFen { get; set; }
    /// <summary>What the forfeiture paid toward the costs the center entered.</summary>
    public long CostsCoveredFen { get; set; }
    /// <summary>What is left of the deposit after costs, kept against the re-auction's shortfall.</summary>
    public long HeldForShortfallFen { get; set; }
    /// <summary>The deal of the re-sale whose price measured the shortfall (re-auction or runner-up), if any.</summary>
    public Guid? ResaleAuctionId { get; set; }
    public long? ResalePriceFen { get; set; }
    /// <summary>Paid to the seller from the forfeited deposit (SPC 2016 Art. 24); the rest stays forfeited.</summary>
    public long ShortfallPaidFen { get; set; }
    public DateTimeOffset? ShortfallSettledAt { get; set; }

    public Money DefaultedPrice => new(DefaultedPriceFen);
}

public enum RunnerUpOfferStatus
{
    /// <summary>Waiting for the runner-up's answer until <see cref="RunnerUpOfferRecord.RespondBy"/>.</summary>
    Pending = 1,
    Accepted = 2,
    Declined = 3,
    /// <summary>No answer in time: the lot goes to the re-auction.</summary>
    Lapsed = 4,
}

/// <summary>
/// 次高出价人 offer (DOMAIN.md, option under SPC 2016 Art. 24): the lot at the runner-up's last bid, answered by the
/// runner-up's organisation within a number of working days. Only that organisation (and the center) may see it.
/// </summary>
public sealed class RunnerUpOfferRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid DefaultId { get; set; }
    public Guid AuctionId { get; set; }
    public Guid ListingId { get; set; }
    public Guid OrganizationId { get; set; }
    public string BidderCode { get; set; } = "";
    public long PriceFen { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset RespondBy { get; set; }
    public RunnerUpOfferStatus Status { get; set; } = RunnerUpOfferStatus.Pending;
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    public Guid? DealId { get; set; }

    public Money Price => new(PriceFen);
}
