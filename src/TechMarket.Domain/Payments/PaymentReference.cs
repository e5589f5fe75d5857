using System.Diagnostics.CodeAnalysis;

namespace TechMarket.Domain.Payments;

/// <summary>
/// 付款识别码: the code a payer writes in the remark (附言) of a bank transfer so the center can match the receipt,
/// e.g. TM7KQ3M9XHC4. "TM", nine characters from an alphabet without look-alikes (no 0/O, 1/I, Z/2 confusion), and a
/// Luhn mod 29 check character, so a mistyped character or two swapped neighbours are caught when the receipt is keyed in.
/// </summary>
public sealed record PaymentReference
{
    public const string Prefix = "TM";
    public const int BodyLength = 9;
    public const int Length = 2 + BodyLength + 1;

    // 29 symbols (a prime, as Luhn mod N wants): digits 3-9 and A-Z without I, O, S, Z (read as 1, 0, 5, 2 on slips).
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

    /// <summary>Luhn mod N over the alphabet: catches any single wrong character and most adjacent transpositions.</summary>
    public static char CheckCharacter(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var n = Alphabet.Length;
        var factor = 2;
        var sum = 0;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var code = Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            if (code < 0) throw new ArgumentException($"'{body[i]}' is not a reference character.", nameof(body));
            var addend = factor * code;
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Alphabet[(n - sum % n) % n];
    }

    public override string ToString() => Value;
}
