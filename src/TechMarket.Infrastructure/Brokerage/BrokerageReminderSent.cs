namespace TechMarket.Infrastructure.Brokerage;

/// <summary>The claim that the reminder for a case's due date went out; unique per case and date, so it goes once.</summary>
public sealed class BrokerageReminderSent
{
    public Guid CaseId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
