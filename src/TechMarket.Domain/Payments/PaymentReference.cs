using System.Diagnostics.CodeAnalysis;

namespace TechMarket.Domain.Payments;

/// <summary>
/// 付款识别码: the code a payer writes in the remark (附言) of a bank transfer so the center can match the receipt,
/// e.g. TM7KQ3M9XHCX. "TM", nine characters from an alphabet without look-alikes (no 0/O, 1/I, Z/2 confusion), and a
/// mod 29 check character, so a mistyped character or two swapped characters are caught when the receipt is keyed in.
/// </summary>
public sealed record PaymentReference
{
    public const string Prefix = "TM";
    public const int BodyLength = 9;
    public const int Length = 2 + BodyLength + 1;

    // 29 symbols (a prime, which the weighted check needs): digits 3-9 and A-Z without I, O, S, Z (read as 1, 0, 5, 2 on slips).
    private const string Alphabet = "3456789ABCDEFGHJKLMNPQRTUVWXY";

    private PaymentReference(string value) => Value = value;

    public string Value { get; }

    /// <summary>A new reference from the given random source (tests pass a seeded one).</summary>
    public static PaymentReference Create(Func<int, int> nextIndex)
    {
        ArgumentNullException.ThrowIfNull(nextIndex);
        var body = new char[BodyLength];
        for (var i = 0; i < body.Length; i++) body[i] = Alphabet[nextIndex(Alphabet.Length)];
        var text = new string(body);
        return new PaymentReference(Prefix + text + CheckCharacter(text));
    }

    /// <summary>Reads what a person typed: case, spaces and dashes are forgiven; a wrong check character is not.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out PaymentReference? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var text = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        if (text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var body = text[2..^1];
        if (body.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal))) return false;
        if (CheckCharacter(body) != text[^1]) return false;
        reference = new PaymentReference(text);
        return true;
    }

    /// <summary>
    /// Weighted sum mod 29 with weights 1..9. 29 is prime and the weights are distinct and non-zero, so any single wrong
    /// character and any swap of two different characters changes the sum. (Luhn mod N needs an even N; a test found
    /// the collisions it has over 29 symbols.)
    /// </summary>
    public static char CheckCharacter(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var code = Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            if (code < 0) throw new ArgumentException($"'{body[i]}' is not a reference character.", nameof(body));
            sum += (i + 1) * code;
        }
        return Alphabet[sum % Alphabet.Length];
    }

    public override string ToString() => Value;
}
