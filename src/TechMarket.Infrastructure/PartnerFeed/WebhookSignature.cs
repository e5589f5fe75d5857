using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>
/// The signature every notification carries, in Stripe's scheme: header <c>TechMarket-Signature: t={unix seconds},v1={hex}</c>
/// where hex = HMAC-SHA256(key = the subscription secret as UTF-8, message = "{t}.{raw body}"). The timestamp is the
/// attempt's time and is signed with the body, so a receiver that also checks it is recent cannot be replayed to.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "TechMarket-Signature";
    public const string EventIdHeader = "TechMarket-Event-Id";
    public const string EventTypeHeader = "TechMarket-Event-Type";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => "whsec_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Hex(secret, t, body)}";
    }

    /// <summary>True when one v1 value matches and t is within the tolerance of now (what a receiver should check).</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header)) return false;
        string? t = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) continue;
            if (kv[0].Trim() == "t") t = kv[1].Trim();
            else if (kv[0].Trim() == "v1") candidates.Add(kv[1].Trim());
        }
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;
        var expected = Encoding.ASCII.GetBytes(Hex(secret, t, body));
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(c)));
    }

    private static string Hex(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
}
