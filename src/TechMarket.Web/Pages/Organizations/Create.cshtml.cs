using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Files;
using TechMarket.Infrastructure.Identity;

namespace TechMarket.Web.Pages.Organizations;

/// <summary>A person without an organisation creates one and becomes its admin; it waits in the center's verification queue.</summary>
public sealed class CreateModel(TechMarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, LicenceStore licences, TimeProvider clock) : PageModel
{
    [BindProperty] public OrganizationInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Licence { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        (await users.GetUserAsync(User))?.OrganizationId is not null ? RedirectToPage("Mine") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.OrganizationId is not null) return RedirectToPage("Mine");

        UnifiedSocialCreditCode? code = null;
        if (!string.IsNullOrWhiteSpace(Input.CreditCode) && !UnifiedSocialCreditCode.TryParse(Input.CreditCode, out code, out var error))
        {
            ModelState.AddModelError("Input.CreditCode", CreditCodeMessages.For(error));
        }
        else if (code is not null && await db.Organizations.AnyAsync(o => o.CreditCode == code.Value, cancellationToken))
        {
            ModelState.AddModelError("Input.CreditCode", "该统一社会信用代码已在平台注册 / This credit code is already registered on the platform.");
        }
        if (Licence is null) ModelState.AddModelError(nameof(Licence), "请上传营业执照或法人证书扫描件 / Upload the business licence scan.");
        if (!ModelState.IsValid) return Page();

        await using var stream = Licence!.OpenReadStream();
        var (uploadError, stored, contentType) = await licences.SaveAsync(stream, Licence.Length, cancellationToken);
        if (uploadError != UploadError.None)
        {
            ModelState.AddModelError(nameof(Licence), uploadError switch
            {
                UploadError.TooLarge => "文件不能超过 5 MB / The file may be at most 5 MB.",
                UploadError.NotPdfOrImage => "只接受 PDF、JPG 或 PNG 文件 / Only PDF, JPG or PNG files.",
                _ => "文件为空 / The file is empty.",
            });
            return Page();
        }

        var organization = new Organization(Guid.NewGuid(), Input.Name, null, Input.Type!.Value, code, isDemo: false, createdAt: clock.GetUtcNow());
        organization.SetContact(Input.ContactName, Input.ContactPhone);
        organization.AttachLicence(stored!, contentType!);
        db.Organizations.Add(organization);
        db.AuditAs("organization.created");
        await db.SaveChangesAsync(cancellationToken);

        user.OrganizationId = organization.Id;
        user.OrganizationRole = OrganizationRole.Admin;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("Mine");
    }

    public sealed class OrganizationInput
    {
        [Required(ErrorMessage = "请输入机构名称 / Name is required.")]
        [StringLength(200, ErrorMessage = "最多 200 个字符 / At most 200 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "请选择机构类型 / Choose a type.")]
        public OrganizationType? Type { get; set; }

        [Required(ErrorMessage = "请输入统一社会信用代码 / Credit code is required.")]
        public string CreditCode { get; set; } = "";

        [Required(ErrorMessage = "请输入联系人 / Contact is required.")]
        [StringLength(100)]
        public string ContactName { get; set; } = "";

        [Required(ErrorMessage = "请输入联系电话 / Phone is required.")]
        [RegularExpression(@"^[0-9+\-\s()]{6,30}$", ErrorMessage = "电话号码格式不正确 / Not a valid phone number.")]
        public string ContactPhone { get; set; } = "";
    }
}

internal static class CreditCodeMessages
{
    public static string For(CreditCodeError error) => error switch
    {
        CreditCodeError.WrongLength => "统一社会信用代码应为 18 位 / The credit code has 18 characters.",
        CreditCodeError.InvalidCharacter => "统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）/ Invalid character (I, O, Z, S, V are not used).",
        CreditCodeError.WrongCheckCharacter => "统一社会信用代码校验位不正确，请核对 / The check character is wrong; please check the code.",
        _ => "统一社会信用代码无效 / Invalid credit code.",
    };
}
