using System.Diagnostics.CodeAnalysis;

namespace TechMarket.Domain.Organizations;

/// <summary>
/// 统一社会信用代码: 18 characters from a 31-symbol alphabet (digits and capitals without I, O, Z, S, V),
/// the last one a check character per GB 32100-2015 (weighted sum mod 31).
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, out CreditCodeError error)
    {
        code = null;
        var text = input?.Trim().ToUpperInvariant() ?? "";
        if (text.Length != 18) { error = CreditCodeError.WrongLength; return false; }
        foreach (var c in text)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0) { error = CreditCodeError.InvalidCharacter; return false; }
        }
        if (CheckCharacter(text.AsSpan(0, 17)) != text[17]) { error = CreditCodeError.WrongCheckCharacter; return false; }
        code = new UnifiedSocialCreditCode(text);
        error = CreditCodeError.None;
        return true;
    }

    /// <summary>GB 32100-2015 §4.3: C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}

public enum CreditCodeError
{
    None,
    WrongLength,
    InvalidCharacter,
    WrongCheckCharacter,
}
