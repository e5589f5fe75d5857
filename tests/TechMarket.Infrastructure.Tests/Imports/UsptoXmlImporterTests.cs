using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Imports;

namespace TechMarket.Infrastructure.Tests.Imports;

/// <summary>One test per sample of samples/uspto-xml; expected values were read from the XML files themselves.</summary>
public sealed class UsptoXmlImporterTests
{
    private static ImportRecord ImportOne(string relativePath)
    {
        var result = UsptoXmlImporter.ImportFile(Path.Combine(AppContext.BaseDirectory, "samples", "uspto-xml", relativePath), null, TestContext.Current.CancellationToken);
        Assert.Empty(result.Rejected);
        return Assert.Single(result.Accepted);
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Pap_US20010000044A1()
    {
        var r = ImportOne("pap/US20010000044A1.xml");
        Assert.Equal("US20010000044A1", r.RecordId);
        Assert.Equal(AssetKind.PatentApplication, r.Kind);
        Assert.Equal("Systems and Methods For Transacting Business Over A Global Communications Network Such As The Internet", r.Title);
        Assert.Equal(D(1999, 6, 29), r.FilingDate);
        Assert.Equal(D(2001, 3, 15), r.GrantDate);
        Assert.Equal(["G06F 17/60"], r.IpcCodes);
        Assert.Equal(["Wayne W Lin"], r.Inventors);
        Assert.StartsWith("1. A method of doing business over a global communications network comprising the steps: communicating to a buyer", r.Claims, StringComparison.Ordinal);
        Assert.Contains("buyer's performance", r.Abstract, StringComparison.Ordinal); // &apos; decoded
    }

    [Fact]
    public void Pap_US20010000943A1()
    {
        var r = ImportOne("pap/US20010000943A1.xml");
        Assert.Equal("US20010000943A1", r.RecordId);
        Assert.Equal("Organic electroluminescence device and method of manufacturing same", r.Title);
        Assert.Equal(D(2000, 12, 4), r.FilingDate);
        Assert.Equal(D(2001, 5, 10), r.GrantDate);
        Assert.Equal(["H01J 1/62"], r.IpcCodes);
        Assert.Equal(["IDEMITSU KOSAN CO., LTD."], r.Applicants);
        Assert.StartsWith("1. An organic electroluminescence device containing an organic layer formed between electrodes", r.Claims, StringComparison.Ordinal);
        Assert.Contains("Min−20 nm<t<Min +20 nm", r.Claims, StringComparison.Ordinal); // &minus; &lt; &plus; without the DTD
    }

    [Fact]
    public void Pap_US20010009014A1()
    {
        var r = ImportOne("pap/US20010009014A1.xml");
        Assert.Equal("US20010009014A1", r.RecordId);
        Assert.Equal("Facilitating real-time, multi-point communications over the internet", r.Title);
        Assert.Equal(D(2001, 2, 5), r.FilingDate);
        Assert.Equal(D(2001, 7, 19), r.GrantDate);
        Assert.Equal(["G06F 15/16"], r.IpcCodes);
        Assert.StartsWith("1. A method for facilitating communication between a plurality of clients on a network, comprising: receiving a request", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Sgml_US06336130()
    {
        var r = ImportOne("sgml/US06336130.xml");
        Assert.Equal("US6336130", r.RecordId);
        Assert.Equal("B1", r.KindCode);
        Assert.Equal(AssetKind.InventionPatent, r.Kind);
        Assert.Equal("Arrangement for improving availability of services in a communication system", r.Title);
        Assert.Equal(D(1999, 10, 5), r.FilingDate);
        Assert.Equal(D(2002, 1, 1), r.GrantDate);
        Assert.Equal(["G06F 15/16", "G06F 13/00"], r.IpcCodes); // B511 "G06F 1516", B512 "G06F 1300"
        Assert.Equal(["Thanh Van Do"], r.Inventors);
        Assert.Equal(["Telefonaktiebolaget LM Ericsson (publ)"], r.Applicants);
        Assert.StartsWith("1. An arrangement in a network including a plurality of mobile terminals", r.Claims, StringComparison.Ordinal);
        Assert.StartsWith("A communications systems, e.g., a telecommunications system", r.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void Sgml_US06337117()
    {
        var r = ImportOne("sgml/US06337117.xml");
        Assert.Equal("US6337117", r.RecordId);
        Assert.Equal("Optical memory device", r.Title);
        Assert.Equal(D(1999, 6, 30), r.FilingDate);
        Assert.Equal(D(2002, 1, 8), r.GrantDate);
        Assert.Equal(["B32B 3/02"], r.IpcCodes); // B511 "B32B  302": group right-aligned in three places
        Assert.Equal(5, r.Inventors.Count);
        Assert.Equal("Shinya Maenosono", r.Inventors[0]);
        Assert.Equal(["Mitsubishi Chemical Corporation"], r.Applicants);
        Assert.StartsWith("1. An optical memory device comprising: a luminous material", r.Claims, StringComparison.Ordinal);
        Assert.Contains("(hereinafter referred to as a \u201cluminous intensity\u201d)", r.Abstract, StringComparison.Ordinal); // &ldquo; &rdquo; from the ST.32 DTD
        Assert.Contains("1×10", r.Claims, StringComparison.Ordinal); // &times;
    }

    [Fact]
    public void Sgml_design_USD435854S1_with_commented_out_doctype()
    {
        var r = ImportOne("sgml/USD435854S1.xml");
        Assert.Equal("USD435854", r.RecordId);
        Assert.Equal(AssetKind.Design, r.Kind);
        Assert.Equal("S", r.KindCode);
        Assert.Equal("Disc cartridge", r.Title);
        Assert.Equal(D(1999, 1, 6), r.FilingDate);
        Assert.Equal(D(2001, 1, 2), r.GrantDate);
        Assert.Empty(r.IpcCodes); // B511 holds the Locarno class 1402, not an IPC symbol
        Assert.Equal(8, r.Inventors.Count);
        Assert.Equal(["Hitachi Maxell, Ltd.", "Sanyo Electric Co.,Ltd.", "Olympus Optical Co., Ltd."], r.Applicants);
        Assert.Equal("The ornamental design for a disc cartridge, as shown and described.", r.Claims);
    }

    [Fact]
    public void Xml2004_US06859910()
    {
        var r = ImportOne("xml2004/US06859910.xml");
        Assert.Equal("US6859910", r.RecordId);
        Assert.Equal("B2", r.KindCode);
        Assert.Equal("Methods and systems for transactional tunneling", r.Title);
        Assert.Equal(D(2001, 4, 10), r.FilingDate);
        Assert.Equal(D(2005, 2, 22), r.GrantDate);
        Assert.Equal(["G06F 15/00", "G06F 17/00", "G06F 17/21", "G06F 17/24"], r.IpcCodes);
        Assert.Equal(["John Charles Croy"], r.Inventors);
        Assert.Equal(["Bluestreak.com"], r.Applicants);
        Assert.StartsWith("1. A method of executing an electronic transaction, comprising: establishing a persistent connection to a server", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml2004_US06970935()
    {
        var r = ImportOne("xml2004/US06970935.xml");
        Assert.Equal("US6970935", r.RecordId);
        Assert.Equal("Conversational networking via transport, coding and control conversational protocols", r.Title);
        Assert.Equal(D(2000, 11, 1), r.FilingDate);
        Assert.Equal(D(2005, 11, 29), r.GrantDate);
        Assert.Equal(["International Business Machines Corporation"], r.Applicants);
        Assert.StartsWith("1. A communication system, comprising: a communication stack comprising:", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml2006_US07272630B2()
    {
        var r = ImportOne("xml2006/US07272630B2.xml");
        Assert.Equal("US7272630", r.RecordId);
        Assert.Equal("Locating potentially identical objects across multiple computers based on stochastic partitioning of workload", r.Title);
        Assert.Equal(D(2004, 11, 18), r.FilingDate);
        Assert.Equal(D(2007, 9, 18), r.GrantDate);
        Assert.Equal(["G06F 15/13"], r.IpcCodes); // classification-ipcr: G 06 F 15 13
        Assert.Equal(["John R. Douceur", "Marvin M. Theimer", "Atul Adya", "William J. Bolosky"], r.Inventors);
        Assert.Equal(["Microsoft Corporation"], r.Applicants);
        Assert.StartsWith("1. A method implemented in a computer, the method comprising: generating an imprint identification code", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml2014_US08926509()
    {
        var r = ImportOne("xml2014/US08926509.xml");
        Assert.Equal("US8926509", r.RecordId);
        Assert.Equal("Wireless physiological sensor patches and systems", r.Title);
        Assert.Equal(D(2008, 6, 5), r.FilingDate);
        Assert.Equal(D(2015, 1, 6), r.GrantDate);
        Assert.Equal("A61B 5/00", r.IpcCodes[0]);
        Assert.Equal(14, r.IpcCodes.Count);
        Assert.Equal(["Hmicro, Inc."], r.Applicants);
        Assert.StartsWith("1. A system for measuring physiological signals, comprising: (a) a patch-ASIC chip", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml2014_US08927118()
    {
        var r = ImportOne("xml2014/US08927118.xml");
        Assert.Equal("US8927118", r.RecordId);
        Assert.Equal("Material for organic electroluminescence device and organic electroluminescence device using the same", r.Title);
        Assert.Equal(D(2012, 1, 12), r.FilingDate);
        Assert.Equal(D(2015, 1, 6), r.GrantDate);
        Assert.Contains("C07D 487/04", r.IpcCodes);
        Assert.Equal(["Idemitsu Kosan Co., Ltd."], r.Applicants);
        Assert.StartsWith("1. A material for an organic electroluminescence device represented by the formula (5):", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml2014_US08930553()
    {
        var r = ImportOne("xml2014/US08930553.xml");
        Assert.Equal("US8930553", r.RecordId);
        Assert.Equal("Managing mid-dialog session initiation protocol (SIP) messages", r.Title);
        Assert.Equal(D(2012, 10, 9), r.FilingDate);
        Assert.Equal(D(2015, 1, 6), r.GrantDate);
        Assert.Equal(["G06F 15/16"], r.IpcCodes);
        Assert.Equal(["Nitzan Nissim", "Brian Pulito", "Asaf Zinger"], r.Inventors);
        Assert.Equal(["International Business Machines Corporation"], r.Applicants);
        Assert.StartsWith("1. A system for processing mid-dialog SIP messages, the system comprising: an incoming message hardware processor", r.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenated_bulk_file_yields_every_document_and_reports_a_broken_one_by_position()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "samples", "uspto-xml", "xml2014");
        var a = File.ReadAllText(Path.Combine(dir, "US08930553.xml"));
        var b = File.ReadAllText(Path.Combine(dir, "US08926509.xml"));
        var broken = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<us-patent-grant><us-bibliographic-data-grant>\n";
        var progress = new List<ImportProgress>();
        var result = UsptoXmlImporter.Import(a + "\n" + broken + b, new SyncProgress(progress), TestContext.Current.CancellationToken);
        Assert.Equal(["US8930553", "US8926509"], result.Accepted.Select(r => r.RecordId));
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(2, rejection.Row);
        Assert.Equal("xml", rejection.Field);
        Assert.Equal(3, result.RowsRead);
        Assert.Equal(new ImportProgress(3, 2, 1), progress[^1]);
    }

    [Fact]
    public void Unknown_entity_is_kept_visible_and_no_dtd_is_fetched()
    {
        // The system DTD path does not exist and would be fetched over the network if DTDs were processed.
        const string doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE us-patent-grant SYSTEM "http://example.invalid/us-patent-grant.dtd" [ ]>
            <us-patent-grant><us-bibliographic-data-grant>
            <publication-reference><document-id><country>US</country><doc-number>08930553</doc-number><kind>B2</kind><date>20150106</date></document-id></publication-reference>
            <application-reference><document-id><date>20121009</date></document-id></application-reference>
            <invention-title>Widget &frobnicate; with &deg; and &lsqb;1&rsqb;</invention-title>
            </us-bibliographic-data-grant></us-patent-grant>
            """;
        var result = UsptoXmlImporter.Import(doc, null, TestContext.Current.CancellationToken);
        Assert.Equal("Widget &frobnicate; with ° and [1]", Assert.Single(result.Accepted).Title);
    }

    [Fact]
    public void Grant_dated_before_its_filing_is_rejected_with_the_field()
    {
        const string doc = """
            <us-patent-grant><us-bibliographic-data-grant>
            <publication-reference><document-id><doc-number>08930553</doc-number><kind>B2</kind><date>20100106</date></document-id></publication-reference>
            <application-reference><document-id><date>20121009</date></document-id></application-reference>
            <invention-title>T</invention-title>
            </us-bibliographic-data-grant></us-patent-grant>
            """;
        var result = UsptoXmlImporter.Import(doc, null, TestContext.Current.CancellationToken);
        Assert.Empty(result.Accepted);
        Assert.Equal("date", Assert.Single(result.Rejected).Field);
    }
}

/// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and at once.</summary>
internal sealed class SyncProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => reports.Add(value);
}
