using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        // The stock scaffold passes lockoutOnFailure: false; we count failures so 5 wrong passwords lock for 5 minutes.
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor) return RedirectToPage("LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "账号因多次登录失败已被锁定 5 分钟，请稍后再试 / The account is locked for 5 minutes after repeated failed sign-ins.");
            return Page();
        }
        if (result.IsNotAllowed && await users.FindByEmailAsync(email) is { EmailConfirmed: false })
        {
            ModelState.AddModelError("", "请先点击确认邮件中的链接 / Please confirm your e-mail first.");
            return Page();
        }
        ModelState.AddModelError("", "邮箱或密码不正确 / Wrong e-mail or password.");
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入邮箱 / E-mail is required.")]
        [EmailAddress(ErrorMessage = "邮箱格式不正确 / Not a valid e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "请输入密码 / Password is required.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
