using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>
/// The opaque position a partner passes back as <c>since</c>: a commit-ordered sequence number of the change log
/// (see <see cref="FeedSequencer"/>), wrapped so partners do not build on its form. No cursor means the beginning.
/// </summary>
public static class FeedCursor
{
    private const string Prefix = "f1.";

    public static string Encode(long sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long sequence)
    {
        sequence = 0;
        if (string.IsNullOrEmpty(cursor)) return true;
        if (cursor.Length > 64) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(cursor); }
        catch (FormatException) { return false; }
        var text = Encoding.ASCII.GetString(bytes);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
