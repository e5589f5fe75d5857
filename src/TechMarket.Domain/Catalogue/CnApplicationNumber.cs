using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>
/// CN patent application number (专利申请号) with its check digit; a granted patent's number is 'ZL' + the same.
/// Current format (applications from 2003-10-01, CNIPA ZC 0006-2003): year (4) + type (1) + serial (7) + '.' + check.
/// Older format (1985 to 2003-09-30): year (2) + type (1) + serial (5) + '.' + check.
/// </summary>
public sealed record CnApplicationNumber
{
    // ZC 0006-2003: the 12 digits weighted 2,3,4,5,6,7,8,9,2,3,4,5, sum mod 11, 10 written as X.
    private static readonly int[] Weights12 = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    // Pre-2003 numbers: the 8 digits weighted 2..9, sum mod 11, 10 written as X (e.g. 95115608.X).
    private static readonly int[] Weights8 = [2, 3, 4, 5, 6, 7, 8, 9];

    private CnApplicationNumber(string digits, char check, int year, CnPatentType type, int serial)
    {
        Digits = digits;
        CheckDigit = check;
        Year = year;
        Type = type;
        Serial = serial;
    }

    /// <summary>12 (or, for old numbers, 8) digits without the check digit.</summary>
    public string Digits { get; }
    public char CheckDigit { get; }
    public int Year { get; }
    public CnPatentType Type { get; }
    public int Serial { get; }
    public bool IsOldFormat => Digits.Length == 8;

    /// <summary>201710601862.3</summary>
    public string Value => $"{Digits}.{CheckDigit}";

    /// <summary>ZL201710601862.3, the number of the patent once granted.</summary>
    public string PatentNumber => "ZL" + Value;

    public override string ToString() => Value;

    /// <summary>
    /// Accepts an optional ZL or CN prefix, spaces (the standard allows one between year, type and serial),
    /// and a full-width dot. The check digit is required: a number without it cannot be verified.
    /// </summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out CnApplicationNumber? number, out CnApplicationNumberError error)
    {
        number = null;
        var text = (input ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace('．', '.');
        if (text.Length == 0) { error = CnApplicationNumberError.Empty; return false; }
        if (text.StartsWith("ZL", StringComparison.Ordinal) || text.StartsWith("CN", StringComparison.Ordinal)) text = text[2..];

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text[..dot];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) { error = CnApplicationNumberError.NotDigits; return false; }
        if (digits.Length is not (12 or 8)) { error = CnApplicationNumberError.WrongLength; return false; }
        if (dot < 0 || dot == text.Length - 1) { error = CnApplicationNumberError.MissingCheckDigit; return false; }
        if (text.Length - dot - 1 != 1 || !(char.IsAsciiDigit(text[^1]) || text[^1] == 'X')) { error = CnApplicationNumberError.MalformedCheckDigit; return false; }

        var old = digits.Length == 8;
        var yearDigits = old ? 2 : 4;
        var year = int.Parse(digits.AsSpan(0, yearDigits), CultureInfo.InvariantCulture);
        if (old) year += year >= 85 ? 1900 : 2000;
        // The Patent Law took effect on 1985-04-01; the 12-digit format started on 2003-10-01.
        if (old ? year is < 1985 or > 2003 : year is < 2003 or > 2099) { error = CnApplicationNumberError.ImplausibleYear; return false; }

        var typeDigit = digits[yearDigits] - '0';
        if (typeDigit is not (1 or 2 or 3 or 8 or 9)) { error = CnApplicationNumberError.UnknownType; return false; }

        if (CheckDigitFor(digits) != text[^1]) { error = CnApplicationNumberError.WrongCheckDigit; return false; }

        var serial = int.Parse(digits.AsSpan(yearDigits + 1), CultureInfo.InvariantCulture);
        number = new CnApplicationNumber(digits, text[^1], year, (CnPatentType)typeDigit, serial);
        error = CnApplicationNumberError.None;
        return true;
    }

    /// <summary>The check digit of a 12-digit (or old 8-digit) application number: weighted sum mod 11, 10 → X.</summary>
    public static char CheckDigitFor(ReadOnlySpan<char> digits)
    {
        var weights = digits.Length switch
        {
            12 => Weights12,
            8 => Weights8,
            _ => throw new ArgumentException("A CN application number has 12 (or, before 2003-10, 8) digits.", nameof(digits)),
        };
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i])) throw new ArgumentException($"'{digits[i]}' is not a digit.", nameof(digits));
            sum += (digits[i] - '0') * weights[i];
        }
        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}

public enum CnApplicationNumberError
{
    None,
    Empty,
    NotDigits,
    WrongLength,
    MissingCheckDigit,
    MalformedCheckDigit,
    ImplausibleYear,
    UnknownType,
    WrongCheckDigit,
}

public static class CnApplicationNumberErrors
{
    public static BilingualText Message(this CnApplicationNumberError error) => error switch
    {
        CnApplicationNumberError.None => new("", ""),
        CnApplicationNumberError.Empty => new("请填写专利申请号", "The application number is missing"),
        CnApplicationNumberError.NotDigits => new("申请号只能包含数字（可带 ZL 前缀和校验位）", "An application number has only digits (optionally ZL before it and a check digit after the dot)"),
        CnApplicationNumberError.WrongLength => new("申请号应为 12 位数字（2003 年 10 月前为 8 位），不含校验位", "An application number has 12 digits (8 before October 2003), not counting the check digit"),
        CnApplicationNumberError.MissingCheckDigit => new("缺少校验位：请填写“.”后的一位数字或 X，例如 201710601862.3", "The check digit is missing: add '.' and the digit or X, e.g. 201710601862.3"),
        CnApplicationNumberError.MalformedCheckDigit => new("校验位应为一位数字或 X", "The check digit is one digit or X"),
        CnApplicationNumberError.ImplausibleYear => new("申请年份不合理", "The filing year is not plausible for this number format"),
        CnApplicationNumberError.UnknownType => new("专利类型位应为 1、2、3、8 或 9", "The type digit must be 1, 2, 3, 8 or 9"),
        CnApplicationNumberError.WrongCheckDigit => new("校验位不符，请核对申请号", "The check digit does not match: please check the number"),
    };
}
