using System.Net;
using TechMarket.Infrastructure.Mail;

namespace TechMarket.Web.Pages.Account;

/// <summary>The account e-mails, in Chinese with English below.</summary>
internal static class AccountMail
{
    public static MailMessage ConfirmEmail(string to, string link) => Build(to,
        "请确认您的邮箱 / Confirm your e-mail",
        "欢迎注册坪山科技服务大市场。请点击下面的链接确认邮箱：", "Welcome to the Pingshan Technology Service Market. Confirm your e-mail with this link:", link);

    public static MailMessage ResetPassword(string to, string link) => Build(to,
        "重置密码 / Reset your password",
        "我们收到了重置密码的请求。如果不是您本人操作，请忽略本邮件。重置链接：", "We received a request to reset your password. If it was not you, ignore this mail. Reset link:", link);

    public static MailMessage Invitation(string to, string organization, string link) => Build(to,
        $"邀请您加入 {organization} / Invitation to join {organization}",
        $"{organization} 的管理员邀请您加入该机构。登录或注册后打开链接即可加入（7 天内有效）：", $"The admin of {organization} invites you to join. Sign in or register, then open this link (valid 7 days):", link);

    public static MailMessage VerificationDecided(string to, string organization, bool approved, string? reason) => Build(to,
        approved ? $"{organization} 已通过认证 / {organization} is verified" : $"{organization} 认证未通过 / {organization} was not verified",
        approved ? "服务中心已审核通过您的机构认证，现在可以挂牌、竞价、缴纳保证金和申请融资。" : $"服务中心未通过您的机构认证。理由：{reason}。请修改后重新提交。",
        approved ? "The service center verified your organisation: you can now list, bid, pay deposits and apply for financing." : $"The service center did not verify your organisation. Reason: {reason}. Please correct and resubmit.",
        null);

    private static MailMessage Build(string to, string subject, string zh, string en, string? link)
    {
        var encodedLink = link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
        var html = $"<p>{WebUtility.HtmlEncode(zh)}</p>{encodedLink}<hr><p>{WebUtility.HtmlEncode(en)}</p>{encodedLink}";
        var text = $"{zh}\n{link}\n\n{en}\n{link}\n";
        return new MailMessage(to, subject, html, text);
    }
}
