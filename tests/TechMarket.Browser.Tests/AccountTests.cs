using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TechMarket.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class AccountTests(BrowserSite site)
{
    [Fact]
    public async Task A_person_registers_confirms_through_the_written_mail_and_signs_in()
    {
        BrowserSite.SkipUnlessConfigured();
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true }).ClickAsync();
        await page.GetByLabel("姓名").FillAsync("王工程师");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("browser-pass-42");
        await page.GetByLabel("确认密码").FillAsync("browser-pass-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/RegisterConfirmation**");

        var link = await ConfirmationLinkAsync(email);
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#email-confirmed")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true }).First.ClickAsync();
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync("browser-pass-42");
        await page.Locator("#login-form").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-menu")).ToHaveTextAsync("王工程师");
    }

    private async Task<string> ConfirmationLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(site.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(site.MailFolder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (!text.Contains(email, StringComparison.Ordinal)) continue;
                    // The .eml is quoted-printable; MimeKit decodes it the way a mail client would.
                    using var message = await MimeKit.MimeMessage.LoadAsync(file);
                    var match = Link().Match(message.TextBody ?? "");
                    if (match.Success) return match.Value;
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("No confirmation mail for " + email);
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\S+")]
    private static partial Regex Link();
}
