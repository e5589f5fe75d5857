using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>
/// 咨询: a private thread between a company and the seller of a listing. Only those two organisations read it;
/// the center reads it only once either side asks it to broker (居间).
/// </summary>
public sealed class Enquiry : IAudited
{
    private Enquiry() { }

    public Enquiry(Guid id, Guid listingId, Guid buyerOrganizationId, Guid sellerOrganizationId, DateTimeOffset createdAt)
    {
        if (buyerOrganizationId == sellerOrganizationId) throw new InvalidOperationException("A seller cannot enquire about its own listing.");
        Id = id;
        ListingId = listingId;
        BuyerOrganizationId = buyerOrganizationId;
        SellerOrganizationId = sellerOrganizationId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    public Guid SellerOrganizationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? BrokerageRequestedAt { get; private set; }

    private readonly List<EnquiryMessage> messages = [];
    public IReadOnlyList<EnquiryMessage> Messages => messages;

    public bool IsParty(Guid? organizationId) => organizationId is { } o && (o == BuyerOrganizationId || o == SellerOrganizationId);

    public bool CanRead(Guid? organizationId, bool isCenterStaff) => IsParty(organizationId) || (isCenterStaff && BrokerageRequestedAt is not null);

    public EnquiryMessage Post(Guid authorOrganizationId, Guid? authorUserId, string body, DateTimeOffset at)
    {
        if (!IsParty(authorOrganizationId)) throw new InvalidOperationException("Only the two parties write in an enquiry.");
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var message = new EnquiryMessage(Guid.NewGuid(), Id, authorOrganizationId, authorUserId, body.Trim(), at);
        messages.Add(message);
        return message;
    }

    public void RequestBrokerage(Guid byOrganizationId, DateTimeOffset at)
    {
        if (!IsParty(byOrganizationId)) throw new InvalidOperationException("Only a party may ask the center to broker.");
        BrokerageRequestedAt ??= at;
    }

    /// <summary>When the seller opened its on-request documents to the enquiring organisation; null while not granted.</summary>
    public DateTimeOffset? DocumentsGrantedAt { get; private set; }

    /// <summary>The seller lets the enquiring organisation download the listing's on-request documents (idempotent).</summary>
    public void GrantDocuments(Guid bySellerOrganizationId, DateTimeOffset at)
    {
        if (bySellerOrganizationId != SellerOrganizationId) throw new InvalidOperationException("Only the seller grants access to its documents.");
        DocumentsGrantedAt ??= at;
    }

    /// <summary>The seller withdraws the grant; downloads already made cannot be undone, later ones are refused.</summary>
    public void RevokeDocuments(Guid bySellerOrganizationId)
    {
        if (bySellerOrganizationId != SellerOrganizationId) throw new InvalidOperationException("Only the seller grants access to its documents.");
        DocumentsGrantedAt = null;
    }
}

public sealed class EnquiryMessage
{
    private EnquiryMessage() { Body = ""; }

    internal EnquiryMessage(Guid id, Guid enquiryId, Guid authorOrganizationId, Guid? authorUserId, string body, DateTimeOffset at)
    {
        Id = id;
        EnquiryId = enquiryId;
        AuthorOrganizationId = authorOrganizationId;
        AuthorUserId = authorUserId;
        Body = body;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid EnquiryId { get; private set; }
    public Guid AuthorOrganizationId { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>关注: a user follows a listing.</summary>
public sealed class ListingFollow
{
    private ListingFollow() { }

    public ListingFollow(Guid listingId, Guid userId, DateTimeOffset at)
    {
        ListingId = listingId;
        UserId = userId;
        At = at;
    }

    public Guid ListingId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>How often a listing's detail page was opened; kept apart from the audited listing.</summary>
public sealed class ListingViews
{
    private ListingViews() { }

    public ListingViews(Guid listingId) => ListingId = listingId;

    public Guid ListingId { get; private set; }
    public long Count { get; private set; }
}

/// <summary>What a mail subscription is for; all share the daily digest's unsubscribe link.</summary>
public enum SavedSearchKind
{
    /// <summary>A catalogue search: new listings that match <see cref="SavedSearch.QueryString"/>.</summary>
    Listings = 0,
    /// <summary>需求匹配提醒: listings matched to the user's organisation's open demands (issue 8).</summary>
    DemandMatches = 1,
    /// <summary>新的匹配需求: newly opened demands matched to the user's organisation's listings (issue 8).</summary>
    MatchedDemands = 2,
}

/// <summary>A saved search query (the search page's query string) with a daily e-mail digest of new matches, or another digest subscription (<see cref="Kind"/>).</summary>
public sealed class SavedSearch
{
    private SavedSearch() { QueryString = Email = UnsubscribeTokenHash = ""; }

    public SavedSearch(Guid id, Guid userId, string email, string queryString, string unsubscribeTokenHash, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Id = id;
        UserId = userId;
        Email = email;
        QueryString = queryString ?? "";
        UnsubscribeTokenHash = unsubscribeTokenHash;
        CreatedAt = createdAt;
        LastNotifiedAt = createdAt;
    }

    /// <summary>The demand-match alert subscription of one user, created with its first digest.</summary>
    public static SavedSearch ForDemandMatches(Guid userId, string email, string unsubscribeTokenHash, DateTimeOffset now) =>
        new(Guid.NewGuid(), userId, email, "", unsubscribeTokenHash, now) { Kind = SavedSearchKind.DemandMatches };

    /// <summary>The matched-demand alert subscription of one user of a university or institute, created with its first digest.</summary>
    public static SavedSearch ForMatchedDemands(Guid userId, string email, string unsubscribeTokenHash, DateTimeOffset now) =>
        new(Guid.NewGuid(), userId, email, "", unsubscribeTokenHash, now) { Kind = SavedSearchKind.MatchedDemands };

    public Guid Id { get; private set; }
    public SavedSearchKind Kind { get; private set; }
    public Guid UserId { get; private set; }
    public string Email { get; private set; }
    /// <summary>q=电池&amp;type=invention_patent, as on the search page.</summary>
    public string QueryString { get; private set; }
    public string UnsubscribeTokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Listings published after this are new for the next digest.</summary>
    public DateTimeOffset LastNotifiedAt { get; private set; }
    public DateTimeOffset? UnsubscribedAt { get; private set; }

    public bool IsActive => UnsubscribedAt is null;

    public void Notified(DateTimeOffset at) => LastNotifiedAt = at;

    /// <summary>Each digest carries a fresh token; only its hash is kept.</summary>
    public void ReplaceUnsubscribeToken(string tokenHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        UnsubscribeTokenHash = tokenHash;
    }

    public void Unsubscribe(DateTimeOffset at) => UnsubscribedAt ??= at;

    /// <summary>The user turned the digest back on (from the page that offers it); the next digest run includes them again.</summary>
    public void Resubscribe() => UnsubscribedAt = null;
}
