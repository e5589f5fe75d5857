namespace TechMarket.Infrastructure.Payments;

/// <summary>The "Payments" configuration section.</summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    /// <summary>The platform's receiving account shown to payers of offline transfers (线下转账).</summary>
    public BankAccountOptions BankAccount { get; set; } = new();

    /// <summary>Process the payment outbox in a background loop (tests switch it off and drain it themselves).</summary>
    public bool ProcessOutboxInBackground { get; set; } = true;

    public int OutboxPollSeconds { get; set; } = 5;
}

public sealed class BankAccountOptions
{
    /// <summary>户名.</summary>
    public string Name { get; set; } = "";
    /// <summary>开户行.</summary>
    public string Bank { get; set; } = "";
    /// <summary>账号.</summary>
    public string Number { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Bank) && !string.IsNullOrWhiteSpace(Number);
}
