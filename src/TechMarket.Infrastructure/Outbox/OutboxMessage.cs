namespace TechMarket.Infrastructure.Outbox;

/// <summary>
/// A change to publish after the transaction that made it commits (transactional outbox). Written in the same
/// SaveChanges as the change; a dispatcher reads unprocessed rows. Shared by features: <see cref="Type"/> says whose.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { Type = Payload = ""; }

    public OutboxMessage(Guid id, string type, string payload, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Id = id;
        Type = type;
        Payload = payload ?? "{}";
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Type { get; private set; }
    /// <summary>JSON.</summary>
    public string Payload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>After a failure, not before this time: a transient fault (index lock, database restart) gets time to pass.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public void Processed(DateTimeOffset at) => ProcessedAt = at;

    /// <summary>Counts the failure and waits 1 s, 2 s, 4 s … (at most 5 minutes) before the next attempt.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + RetryDelay(Attempts);
    }

    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Max(0, attempts - 1))));
}

public static class OutboxTypes
{
    /// <summary>Payload {"listingId": "..."}: re-index or remove the listing, whatever its state now.</summary>
    public const string ListingChanged = "catalogue.listing_changed";

    /// <summary>Payload {"demandId": "..."}: a demand was opened for proposals; match it to organisations (demand alerts).</summary>
    public const string DemandOpened = "demands.demand_opened";
}
