using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Mail;
using TechMarket.Web.Identity;
using TechMarket.Web.Pages.Account;

namespace TechMarket.Web.Pages.Organizations;

/// <summary>My organisation: status, members, invitations (admins invite by e-mail).</summary>
public sealed class MineModel(TechMarketDbContext db, UserManager<AppUser> users, IMailSender mail, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public Organization? Organization { get; private set; }
    public IReadOnlyList<AppUser> Members { get; private set; } = [];
    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public string? InvitationSent { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "请输入邮箱 / E-mail is required.")]
    [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not a valid e-mail address.")]
    public string InviteEmail { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.OrganizationAdmin)).Succeeded) return Forbid();
        await LoadAsync(cancellationToken);
        if (Organization is null) return Forbid();
        if (!ModelState.IsValid) return Page();

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var invitation = new Invitation(Guid.NewGuid(), Organization.Id, InviteEmail.Trim(), Hash(token), User.UserId()!.Value, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var link = Url.Page("/Organizations/Join", null, new { token }, Request.Scheme)!;
        await mail.SendAsync(AccountMail.Invitation(invitation.Email, Organization.Name, link), cancellationToken);
        InvitationSent = invitation.Email;
        InviteEmail = "";
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user?.OrganizationId is not { } orgId) return;
        Organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken);
        IsAdmin = user.OrganizationRole == OrganizationRole.Admin;
        Members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == orgId).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        Invitations = IsAdmin
            ? await db.Invitations.AsNoTracking().Where(i => i.OrganizationId == orgId && i.AcceptedAt == null).OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken)
            : [];
    }
}
