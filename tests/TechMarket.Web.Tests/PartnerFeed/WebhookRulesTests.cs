using System.Net;
using TechMarket.Infrastructure.PartnerFeed;

namespace TechMarket.Web.Tests.PartnerFeed;

/// <summary>The pure parts: where webhooks may go (SSRF guard), the backoff schedule, signatures and cursors.</summary>
public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("https://partner.example.cn/hook", true)]
    [InlineData("https://8.8.8.8/hook", true)]
    [InlineData("http://partner.example.cn/hook", false)]      // production: https only
    [InlineData("http://127.0.0.1:8080/hook", false)]
    [InlineData("https://127.0.0.1/hook", false)]
    [InlineData("https://localhost/hook", false)]
    [InlineData("https://10.1.2.3/hook", false)]
    [InlineData("https://172.20.0.5/hook", false)]
    [InlineData("https://192.168.1.10/hook", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)] // cloud metadata
    [InlineData("https://100.64.0.1/hook", false)]
    [InlineData("https://0.0.0.0/hook", false)]
    [InlineData("https://[::1]/hook", false)]
    [InlineData("https://[fd00::1]/hook", false)]
    [InlineData("https://[fe80::1]/hook", false)]
    [InlineData("https://[::ffff:10.0.0.1]/hook", false)]
    [InlineData("ftp://partner.example.cn/hook", false)]
    [InlineData("https://user:pw@partner.example.cn/hook", false)]
    public void Outside_development_only_https_to_public_addresses(string url, bool accepted)
    {
        Assert.Equal(accepted, WebhookTargets.Problem(url, allowLocal: false, out _) is null);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://localhost:5000/hook", true)]
    [InlineData("http://[::1]:5000/hook", true)]
    [InlineData("http://partner.example.cn/hook", false)] // http stays local-only even in Development
    [InlineData("https://192.168.1.10/hook", true)]
    public void In_development_http_is_allowed_to_this_machine_only(string url, bool accepted)
    {
        Assert.Equal(accepted, WebhookTargets.Problem(url, allowLocal: true, out _) is null);
    }

    [Fact]
    public async Task The_connection_itself_refuses_a_private_address_after_resolution()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(async () =>
            await WebhookTargets.ConnectAsync("localhost", 9, allowLocal: false, TestContext.Current.CancellationToken));
        Assert.Contains("not allowed", refused.Message, StringComparison.Ordinal);
        Assert.False(WebhookTargets.IsPublic(IPAddress.Parse("192.0.0.8")));
        Assert.True(WebhookTargets.IsPublic(IPAddress.Parse("2400:3200::1")));
    }

    [Fact]
    public void Backoff_doubles_per_attempt_with_jitter_and_is_capped()
    {
        var options = new WebhookOptions { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(6) };
        Assert.Equal(TimeSpan.FromSeconds(15), WebhookBackoff.Delay(1, options, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookBackoff.Delay(1, options, 1));
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookBackoff.Delay(2, options, 0.5 * 2 - 1 + 1)); // full step at random 1
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookBackoff.Delay(4, options, 0));
        Assert.Equal(TimeSpan.FromHours(6), WebhookBackoff.Delay(30, options, 1));
        Assert.Equal(TimeSpan.FromHours(3), WebhookBackoff.Delay(50, options, 0));
    }

    [Fact]
    public void Signature_is_hmac_sha256_over_timestamp_dot_body()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var header = WebhookSignature.Sign("whsec_test", at, "{\"a\":1}");
        // Reference value: printf '1800000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        Assert.Equal("t=1800000000,v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("whsec_test"u8, "1800000000.{\"a\":1}"u8)), header);
        Assert.True(WebhookSignature.Verify("whsec_test", header, "{\"a\":1}", at.AddMinutes(4), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", header, "{\"a\":2}", at, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", header, "{\"a\":1}", at.AddMinutes(6), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", "v1=abc", "{\"a\":1}", at, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Cursor_round_trips_and_rejects_anything_else()
    {
        Assert.True(FeedCursor.TryDecode(FeedCursor.Encode(42), out var n));
        Assert.Equal(42, n);
        Assert.True(FeedCursor.TryDecode(null, out var start));
        Assert.Equal(0, start);
        Assert.False(FeedCursor.TryDecode("42", out _));
        Assert.False(FeedCursor.TryDecode("ZjEuLTE", out _)); // "f1.-1"
        Assert.False(FeedCursor.TryDecode("!!!", out _));
    }
}
