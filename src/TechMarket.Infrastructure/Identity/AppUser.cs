using Microsoft.AspNetCore.Identity;

namespace TechMarket.Infrastructure.Identity;

/// <summary>A person. Acts for at most one organisation, as its admin or a member.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public Guid? OrganizationId { get; set; }
    public OrganizationRole? OrganizationRole { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum OrganizationRole
{
    Member = 0,
    Admin = 1,
}

/// <summary>Platform-wide roles (ASP.NET Core Identity roles).</summary>
public static class PlatformRoles
{
    /// <summary>知识产权保护促进中心工作人员</summary>
    public const string CenterStaff = "CenterStaff";
    public const string PlatformAdmin = "PlatformAdmin";
    public static readonly string[] All = [CenterStaff, PlatformAdmin];
}

/// <summary>Claim types the platform adds to a signed-in person.</summary>
public static class TechMarketClaims
{
    public const string OrganizationId = "tm:org";
    public const string OrganizationRole = "tm:org_role";
    public const string DisplayName = "tm:name";
}
