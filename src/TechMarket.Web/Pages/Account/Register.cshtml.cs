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
public sealed class RegisterModel(UserManager<AppUser> users, IMailSender mail, TimeProvider clock) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : "";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = Url.Page("/Account/ConfirmEmail", null, new { userId = user.Id, code, returnUrl = ReturnUrl }, Request.Scheme)!;
        await mail.SendAsync(AccountMail.ConfirmEmail(user.Email, link), cancellationToken);
        return RedirectToPage("RegisterConfirmation", new { email = user.Email });
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "请输入姓名 / Name is required.")]
        [StringLength(100, ErrorMessage = "姓名最多 100 个字符 / At most 100 characters.")]
        [Display(Name = "姓名")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "请输入邮箱 / E-mail is required.")]
        [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not a valid e-mail address.")]
        [Display(Name = "邮箱")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "请输入密码 / Password is required.")]
        [StringLength(100, MinimumLength = 8, ErrorMessage = "密码至少 8 位 / The password needs at least 8 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致 / The passwords do not match.")]
        [Display(Name = "确认密码")]
        public string ConfirmPassword { get; set; } = "";
    }
}
