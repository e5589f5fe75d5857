using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Organizations;

/// <summary>A legal entity acting on the platform. Individuals always act for one.</summary>
public sealed class Organization : IAudited
{
    private Organization() { Name = ""; }

    public Organization(Guid id, string name, string? nameEn, OrganizationType type, UnifiedSocialCreditCode? creditCode, bool isDemo, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name.Trim();
        NameEn = nameEn;
        Type = type;
        CreditCode = creditCode?.Value;
        IsDemo = isDemo;
        CreatedAt = createdAt;
        Verification = VerificationStatus.Pending;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? NameEn { get; private set; }
    public OrganizationType Type { get; private set; }
    /// <summary>统一社会信用代码, validated per GB 32100-2015.</summary>
    public string? CreditCode { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    /// <summary>Stored name of the business licence scan (营业执照 / 法人证书), kept outside the web root.</summary>
    public string? LicenceFile { get; private set; }
    public string? LicenceContentType { get; private set; }
    public VerificationStatus Verification { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    /// <summary>演示数据: fictional organisations seeded for demonstration.</summary>
    public bool IsDemo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsVerified => Verification == VerificationStatus.Verified;

    public void SetContact(string? contactName, string? contactPhone)
    {
        ContactName = contactName?.Trim();
        ContactPhone = contactPhone?.Trim();
    }

    /// <summary>A new licence scan sends the organisation back to the center's queue.</summary>
    public void AttachLicence(string storedFile, string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedFile);
        LicenceFile = storedFile;
        LicenceContentType = contentType;
        if (Verification == VerificationStatus.Rejected) Verification = VerificationStatus.Pending;
    }

    public VerificationDecision Approve(DateTimeOffset at)
    {
        if (Verification == VerificationStatus.Verified) return VerificationDecision.Refused("该机构已通过认证 / Already verified.");
        Verification = VerificationStatus.Verified;
        VerifiedAt = at;
        RejectionReason = null;
        return VerificationDecision.Done;
    }

    public VerificationDecision Reject(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return VerificationDecision.Refused("驳回必须说明理由 / A rejection needs a reason.");
        if (Verification != VerificationStatus.Pending) return VerificationDecision.Refused("只能驳回待审核的机构 / Only pending organisations can be rejected.");
        Verification = VerificationStatus.Rejected;
        RejectionReason = reason.Trim();
        return VerificationDecision.Done;
    }

    /// <summary>Seed path: demo organisations are verified from the start.</summary>
    public void MarkVerified(DateTimeOffset at)
    {
        Verification = VerificationStatus.Verified;
        VerifiedAt = at;
    }
}

public sealed record VerificationDecision(bool Succeeded, string? Error)
{
    public static VerificationDecision Done { get; } = new(true, null);
    public static VerificationDecision Refused(string error) => new(false, error);
}
