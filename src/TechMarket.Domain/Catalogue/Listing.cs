using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>An organisation's offer to deal a catalogue record on stated terms.</summary>
public sealed class Listing : IAudited
{
    private Listing() { }

    public Listing(Guid id, Guid recordId, Guid organizationId, TradeModes tradeModes, Money? price, Industry industry, int? trl, bool isDemo, DateTimeOffset createdAt)
    {
        if (tradeModes == TradeModes.None) throw new ArgumentException("A listing needs at least one trade mode.", nameof(tradeModes));
        if (price is { Fen: <= 0 }) throw new ArgumentOutOfRangeException(nameof(price), "A stated price must be positive; use null for 面议.");
        if (trl is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(trl), "TRL is 1 to 9.");
        Id = id;
        CatalogueRecordId = recordId;
        OrganizationId = organizationId;
        TradeModes = tradeModes;
        PriceFen = price?.Fen;
        Industry = industry;
        Trl = trl;
        IsDemo = isDemo;
        CreatedAt = createdAt;
        Status = ListingStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid CatalogueRecordId { get; private set; }
    public CatalogueRecord? Record { get; private set; }
    public Guid OrganizationId { get; private set; }
    public ListingStatus Status { get; private set; }
    public TradeModes TradeModes { get; private set; }
    /// <summary>Price in fen; null means 面议 (price by negotiation).</summary>
    public long? PriceFen { get; private set; }
    public Industry Industry { get; private set; }
    /// <summary>Technology readiness level 1-9.</summary>
    public int? Trl { get; private set; }
    /// <summary>演示数据: a demonstration listing over a real public record.</summary>
    public bool IsDemo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public Money? Price => PriceFen is { } fen ? new Money(fen) : null;

    /// <summary>Seed path only: demo listings are published as if reviewed. The review workflow belongs to the catalogue issue.</summary>
    public void PublishDemo(DateTimeOffset at)
    {
        if (!IsDemo) throw new InvalidOperationException("Only demo listings skip the center's review.");
        Status = ListingStatus.Published;
        PublishedAt = at;
    }
}
