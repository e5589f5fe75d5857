using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Events;

/// <summary>The center's event formats.</summary>
public enum PromotionEventKind
{
    /// <summary>科技成果推介会: results presented to companies.</summary>
    Showcase,
    /// <summary>专利技术竞价会: an auction session with an on-site promotion (exchange practice).</summary>
    PatentAuction,
    /// <summary>政策解读: a policy briefing.</summary>
    PolicyBriefing,
}

public enum EventRegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// 推介会 / 竞价会 / 政策解读: an event the center publishes, with a programme (Markdown), a place or an online link,
/// linked listings or an auction session, and a capacity. Registrations beyond the capacity join a waiting list in
/// the order they arrived; a cancellation gives the seat to the first on the list.
/// </summary>
public sealed class PromotionEvent : IAudited
{
    public const int MaxCapacity = 100_000;

    public Guid Id { get; set; }
    public PromotionEventKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string ProgrammeMarkdown { get; set; } = "";
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }
    /// <summary>The auction session (专场) presented at the event, by id.</summary>
    public Guid? AuctionSessionId { get; set; }
    /// <summary>Results entered by the center after the event; null = computed from the linked auctions.</summary>
    public int? DealsStarted { get; set; }
    public int? LotsSold { get; set; }
    public bool IsCancelled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOver(DateTimeOffset now) => now >= EndsAt;

    /// <summary>Registration is open until the event starts.</summary>
    public bool AcceptsRegistrations(DateTimeOffset now) => !IsCancelled && now < StartsAt;

    /// <summary>The status a new registration gets when <paramref name="confirmed"/> seats are taken.</summary>
    public EventRegistrationStatus SeatFor(int confirmed) => confirmed < Capacity ? EventRegistrationStatus.Confirmed : EventRegistrationStatus.Waitlisted;

    /// <summary>The day reminders go out: the China calendar day before the event starts.</summary>
    public DateOnly ReminderDay => ChinaTime.Today(StartsAt).AddDays(-1);

    /// <summary>Field-level problems (Chinese / English) of an event as entered; empty when it can be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(string? title, DateTimeOffset startsAt, DateTimeOffset endsAt,
        int capacity, string? place, string? onlineUrl)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add((nameof(Title), "请填写活动名称 / Enter a title."));
        if (endsAt <= startsAt) problems.Add((nameof(EndsAt), "结束时间须晚于开始时间 / The end must be after the start."));
        if (capacity is < 1 or > MaxCapacity) problems.Add((nameof(Capacity), "名额须在 1 到 100000 之间 / Capacity must be 1 to 100000."));
        if (string.IsNullOrWhiteSpace(place) && string.IsNullOrWhiteSpace(onlineUrl))
            problems.Add((nameof(Place), "请填写地点或线上链接 / Enter a place or an online link."));
        if (!string.IsNullOrWhiteSpace(onlineUrl) && !(Uri.TryCreate(onlineUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            problems.Add((nameof(OnlineUrl), "线上链接须为 http(s) 地址 / The online link must be an http(s) address."));
        return problems;
    }
}

/// <summary>One person's registration; at most one per user and event.</summary>
public sealed class EventRegistration : IAudited
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public EventRegistrationStatus Status { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>When a waitlisted registration got a seat.</summary>
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
}

/// <summary>A programme item: a listing presented at the event.</summary>
public sealed class EventListing
{
    public Guid EventId { get; set; }
    public Guid ListingId { get; set; }
}
