using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>
/// International Patent Classification symbol (国际专利分类号): section A-H, class (2 digits), subclass (letter),
/// then optionally main group (1-4 digits) '/' subgroup (2-6 digits): H01M 10/0525, A61K31/00, H01M.
/// </summary>
public sealed record IpcCode
{
    private IpcCode(char section, string classDigits, char subclass, int? mainGroup, string? subgroup)
    {
        Section = section;
        ClassDigits = classDigits;
        SubclassLetter = subclass;
        MainGroup = mainGroup;
        Subgroup = subgroup;
    }

    /// <summary>H</summary>
    public char Section { get; }
    /// <summary>01</summary>
    public string ClassDigits { get; }
    public char SubclassLetter { get; }
    /// <summary>10, or null for a subclass-level symbol.</summary>
    public int? MainGroup { get; }
    /// <summary>0525 (digits as written; 00 is the main group itself).</summary>
    public string? Subgroup { get; }

    /// <summary>H01: the class, a facet.</summary>
    public string Class => $"{Section}{ClassDigits}";
    /// <summary>H01M: the subclass, a facet.</summary>
    public string Subclass => $"{Class}{SubclassLetter}";

    /// <summary>H01M 10/0525 (WIPO display form with one space), or H01M.</summary>
    public string Value => MainGroup is { } g ? $"{Subclass} {g.ToString(CultureInfo.InvariantCulture)}/{Subgroup}" : Subclass;

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out IpcCode? code, out IpcCodeError error)
    {
        code = null;
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length == 0) { error = IpcCodeError.Empty; return false; }
        if (text[0] is < 'A' or > 'H') { error = IpcCodeError.InvalidSection; return false; }
        if (text.Length < 3 || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2])) { error = IpcCodeError.InvalidClass; return false; }
        if (text.Length < 4 || !char.IsAsciiLetterUpper(text[3])) { error = IpcCodeError.InvalidSubclass; return false; }

        var rest = text[4..].Trim();
        if (rest.Length == 0)
        {
            code = new IpcCode(text[0], text[1..3], text[3], null, null);
            error = IpcCodeError.None;
            return true;
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? rest : rest[..slash].TrimEnd();
        if (group.Length is < 1 or > 4 || !group.All(char.IsAsciiDigit)) { error = IpcCodeError.InvalidMainGroup; return false; }
        var subgroup = slash < 0 ? "" : rest[(slash + 1)..].TrimStart();
        if (subgroup.Length is < 2 or > 6 || !subgroup.All(char.IsAsciiDigit)) { error = IpcCodeError.InvalidSubgroup; return false; }
        var mainGroup = int.Parse(group, CultureInfo.InvariantCulture);
        if (mainGroup == 0) { error = IpcCodeError.InvalidMainGroup; return false; }
        code = new IpcCode(text[0], text[1..3], text[3], mainGroup, subgroup);
        error = IpcCodeError.None;
        return true;
    }
}

public enum IpcCodeError
{
    None,
    Empty,
    InvalidSection,
    InvalidClass,
    InvalidSubclass,
    InvalidMainGroup,
    InvalidSubgroup,
}

public static class IpcCodeErrors
{
    public static BilingualText Message(this IpcCodeError error) => error switch
    {
        IpcCodeError.None => new("", ""),
        IpcCodeError.Empty => new("请填写 IPC 分类号", "The IPC code is missing"),
        IpcCodeError.InvalidSection => new("IPC 部应为 A 至 H 的字母，例如 H01M 10/0525", "The IPC section is a letter A to H, e.g. H01M 10/0525"),
        IpcCodeError.InvalidClass => new("IPC 大类应为部后两位数字，例如 H01", "The IPC class is two digits after the section, e.g. H01"),
        IpcCodeError.InvalidSubclass => new("IPC 小类应为大类后的一个字母，例如 H01M", "The IPC subclass is one letter after the class, e.g. H01M"),
        IpcCodeError.InvalidMainGroup => new("IPC 大组应为 1 至 4 位数字，例如 10/0525 中的 10", "The IPC main group is 1 to 4 digits, e.g. 10 in 10/0525"),
        IpcCodeError.InvalidSubgroup => new("IPC 小组应为“/”后 2 至 6 位数字，例如 10/0525 中的 0525", "The IPC subgroup is 2 to 6 digits after '/', e.g. 0525 in 10/0525"),
    };
}
