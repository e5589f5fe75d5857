using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace TechMarket.Infrastructure.Mail;

public sealed record MailMessage(string To, string Subject, string HtmlBody, string TextBody);

public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>Section "Mail". Without an SMTP host, mail is written as .eml files to {DataPath}/mail.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string From { get; set; } = "noreply@techmarket.local";
    public string FromName { get; set; } = "坪山科技服务大市场";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}

internal static class MimeMessages
{
    public static MimeMessage Build(MailOptions options, MailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>The embedded default: each message becomes an .eml file that any mail client opens.</summary>
public sealed class FileMailSender(MailOptions options, TechMarketPaths paths, TimeProvider clock, ILogger<FileMailSender> logger) : IMailSender
{
    public string Folder => Path.Combine(paths.Data, "mail");

    /// <summary>Where a message is written before it appears in <see cref="Folder"/> (same volume, so the move is atomic).</summary>
    private string Drafts => Path.Combine(paths.Data, "mail-drafts");

    /// <summary>
    /// Writes the message beside the folder and then moves it in, so whoever reads the folder (a mail client, a pickup
    /// service, a test) only ever sees whole messages.
    /// </summary>
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(Drafts);
        var mime = MimeMessages.Build(options, message);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var draft = Path.Combine(Drafts, name);
        await mime.WriteToAsync(draft, cancellationToken);
        var file = Path.Combine(Folder, name);
        File.Move(draft, file);
        logger.LogInformation("Mail to {To} written to {File}", message.To, file);
    }
}

public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUser)) await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(MimeMessages.Build(options, message), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
