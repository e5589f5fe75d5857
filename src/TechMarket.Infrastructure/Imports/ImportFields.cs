using System.Globalization;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Imports;

/// <summary>Field parsing shared by the importers; every refusal comes back as a bilingual reason.</summary>
internal static class ImportFields
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public static bool TryDate(string? text, out DateOnly? date, out BilingualText reason)
    {
        reason = default;
        date = null;
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return true;
        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { date = d; return true; }
        reason = new($"日期“{t}”无法识别，请写成 2020-05-01", $"Date '{t}' is not understood: write it as 2020-05-01");
        return false;
    }

    /// <summary>A patent number in any accepted form; returns the normalised record id and what it says about the type.</summary>
    public static bool TryPatentNumber(string? text, out string recordId, out CnPatentType? cnType, out BilingualText reason)
    {
        var t = (text ?? "").Trim();
        recordId = "";
        cnType = null;
        reason = default;
        var upper = t.ToUpperInvariant();
        if (upper.StartsWith("US", StringComparison.Ordinal) || upper.StartsWith('D'))
        {
            if (UsPatentNumber.TryParse(t, out var us, out var usError)) { recordId = us.Value; return true; }
            reason = usError.Message();
            return false;
        }
        // CN publication numbers end with a kind letter; application numbers with '.' and a digit or X.
        if (upper.StartsWith("CN", StringComparison.Ordinal) && upper.Length > 0 && char.IsAsciiLetter(upper[^1]) && !upper.Contains('.', StringComparison.Ordinal))
        {
            if (CnPublicationNumber.TryParse(t, out var pub, out var pubError)) { recordId = pub.Value; cnType = pub.Type; return true; }
            reason = pubError.Message();
            return false;
        }
        if (CnApplicationNumber.TryParse(t, out var app, out var appError)) { recordId = app.Value; cnType = app.Type; return true; }
        reason = appError.Message();
        return false;
    }

    /// <summary>Splits on ; ； , ， or | and validates each code; returns the normalised codes and the first refusal.</summary>
    public static List<string> IpcCodes(IEnumerable<string> raw, List<BilingualText> problems)
    {
        var codes = new List<string>();
        foreach (var item in raw)
        {
            if (string.IsNullOrWhiteSpace(item)) continue;
            if (IpcCode.TryParse(item, out var code, out var error))
            {
                if (!codes.Contains(code.Value)) codes.Add(code.Value);
            }
            else problems.Add(new($"IPC 分类号“{item.Trim()}”有误：{error.Message().Zh}", $"IPC code '{item.Trim()}' is wrong: {error.Message().En}"));
        }
        return codes;
    }

    public static string[] SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split([';', '；', '|', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
