using System.Text;

namespace TechMarket.Infrastructure.Imports;

/// <summary>One CSV record and the 1-based line on which it starts (a quoted field may span lines).</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields, bool Unterminated);

/// <summary>
/// RFC 4180 reader: comma-separated, fields optionally in double quotes, "" inside quotes is one quote,
/// commas and line breaks (CRLF, LF or CR) inside quotes belong to the field. Lenient where Excel is:
/// a quote in the middle of an unquoted field is kept as text.
/// </summary>
internal static class Rfc4180
{
    public static IEnumerable<CsvRow> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var startLine = 1;
        var inQuotes = false;
        var fieldStarted = false; // anything read for the current record
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n')) line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n') reader.Read();
                    if (fieldStarted || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRow(startLine, [.. fields], false);
                    }
                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    startLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        if (fieldStarted || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRow(startLine, [.. fields], inQuotes);
        }
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break.</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
