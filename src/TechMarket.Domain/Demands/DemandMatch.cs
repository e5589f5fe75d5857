namespace TechMarket.Domain.Demands;

/// <summary>
/// 需求匹配: a published listing whose industry is the demand's and whose indexed text matches the demand's title.
/// One per demand × listing (unique); <see cref="NotifiedAt"/> is set when the owner's daily digest carried it, so
/// each match is mailed once.
/// </summary>
public sealed class DemandMatch
{
    private DemandMatch() { }

    public DemandMatch(Guid demandId, Guid listingId, DateTimeOffset matchedAt)
    {
        Id = Guid.NewGuid();
        DemandId = demandId;
        ListingId = listingId;
        MatchedAt = matchedAt;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid ListingId { get; private set; }
    public DateTimeOffset MatchedAt { get; private set; }
    public DateTimeOffset? NotifiedAt { get; private set; }

    public void Notified(DateTimeOffset at) => NotifiedAt = at;
}
