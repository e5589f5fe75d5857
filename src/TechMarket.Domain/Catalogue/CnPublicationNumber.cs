using System.Diagnostics.CodeAnalysis;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>
/// CN publication / grant number (公开号 / 授权公告号): CN + serial + kind code, e.g. CN113914863A.
/// The serial has 9 digits since 2007 and 7 before; its first digit is the type (1 invention, 2 utility model, 3 design).
/// Kind codes: A published invention application; B granted invention (from 2010), C granted invention (before 2010);
/// U utility model (from 2010), Y utility model (before 2010); S design (from 2010).
/// </summary>
public sealed record CnPublicationNumber
{
    private CnPublicationNumber(string serial, char kind) { Serial = serial; Kind = kind; }

    public string Serial { get; }
    public char Kind { get; }
    public string Value => $"CN{Serial}{Kind}";
    public bool IsGrant => Kind is not 'A';

    public CnPatentType Type => Serial[0] switch
    {
        '1' => CnPatentType.Invention,
        '2' => CnPatentType.UtilityModel,
        _ => CnPatentType.Design,
    };

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out CnPublicationNumber? number, out CnPublicationNumberError error)
    {
        number = null;
        var text = (input ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0) { error = CnPublicationNumberError.Empty; return false; }
        if (!text.StartsWith("CN", StringComparison.Ordinal)) { error = CnPublicationNumberError.MissingCountryCode; return false; }
        var body = text[2..];
        if (body.Length == 0 || !char.IsAsciiLetterUpper(body[^1])) { error = CnPublicationNumberError.MissingKindCode; return false; }
        var serial = body[..^1];
        var kind = body[^1];
        if (serial.Length == 0 || !serial.All(char.IsAsciiDigit)) { error = CnPublicationNumberError.NotDigits; return false; }
        if (serial.Length is not (7 or 9)) { error = CnPublicationNumberError.WrongLength; return false; }
        var allowed = serial[0] switch
        {
            '1' => "ABC",
            '2' => "UY",
            '3' => "S",
            _ => null,
        };
        if (allowed is null) { error = CnPublicationNumberError.UnknownType; return false; }
        if ("ABCUYS".IndexOf(kind, StringComparison.Ordinal) < 0) { error = CnPublicationNumberError.UnknownKindCode; return false; }
        if (allowed.IndexOf(kind, StringComparison.Ordinal) < 0) { error = CnPublicationNumberError.KindDoesNotMatchType; return false; }
        number = new CnPublicationNumber(serial, kind);
        error = CnPublicationNumberError.None;
        return true;
    }
}

public enum CnPublicationNumberError
{
    None,
    Empty,
    MissingCountryCode,
    MissingKindCode,
    NotDigits,
    WrongLength,
    UnknownType,
    UnknownKindCode,
    KindDoesNotMatchType,
}

public static class CnPublicationNumberErrors
{
    public static BilingualText Message(this CnPublicationNumberError error) => error switch
    {
        CnPublicationNumberError.None => new("", ""),
        CnPublicationNumberError.Empty => new("请填写公开（公告）号", "The publication number is missing"),
        CnPublicationNumberError.MissingCountryCode => new("公开号应以 CN 开头，例如 CN113914863A", "A publication number starts with CN, e.g. CN113914863A"),
        CnPublicationNumberError.MissingKindCode => new("公开号末尾缺少文献类型代码（A、B、C、U、Y、S）", "The kind code (A, B, C, U, Y, S) at the end is missing"),
        CnPublicationNumberError.NotDigits => new("CN 与类型代码之间只能是数字", "Only digits may stand between CN and the kind code"),
        CnPublicationNumberError.WrongLength => new("公开号的数字部分应为 9 位（2007 年前为 7 位）", "The serial has 9 digits (7 before 2007)"),
        CnPublicationNumberError.UnknownType => new("公开号首位数字应为 1（发明）、2（实用新型）或 3（外观设计）", "The first digit must be 1 (invention), 2 (utility model) or 3 (design)"),
        CnPublicationNumberError.UnknownKindCode => new("文献类型代码应为 A、B、C、U、Y 或 S", "The kind code must be A, B, C, U, Y or S"),
        CnPublicationNumberError.KindDoesNotMatchType => new("文献类型代码与专利类型不符（发明 A/B/C，实用新型 U/Y，外观设计 S）", "The kind code does not fit the type (invention A/B/C, utility model U/Y, design S)"),
    };
}
