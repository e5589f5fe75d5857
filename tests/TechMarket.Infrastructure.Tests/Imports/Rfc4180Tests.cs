using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Tests.Imports;

public sealed class Rfc4180Tests
{
    private static List<CsvRow> Read(string text) => [.. Rfc4180.Read(new StringReader(text))];

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks()
    {
        var rows = Read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\r\nline2\nline3\"\r\nlast,,\r\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0].Fields);
        Assert.Equal(["x, y", "say \"hi\"", "line1\r\nline2\nline3"], rows[1].Fields);
        Assert.Equal(["last", "", ""], rows[2].Fields);
    }

    [Fact]
    public void Each_row_knows_the_line_it_starts_on()
    {
        var rows = Read("h1,h2\n\"multi\nline\",x\n\nnext,y\n");
        Assert.Equal([1, 2, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public void Last_row_without_line_break_and_unterminated_quote_are_reported()
    {
        Assert.Equal(["a", "b"], Assert.Single(Read("a,b")).Fields);
        var open = Assert.Single(Read("\"never closed,x\n"));
        Assert.True(open.Unterminated);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Escape_quotes_only_when_needed(string value, string expected) => Assert.Equal(expected, Rfc4180.Escape(value));
}
