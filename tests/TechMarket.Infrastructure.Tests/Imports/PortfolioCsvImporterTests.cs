using System.Text;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Tests.Imports;

public sealed class PortfolioCsvImporterTests
{
    private static readonly PortfolioCsvImporter Importer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)));

    private static string Header()
    {
        using var stream = new MemoryStream();
        PortfolioCsvImporter.WriteTemplate(stream);
        return Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n")[0];
    }

    private static ImportResult Import(string csv) =>
        Importer.Import(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()), null, TestContext.Current.CancellationToken);

    // number,title,type,filing_date,grant_date,legal_status,ipc,patentees,inventors,abstract,trade_modes,price,trl,industry
    private const string Valid = "ZL201710601862.3,一种电池管理方法,发明,2017-07-21,2020-03-10,有效,H01M 10/0525; H01M 10/44,某某大学,张三;李四,摘要,转让;普通许可,50,6,新能源汽车与智能网联汽车";

    [Fact]
    public void Template_is_utf8_with_bom_and_has_every_column_and_an_example()
    {
        using var stream = new MemoryStream();
        PortfolioCsvImporter.WriteTemplate(stream);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("专利号/申请号 number,名称 title,类型 type,申请日 filing_date", lines[0], StringComparison.Ordinal);
        Assert.Contains("价格（万元，或填“面议”） price", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Unfilled_template_imports_nothing_and_says_the_example_was_skipped()
    {
        using var stream = new MemoryStream();
        PortfolioCsvImporter.WriteTemplate(stream);
        stream.Position = 0;
        var result = Importer.Import(stream, null, TestContext.Current.CancellationToken);
        Assert.Empty(result.Accepted);
        Assert.Empty(result.Rejected);
        Assert.Equal(2, Assert.Single(result.Warnings).Row);
    }

    [Fact]
    public void Template_example_row_is_itself_valid_once_the_marker_is_removed()
    {
        using var stream = new MemoryStream();
        PortfolioCsvImporter.WriteTemplate(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray()).Replace("【示例，请删除本行】", "", StringComparison.Ordinal);
        var result = Importer.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), null, TestContext.Current.CancellationToken);
        Assert.Empty(result.Rejected);
        Assert.Single(result.Accepted);
    }

    [Fact]
    public void Valid_row_becomes_a_record_with_terms()
    {
        var result = Import(Header() + "\r\n" + Valid + "\r\n");
        Assert.Empty(result.Rejected);
        var r = Assert.Single(result.Accepted);
        Assert.Equal("201710601862.3", r.RecordId);
        Assert.Equal(AssetKind.InventionPatent, r.Kind);
        Assert.Equal(new DateOnly(2017, 7, 21), r.FilingDate);
        Assert.Equal(["H01M 10/0525", "H01M 10/44"], r.IpcCodes);
        Assert.Equal(["张三", "李四"], r.Inventors);
        Assert.Equal(LegalStatus.Valid, r.LegalStatus);
        Assert.Equal(new PortfolioTerms(TradeModes.Assignment | TradeModes.OrdinaryLicence, Money.FromYuan(500_000), 6, Industry.NewEnergyVehicles), r.Terms);
    }

    [Fact]
    public void Columns_are_found_by_header_in_any_order_and_quoted_text_may_hold_commas_and_line_breaks()
    {
        var csv = "title,price,number,type,trade_modes,filing_date,grant_date,legal_status,abstract\n" +
                  "\"一种电池，含逗号, and comma\",面议,CN113914863A,专利申请,开放许可,2021-01-05,,审中,\"第一段\n第二段\"\n";
        var result = Import(csv);
        Assert.Empty(result.Rejected);
        var r = Assert.Single(result.Accepted);
        Assert.Equal("一种电池，含逗号, and comma", r.Title);
        Assert.Equal("第一段\n第二段", r.Abstract);
        Assert.Null(r.Terms!.Price); // 面议
        Assert.Equal(AssetKind.PatentApplication, r.Kind);
    }

    [Fact]
    public void Every_bad_row_is_listed_with_its_line_field_and_reason()
    {
        string Row(int column, string value)
        {
            var cells = Valid.Split(',');
            cells[column] = value;
            return string.Join(',', cells);
        }
        var csv = string.Join("\r\n",
            Header(),                                                   // line 1
            Valid,                                                      // 2 accepted
            Row(0, "201710601862.4"),                                   // 3 wrong check digit
            Row(2, "实用新型"),                                          // 4 type does not match the number
            Row(4, "2016-01-01"),                                       // 5 grant before filing
            Row(5, "有效期内"),                                          // 6 unknown status
            Row(6, "H01M10/5"),                                         // 7 bad IPC subgroup
            Row(10, "开放许可;独占许可"),                                 // 8 Patent Law Art. 51
            Row(11, "-3"),                                              // 9 bad price
            Row(12, "10"),                                              // 10 TRL out of range
            Row(13, "房地产"),                                           // 11 unknown industry
            "\"一种,\r\n跨行的名称\",x",                                   // 12-13 (starts on 12): several fields missing
            Row(3, "2017/7/21"));                                       // 14 duplicate number of line 2 (other date form is fine)
        var result = Import(csv + "\r\n");

        Assert.Single(result.Accepted);
        Assert.Equal(12, result.RowsRead); // data rows; the header is not one
        var byRow = result.Rejected.GroupBy(r => r.Row).ToDictionary(g => g.Key, g => g.Select(r => r.Field).ToList());
        Assert.Equal(["number"], byRow[3]);
        Assert.Equal(["type"], byRow[4]);
        Assert.Equal(["grant_date"], byRow[5]);
        Assert.Equal(["legal_status"], byRow[6]);
        Assert.Equal(["ipc"], byRow[7]);
        Assert.Equal(["trade_modes"], byRow[8]);
        Assert.Equal(["price"], byRow[9]);
        Assert.Equal(["trl"], byRow[10]);
        Assert.Equal(["industry"], byRow[11]);
        Assert.Contains("type", byRow[12]);
        Assert.Contains("trade_modes", byRow[12]);
        Assert.Equal(["id"], byRow[14]);
        Assert.Equal(11, result.RejectedRows);
        Assert.Contains("第五十一条", result.Rejected.Single(r => r.Row == 8).Reason.Zh, StringComparison.Ordinal);
        Assert.Contains("check digit", result.Rejected.Single(r => r.Row == 3).Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_column_rejects_the_file_at_the_header()
    {
        var result = Import("number,title,type\r\n" + "ZL201710601862.3,x,发明\r\n");
        Assert.Empty(result.Accepted);
        Assert.Equal(["trade_modes", "price"], result.Rejected.Select(r => r.Field));
        Assert.All(result.Rejected, r => Assert.Equal(1, r.Row));
    }

    [Fact]
    public void Unclosed_quote_is_reported_not_swallowed()
    {
        var result = Import(Header() + "\r\n" + Valid + "\r\n\"broken,row\r\n" + Valid.Replace("ZL201710601862.3", "CN113914863A", StringComparison.Ordinal));
        Assert.Single(result.Accepted);
        Assert.Equal("csv", Assert.Single(result.Rejected).Field);
        Assert.Equal(3, result.Rejected[0].Row);
    }
}

public sealed class PortfolioCsvImporterClockTests
{
    [Fact]
    public void Filing_dated_today_in_Beijing_is_not_in_the_future_while_it_is_still_yesterday_in_UTC()
    {
        // 2026-11-27 20:00 UTC is 2026-11-28 04:00 in Beijing.
        var importer = new PortfolioCsvImporter(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero)));
        var csv = "number,title,type,filing_date,legal_status,trade_modes,price\r\nCN113914863A,一种方法,专利申请,2026-11-28,审中,转让,面议\r\n";
        var result = importer.Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, TestContext.Current.CancellationToken);
        Assert.Empty(result.Rejected);
        Assert.Single(result.Accepted);
    }
}
