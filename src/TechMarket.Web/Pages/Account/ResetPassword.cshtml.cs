using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Pages.Account;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "请输入新密码 / Enter a new password.")]
    [StringLength(100, MinimumLength = 8, ErrorMessage = "密码至少 8 位 / The password needs at least 8 characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = Email is null ? null : await users.FindByEmailAsync(Email);
        string? token = null;
        try { token = Code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)); }
        catch (FormatException) { }
        if (user is null || token is null)
        {
            ModelState.AddModelError("", "链接无效或已过期 / The link is invalid or has expired.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Password);
        foreach (var error in result.Errors) ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : "", error.Description);
        Done = result.Succeeded;
        return Page();
    }
}
