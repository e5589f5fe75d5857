using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

public enum UsDocumentKind
{
    /// <summary>Utility patent grant: US8637286, US 8,637,286, US08926509, kind B1/B2 (A before 2001).</summary>
    UtilityPatent = 1,
    /// <summary>Design patent grant: USD435854S1, D435854.</summary>
    DesignPatent = 2,
    /// <summary>Pre-grant publication: US20010000044A1 (year + 7-digit serial).</summary>
    PreGrantPublication = 3,
}

/// <summary>A USPTO patent or publication number, normalised without leading zeros, commas or spaces.</summary>
public sealed record UsPatentNumber
{
    private UsPatentNumber(UsDocumentKind kind, string number, string? kindCode) { DocumentKind = kind; Number = number; KindCode = kindCode; }

    public UsDocumentKind DocumentKind { get; }
    /// <summary>8637286, D435854 or 20010000044.</summary>
    public string Number { get; }
    /// <summary>WIPO ST.16 kind code if given (B1, B2, S1, A1 ...).</summary>
    public string? KindCode { get; }

    /// <summary>US8637286, USD435854, US20010000044A1: the form used as record id (kind only for publications).</summary>
    public string Value => DocumentKind == UsDocumentKind.PreGrantPublication ? $"US{Number}{KindCode ?? "A1"}" : $"US{Number}";

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out UsPatentNumber? number, out UsPatentNumberError error)
    {
        number = null;
        var text = new string([.. (input ?? "").Trim().ToUpperInvariant().Where(c => c is not (' ' or ',' or '-' or '/'))]);
        if (text.Length == 0) { error = UsPatentNumberError.Empty; return false; }
        if (text.StartsWith("US", StringComparison.Ordinal)) text = text[2..];

        var design = text.StartsWith('D');
        if (design) text = text[1..];
        var digitsEnd = 0;
        while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd])) digitsEnd++;
        var digits = text[..digitsEnd];
        var kindCode = text[digitsEnd..];
        if (digits.Length == 0) { error = UsPatentNumberError.NotDigits; return false; }
        if (kindCode.Length > 0 && !(kindCode.Length <= 2 && char.IsAsciiLetterUpper(kindCode[0]) && (kindCode.Length == 1 || char.IsAsciiDigit(kindCode[1]))))
        {
            error = UsPatentNumberError.MalformedKindCode; return false;
        }

        if (design)
        {
            // Design patents: D + up to 7 digits (D1,000,000 was issued in 2023); kind S or S1.
            var serial = digits.TrimStart('0');
            if (serial.Length is 0 or > 7) { error = UsPatentNumberError.WrongLength; return false; }
            if (kindCode.Length > 0 && kindCode[0] != 'S') { error = UsPatentNumberError.KindDoesNotMatch; return false; }
            number = new UsPatentNumber(UsDocumentKind.DesignPatent, "D" + serial, kindCode.Length > 0 ? kindCode : null);
        }
        else if (digits.Length == 11)
        {
            // Pre-grant publications began on 2001-03-15 (AIPA 1999): year (4) + serial (7), kind A1, A2 or A9.
            var year = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
            if (year is < 2001 or > 2099) { error = UsPatentNumberError.ImplausibleYear; return false; }
            if (kindCode.Length > 0 && kindCode[0] != 'A') { error = UsPatentNumberError.KindDoesNotMatch; return false; }
            number = new UsPatentNumber(UsDocumentKind.PreGrantPublication, digits, kindCode.Length > 0 ? kindCode : null);
        }
        else
        {
            var serial = digits.TrimStart('0');
            if (digits.Length > 8 || serial.Length is 0) { error = UsPatentNumberError.WrongLength; return false; }
            // Utility grants: B1/B2 from 2001, A before; E (reissue) and P (plant) are other series.
            if (kindCode.Length > 0 && kindCode[0] is not ('A' or 'B')) { error = UsPatentNumberError.KindDoesNotMatch; return false; }
            number = new UsPatentNumber(UsDocumentKind.UtilityPatent, serial, kindCode.Length > 0 ? kindCode : null);
        }
        error = UsPatentNumberError.None;
        return true;
    }
}

public enum UsPatentNumberError
{
    None,
    Empty,
    NotDigits,
    WrongLength,
    ImplausibleYear,
    MalformedKindCode,
    KindDoesNotMatch,
}

public static class UsPatentNumberErrors
{
    public static BilingualText Message(this UsPatentNumberError error) => error switch
    {
        UsPatentNumberError.None => new("", ""),
        UsPatentNumberError.Empty => new("请填写美国专利号", "The US number is missing"),
        UsPatentNumberError.NotDigits => new("美国专利号应为数字，例如 US8637286、USD435854、US20010000044A1", "A US number is digits, e.g. US8637286, USD435854, US20010000044A1"),
        UsPatentNumberError.WrongLength => new("美国专利号位数不对：授权号最多 8 位，公开号 11 位", "Wrong number of digits: grants have up to 8, publications 11"),
        UsPatentNumberError.ImplausibleYear => new("美国公开号的年份不合理（2001 年起）", "The publication year is not plausible (publications began in 2001)"),
        UsPatentNumberError.MalformedKindCode => new("文献类型代码格式不对，例如 B2、S1、A1", "The kind code is malformed, e.g. B2, S1, A1"),
        UsPatentNumberError.KindDoesNotMatch => new("文献类型代码与号码类型不符", "The kind code does not fit this kind of number"),
    };
}
