using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Pages.Organizations;

/// <summary>Accepting an invitation: the signed-in person whose e-mail was invited joins as a member.</summary>
public sealed class JoinModel(TechMarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? OrganizationName { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (invitation, user) = await CheckAsync(cancellationToken);
        if (invitation is null || user is null) return Page();
        invitation.Accept(clock.GetUtcNow());
        user.OrganizationId = invitation.OrganizationId;
        user.OrganizationRole = OrganizationRole.Member;
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("Mine");
    }

    private async Task<(Domain.Organizations.Invitation?, AppUser?)> CheckAsync(CancellationToken cancellationToken)
    {
        var hash = string.IsNullOrEmpty(Token) ? "" : MineModel.Hash(Token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var user = await users.GetUserAsync(User);
        if (invitation is null || !invitation.CanBeAccepted(clock.GetUtcNow())) Error = "邀请链接无效或已过期 / The invitation is invalid or has expired.";
        else if (user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase)) Error = "该邀请发给了其他邮箱，请用被邀请的账号登录 / This invitation is for another e-mail address.";
        else if (user.OrganizationId is not null) Error = "您已属于一个机构 / You already belong to an organisation.";
        if (invitation is not null) OrganizationName = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        return Error is null ? (invitation, user) : (null, null);
    }
}
