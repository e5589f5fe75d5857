using System.Net;
using System.Net.Sockets;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>
/// Where notifications may go. Outside Development: https only, and never to a loopback, private, link-local
/// (169.254.169.254 is the cloud metadata service), carrier-grade NAT, multicast or unspecified address — checked
/// once on the URL and again on every connection after DNS resolution, so a name that later resolves inward
/// (DNS rebinding) is still refused. In Development and tests, http to localhost / 127.0.0.1 / [::1] is allowed too.
/// </summary>
public static class WebhookTargets
{
    /// <summary>A bilingual reason the URL is refused, or null with the parsed URL.</summary>
    public static string? Problem(string? text, bool allowLocal, out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text)) return "请填写接收地址 / The URL is required.";
        if (text.Length > 2000) return "地址最长 2000 个字符 / The URL may be at most 2000 characters.";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
        {
            return "请填写以 https:// 开头的完整地址 / Give an absolute https:// URL.";
        }
        if (!string.IsNullOrEmpty(parsed.UserInfo)) return "地址中不能包含用户名或密码 / The URL must not contain credentials.";
        if (!string.IsNullOrEmpty(parsed.Fragment)) return "地址中不能包含 # 片段 / The URL must not contain a fragment.";
        var local = IsLocalHost(parsed.Host);
        if (parsed.Scheme == "http" && !(allowLocal && local))
        {
            return "只接受 https 地址 / Only https URLs are accepted.";
        }
        if (!allowLocal)
        {
            if (local) return "不能发送到本机地址 / The URL must not point at this machine.";
            if (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var ip) && !IsPublic(ip))
            {
                return "不能发送到内网或保留地址 / The URL must not point at a private or reserved address.";
            }
        }
        url = parsed;
        return null;
    }

    public static bool IsLocalHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host is "[::1]" or "::1";

    /// <summary>True for a globally routable unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)             // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                           // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)                // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));          // benchmarking
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
            {
                return false;
            }
            var b = address.GetAddressBytes();
            return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8); // documentation 2001:db8::/32
        }
        return false;
    }

    /// <summary>
    /// SocketsHttpHandler.ConnectCallback: resolves the host and connects only to an allowed address, so the check
    /// holds for the address actually used.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(string host, int port, bool allowLocal, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowLocal ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0) throw new HttpRequestException($"目标地址不允许 / The address of {host} is not allowed (private or reserved).");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
