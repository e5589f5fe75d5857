using TechMarket.Infrastructure.Audit;

namespace TechMarket.Web.Identity;

/// <summary>The signed-in person (and their organisation) is who the audit log names for changes made in a request.</summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public Guid? UserId => http.HttpContext?.User.UserId();
    public Guid? OrganizationId => http.HttpContext?.User.OrganizationId();
}
