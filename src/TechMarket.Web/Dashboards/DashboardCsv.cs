using System.Globalization;
using System.Text;

namespace TechMarket.Web.Dashboards;

/// <summary>
/// A chart's table as CSV (RFC 4180): UTF-8 with a byte-order mark so Excel opens Chinese correctly, CRLF line ends,
/// fields with a comma, quote or line break quoted and their quotes doubled. Text that Excel would run as a formula
/// (starting with = + - @ or a tab) is prefixed with an apostrophe; numbers are written plainly, invariant culture.
/// </summary>
public static class DashboardCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Build(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var text = new StringBuilder();
        AppendLine(text, chart.Columns.Select(c => Text(c.CsvHeader)));
        foreach (var row in chart.Rows)
        {
            AppendLine(text, row.Select((value, i) => Value(chart.Columns[i].Format, value)));
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Value(CellFormat format, object? value) => (format, value) switch
    {
        (_, null) => "",
        // Money is kept in fen and written in yuan with two decimals (the header says 元).
        (CellFormat.Money, long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        (CellFormat.Percent, double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture),
        (CellFormat.Days, double days) => days.ToString("0.0", CultureInfo.InvariantCulture),
        (_, IFormattable number) when format != CellFormat.Text => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static void AppendLine(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells);
        text.Append("\r\n");
    }
}
