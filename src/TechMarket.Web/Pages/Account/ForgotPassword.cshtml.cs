using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Web.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, IMailSender mail) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请输入邮箱 / E-mail is required.")]
    [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not a valid e-mail address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // The same answer whether or not the account exists, so the form cannot be used to probe for accounts.
        if (user is { EmailConfirmed: true })
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = Url.Page("/Account/ResetPassword", null, new { code, email = user.Email }, Request.Scheme)!;
            await mail.SendAsync(AccountMail.ResetPassword(user.Email!, link), cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
