namespace TechMarket.Infrastructure.Events;

/// <summary>The claim that a registration's day-before reminder went out; one per registration.</summary>
public sealed class EventReminderSent
{
    public Guid RegistrationId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
