using System.Text.Json;
using System.Text.Json.Serialization;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Deals;

/// <summary>
/// 成交: one deal over one listing between a seller and a buyer organisation, whatever the road that led to it. The
/// origin and its record id are unique, so the same auction, offer or listed trade cannot open two deals; the
/// <see cref="ExclusiveKey"/> is unique too, so a listing is assigned (or exclusively licensed) to one buyer only.
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

    /// <summary>The listing id while this deal takes the listing off the market (assignment, exclusive licence, equity); else null.</summary>
    public Guid? ExclusiveKey { get; set; }

    /// <summary>公示 of 协议定价 by a university (促进科技成果转化法 Art. 18).</summary>
    public DateTimeOffset? PublicityStartsAt { get; set; }
    public DateTimeOffset? PublicityEndsAt { get; set; }
    public DateTimeOffset? PublicityEndedAt { get; set; }

    /// <summary>Inventor reward calculation (Art. 45): costs the seller entered, the share and the rule it comes from.</summary>
    public long CostsFen { get; set; }
    public int RewardShareBasisPoints { get; set; } = InventorReward.StatutoryMinimum.BasisPoints;
    public string? RewardPolicy { get; set; }

    /// <summary>The settlement of an express or open licence paid at purchase.</summary>
    public Guid? SettlementId { get; set; }

    /// <summary>The contract's terms as JSON (<see cref="TransferContractTerms"/>); every edit bumps the version.</summary>
    public string? ContractJson { get; set; }
    public int ContractVersion { get; set; }

    /// <summary>What the buyer accepted before paying (express licence terms, open-licence declaration) or the written notice.</summary>
    public string? AcceptedTerms { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>
    /// Concurrency token, bumped by every change of the deal (<see cref="Touch"/>): of two changes made from the same
    /// reading (a party's cancellation and the other's final signature, two edits, an objection and the end of the
    /// publicity) exactly one is saved, and the other is refused instead of overwriting it.
    /// </summary>
    public int Version { get; set; }

    public Money Price => new(PriceFen);

    /// <summary>Marks a change of the deal: its time, and a new <see cref="Version"/> that a concurrent change made from the old one cannot save over.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    public InventorReward Reward => new(Price, new Money(CostsFen), new Rate(RewardShareBasisPoints));

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public TransferContractTerms? Contract => ContractJson is null ? null : JsonSerializer.Deserialize<TransferContractTerms>(ContractJson, Json);

    public void WriteContract(TransferContractTerms terms)
    {
        ContractJson = JsonSerializer.Serialize(terms, Json);
        ContractVersion++;
    }
}

/// <summary>
/// Why the deal scan (<see cref="OpenAuctionDeals"/>) could not open a won auction's deal: the listing was withdrawn, the
/// patent pledged meanwhile… While it stands the auction is no longer a candidate of the scan, so refused lots cannot
/// starve the others; the center sees the reason on the auction's page and retries once the cause is cleared.
/// </summary>
public sealed class AuctionDealRefusalRecord : IAudited
{
    public Guid AuctionId { get; set; }
    public OpenDealRefusal Refusal { get; set; }
    public string ReasonZh { get; set; } = "";
    public string ReasonEn { get; set; } = "";
    /// <summary>When the last attempt was refused.</summary>
    public DateTimeOffset RefusedAt { get; set; }
    /// <summary>How many attempts were refused (the scan's, then the center's retries).</summary>
    public int Attempts { get; set; }
}

/// <summary>A party's signature on the deal's contract: the typed name of a person, when, and which version of the terms.</summary>
public sealed class DealSignatureRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid DealId { get; set; }
    public OfferSide Side { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public string TypedName { get; set; } = "";
    public int ContractVersion { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}

/// <summary>An objection raised against a deal during its publicity period, with the seller's answer.</summary>
public sealed class DealObjectionRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid DealId { get; set; }
    public Guid UserId { get; set; }
    public string RaisedBy { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string? Answer { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>面议: one offer thread between a buyer organisation and the seller over one listing.</summary>
public sealed class OfferRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid ListingId { get; set; }
    public Guid BuyerOrganizationId { get; set; }
    public Guid SellerOrganizationId { get; set; }
    /// <summary>The terms on the table (the last proposal).</summary>
    public TradeModes TradeMode { get; set; }
    public long PriceFen { get; set; }
    public OfferStatus Status { get; set; }
    public Guid? DealId { get; set; }
    /// <summary>Bumped by every move: two answers to the same proposal cannot both be saved.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class OfferMessageRecord
{
    public Guid Id { get; set; }
    public Guid OfferId { get; set; }
    public OfferSide Side { get; set; }
    public OfferMove Move { get; set; }
    public TradeModes? TradeMode { get; set; }
    public long? PriceFen { get; set; }
    public string? Message { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An ordinary licence at a fixed published price (express licence), with the terms shown before payment.</summary>
public sealed class ExpressLicenceTermsRecord : IAudited
{
    public Guid ListingId { get; set; }
    public long PriceFen { get; set; }
    public string Scope { get; set; } = "";
    public string Territory { get; set; } = "";
    public string Term { get; set; } = "";
    public bool IsOffered { get; set; }
    /// <summary>Bumped on every change; the buyer's acceptance names the version it saw.</summary>
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Describe() => $"普通实施许可；价款 {new Money(PriceFen)}；实施范围：{Scope}；地域：{Territory}；期限：{Term}";
}

/// <summary>开放许可声明 (Patent Law Art. 50): the published fee and terms, over a catalogue record, until withdrawn.</summary>
public sealed class OpenLicenceDeclarationRecord : IAudited
{
    public Guid Id { get; set; }
    public Guid CatalogueRecordId { get; set; }
    /// <summary>The record's number (patent number) as the register knows it.</summary>
    public string RecordNumber { get; set; } = "";
    public Guid ListingId { get; set; }
    public Guid OrganizationId { get; set; }
    public long FeeFen { get; set; }
    /// <summary>How the fee is paid and the licence period (Art. 50: the declaration states the fee, its payment and the period).</summary>
    public string Terms { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    /// <summary>The record id while the declaration stands, else null: one standing declaration per record.</summary>
    public Guid? StandingKey { get; set; }

    public Money Fee => new(FeeFen);
}
