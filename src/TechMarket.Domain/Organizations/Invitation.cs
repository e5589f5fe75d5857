namespace TechMarket.Domain.Organizations;

/// <summary>An organisation admin's invitation for a person to join. The token itself is only stored hashed.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    private Invitation() { Email = TokenHash = ""; }

    public Invitation(Guid id, Guid organizationId, string email, string tokenHash, Guid invitedBy, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        Id = id;
        OrganizationId = organizationId;
        Email = email.Trim();
        TokenHash = tokenHash;
        InvitedBy = invitedBy;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Validity;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Email { get; private set; }
    public string TokenHash { get; private set; }
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    public bool CanBeAccepted(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    public void Accept(DateTimeOffset now)
    {
        if (!CanBeAccepted(now)) throw new InvalidOperationException("The invitation was used or has expired.");
        AcceptedAt = now;
    }
}
