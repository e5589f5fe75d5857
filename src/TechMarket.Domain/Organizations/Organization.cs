namespace TechMarket.Domain.Organizations;

/// <summary>A legal entity acting on the platform. Individuals always act for one.</summary>
public sealed class Organization
{
    private Organization() { Name = ""; }

    public Organization(Guid id, string name, string? nameEn, OrganizationType type, UnifiedSocialCreditCode? creditCode, bool isDemo, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        NameEn = nameEn;
        Type = type;
        CreditCode = creditCode?.Value;
        IsDemo = isDemo;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? NameEn { get; private set; }
    public OrganizationType Type { get; private set; }
    /// <summary>统一社会信用代码, validated per GB 32100-2015.</summary>
    public string? CreditCode { get; private set; }
    public VerificationStatus Verification { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    /// <summary>演示数据: fictional organisations seeded for demonstration.</summary>
    public bool IsDemo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void MarkVerified(DateTimeOffset at)
    {
        Verification = VerificationStatus.Verified;
        VerifiedAt = at;
    }
}
