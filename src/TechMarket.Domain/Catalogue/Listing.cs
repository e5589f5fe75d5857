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

    /// <summary>法律状态 as the seller declares it; null for research results and demands.</summary>
    public LegalStatus? LegalStatus { get; private set; }
    /// <summary>Last day of the patent term (Patent Law Art. 42), when known.</summary>
    public DateOnly? LastDayInForce { get; private set; }
    public bool IsPledged { get; private set; }
    public bool PledgeeConsented { get; private set; }
    /// <summary>权利负担: licences granted, pledges, open-licence declarations, as free text.</summary>
    public string? Encumbrances { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    private readonly List<CoOwnerConsent> coOwners = [];
    /// <summary>共有人: the other patentees. Patent Law Art. 14: assignment and exclusive licence need all of them.</summary>
    public IReadOnlyList<CoOwnerConsent> CoOwners => coOwners;

    /// <summary>A seller may change terms only before review or after a rejection.</summary>
    public bool IsEditable => Status is ListingStatus.Draft or ListingStatus.Rejected;

    public void ChangeTerms(TradeModes tradeModes, Money? price, Industry industry, int? trl)
    {
        if (!IsEditable) throw new InvalidOperationException($"A {Status} listing cannot be edited.");
        if (tradeModes == TradeModes.None) throw new ArgumentException("A listing needs at least one trade mode.", nameof(tradeModes));
        if (price is { Fen: <= 0 }) throw new ArgumentOutOfRangeException(nameof(price), "A stated price must be positive; use null for 面议.");
        if (trl is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(trl), "TRL is 1 to 9.");
        TradeModes = tradeModes;
        PriceFen = price?.Fen;
        Industry = industry;
        Trl = trl;
    }

    public void DeclareStanding(LegalStatus? status, DateOnly? lastDayInForce, bool isPledged, bool pledgeeConsented, string? encumbrances)
    {
        if (!IsEditable) throw new InvalidOperationException($"A {Status} listing cannot be edited.");
        LegalStatus = status;
        LastDayInForce = lastDayInForce;
        IsPledged = isPledged;
        PledgeeConsented = pledgeeConsented;
        Encumbrances = string.IsNullOrWhiteSpace(encumbrances) ? null : encumbrances.Trim();
    }

    /// <summary>Replaces the co-owner list; consents already recorded for names that stay are kept.</summary>
    public void SetCoOwners(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (!IsEditable) throw new InvalidOperationException($"A {Status} listing cannot be edited.");
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        coOwners.RemoveAll(c => !wanted.Contains(c.Name));
        foreach (var name in wanted.Where(n => coOwners.All(c => c.Name != n))) coOwners.Add(new CoOwnerConsent(name));
    }

    public void RecordConsent(string coOwner, DateTimeOffset now)
    {
        var owner = coOwners.FirstOrDefault(c => c.Name == coOwner) ?? throw new InvalidOperationException($"{coOwner} is not a co-owner of this listing.");
        owner.Consent(now);
    }

    /// <summary>Everything that stops the listing from going to (or coming out of) review, as of <paramref name="today"/>.</summary>
    public IReadOnlyList<ListingProblem> Problems(AssetKind kind, DateOnly today)
    {
        var problems = new List<ListingProblem>();
        if (kind is not (AssetKind.ResearchResult or AssetKind.Demand))
        {
            if (LegalStatus is not { } status) problems.Add(ListingProblem.LegalStatusMissing);
            else problems.AddRange(ListingGate.Check(kind, new LegalStanding(status, IsPledged, PledgeeConsented, LastDayInForce), today).Select(ListingProblem.From));
        }
        // Patent Law Art. 14: without every co-owner's consent, only practice and ordinary licences are open.
        if ((TradeModes & (TradeModes.Assignment | TradeModes.ExclusiveLicence | TradeModes.SoleLicence)) != 0 && coOwners.Any(c => c.ConsentedAt is null))
        {
            problems.Add(ListingProblem.CoOwnerConsentMissing(coOwners.Where(c => c.ConsentedAt is null).Select(c => c.Name)));
        }
        return problems;
    }

    /// <summary>draft/rejected → submitted, if the legal-status gate and co-owner consents allow it.</summary>
    public ListingOutcome Submit(AssetKind kind, DateTimeOffset now)
    {
        if (!IsEditable) return ListingOutcome.Refused(ListingProblem.WrongStatus(Status));
        // The legal-status gate counts China's calendar days (UTC+8).
        var problems = Problems(kind, ChinaTime.Today(now));
        if (problems.Count > 0) return ListingOutcome.Refused([.. problems]);
        Status = ListingStatus.Submitted;
        SubmittedAt = now;
        RejectionReason = null;
        return ListingOutcome.Done;
    }

    /// <summary>Center review: submitted → published. The gate runs again: the status may have changed since submission.</summary>
    public ListingOutcome Approve(AssetKind kind, DateTimeOffset now)
    {
        if (Status != ListingStatus.Submitted) return ListingOutcome.Refused(ListingProblem.WrongStatus(Status));
        var problems = Problems(kind, ChinaTime.Today(now));
        if (problems.Count > 0) return ListingOutcome.Refused([.. problems]);
        Status = ListingStatus.Published;
        ReviewedAt = now;
        PublishedAt = now;
        return ListingOutcome.Done;
    }

    public ListingOutcome Reject(string reason, DateTimeOffset now)
    {
        if (Status != ListingStatus.Submitted) return ListingOutcome.Refused(ListingProblem.WrongStatus(Status));
        if (string.IsNullOrWhiteSpace(reason)) return ListingOutcome.Refused(ListingProblem.ReasonMissing);
        Status = ListingStatus.Rejected;
        RejectionReason = reason.Trim();
        ReviewedAt = now;
        return ListingOutcome.Done;
    }

    /// <summary>The seller takes the listing down (from draft, review or publication); it cannot come back.</summary>
    public ListingOutcome Withdraw(DateTimeOffset now) => Close(ListingStatus.Withdrawn, now,
        ListingStatus.Draft, ListingStatus.Submitted, ListingStatus.Rejected, ListingStatus.Published);

    /// <summary>The listing period has run out.</summary>
    public ListingOutcome Expire(DateTimeOffset now) => Close(ListingStatus.Expired, now, ListingStatus.Published);

    /// <summary>
    /// 重新挂牌: a listing whose listed trade ended unsold goes back on the market. The legal-status gate runs again,
    /// since the patent's status may have changed during the period.
    /// </summary>
    public ListingOutcome Relist(AssetKind kind, DateTimeOffset now)
    {
        if (Status != ListingStatus.Expired) return ListingOutcome.Refused(ListingProblem.WrongStatus(Status));
        var problems = Problems(kind, ChinaTime.Today(now));
        if (problems.Count > 0) return ListingOutcome.Refused([.. problems]);
        Status = ListingStatus.Published;
        PublishedAt = now;
        ClosedAt = null;
        return ListingOutcome.Done;
    }

    /// <summary>A buyer's offer is being negotiated (意向受让).</summary>
    public ListingOutcome PutUnderOffer() => Move(ListingStatus.UnderOffer, ListingStatus.Published);

    /// <summary>The negotiation fell through: back on the market.</summary>
    public ListingOutcome ReturnToMarket() => Move(ListingStatus.Published, ListingStatus.UnderOffer, ListingStatus.InAuction);

    public ListingOutcome PutInAuction() => Move(ListingStatus.InAuction, ListingStatus.Published);

    /// <summary>
    /// The deal that sold the listing was cancelled, so the listing returns to the market: a party withdrew from a
    /// negotiated deal before signing, the center upheld an objection, or (悔拍, SPC 2016 Art. 24) the buyer of a sold
    /// lot defaulted and the listing waits for the re-auction or an offer to the runner-up.
    /// </summary>
    public ListingOutcome ReopenAfterCancelledDeal()
    {
        var outcome = Move(ListingStatus.Published, ListingStatus.Sold);
        if (outcome.Succeeded) ClosedAt = null;
        return outcome;
    }

    public ListingOutcome MarkSold(DateTimeOffset now) => Close(ListingStatus.Sold, now, ListingStatus.UnderOffer, ListingStatus.InAuction, ListingStatus.Published);

    private ListingOutcome Move(ListingStatus to, params ListingStatus[] from)
    {
        if (!from.Contains(Status)) return ListingOutcome.Refused(ListingProblem.WrongStatus(Status));
        Status = to;
        return ListingOutcome.Done;
    }

    private ListingOutcome Close(ListingStatus to, DateTimeOffset now, params ListingStatus[] from)
    {
        var outcome = Move(to, from);
        if (outcome.Succeeded) ClosedAt = now;
        return outcome;
    }

    /// <summary>Seed path only: demo listings are published as if reviewed. The review workflow belongs to the catalogue issue.</summary>
    public void PublishDemo(DateTimeOffset at)
    {
        if (!IsDemo) throw new InvalidOperationException("Only demo listings skip the center's review.");
        Status = ListingStatus.Published;
        PublishedAt = at;
    }
}
