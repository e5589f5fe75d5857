namespace TechMarket.Domain.Demands;

/// <summary>
/// 与本单位成果匹配的技术需求 (issue 8, the second direction of demand alerts): a verified university or institute whose
/// published listings match a newly opened demand's public text. One per demand × organisation (unique key), so running
/// the matcher twice, or on two nodes, stores one. <see cref="ListingIds"/> are the organisation's listings that matched,
/// best first; <see cref="NotifiedAt"/> is set when the organisation's daily digest carried the demand, so each demand is
/// mailed once.
/// </summary>
public sealed class DemandOrganisationMatch
{
    private DemandOrganisationMatch() { ListingIdList = ""; }

    public DemandOrganisationMatch(Guid demandId, Guid organizationId, IReadOnlyList<Guid> listingIds, float score, DateTimeOffset matchedAt)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        if (listingIds.Count == 0) throw new ArgumentException("A match names at least one listing.", nameof(listingIds));
        Id = Guid.NewGuid();
        DemandId = demandId;
        OrganizationId = organizationId;
        ListingIdList = string.Join(',', listingIds.Select(id => id.ToString("N")));
        Score = score;
        MatchedAt = matchedAt;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid OrganizationId { get; private set; }
    /// <summary>The matched listing ids, comma-separated ("N" format): a handful per row, read with the row, never queried.</summary>
    public string ListingIdList { get; private set; }
    /// <summary>The search score of the organisation's best listing, for ordering; relative to that search only.</summary>
    public float Score { get; private set; }
    public DateTimeOffset MatchedAt { get; private set; }
    public DateTimeOffset? NotifiedAt { get; private set; }

    public IReadOnlyList<Guid> ListingIds => [.. ListingIdList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"))];

    public void Notified(DateTimeOffset at) => NotifiedAt ??= at;
}
