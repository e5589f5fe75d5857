using TechMarket.Domain.Catalogue;

namespace TechMarket.Domain.Tests.Catalogue;

public sealed class CnPublicationNumberTests
{
    [Theory]
    [InlineData("CN113914863A", CnPatentType.Invention, 'A')] // content/catalogue/cn_patents.jsonl, first record
    [InlineData("CN109407724A", CnPatentType.Invention, 'A')] // same file
    [InlineData("cn 113914863 a", CnPatentType.Invention, 'A')]
    [InlineData("CN100345678C", CnPatentType.Invention, 'C')]
    [InlineData("CN1234567A", CnPatentType.Invention, 'A')]
    [InlineData("CN102345678B", CnPatentType.Invention, 'B')]
    [InlineData("CN212345678U", CnPatentType.UtilityModel, 'U')]
    [InlineData("CN2345678Y", CnPatentType.UtilityModel, 'Y')]
    [InlineData("CN305123456S", CnPatentType.Design, 'S')]
    public void Valid_publication_number_parses(string input, CnPatentType type, char kind)
    {
        Assert.True(CnPublicationNumber.TryParse(input, out var number, out var error), $"{input}: {error}");
        Assert.Equal(type, number.Type);
        Assert.Equal(kind, number.Kind);
        Assert.StartsWith("CN", number.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", CnPublicationNumberError.Empty)]
    [InlineData("113914863A", CnPublicationNumberError.MissingCountryCode)]
    [InlineData("CN113914863", CnPublicationNumberError.MissingKindCode)]
    [InlineData("CN11391486A", CnPublicationNumberError.WrongLength)]
    [InlineData("CN11391X863A", CnPublicationNumberError.NotDigits)]
    [InlineData("CN413914863A", CnPublicationNumberError.UnknownType)]
    [InlineData("CN113914863Q", CnPublicationNumberError.UnknownKindCode)]
    [InlineData("CN213914863A", CnPublicationNumberError.KindDoesNotMatchType)]
    [InlineData("CN113914863U", CnPublicationNumberError.KindDoesNotMatchType)]
    [InlineData("CN313914863B", CnPublicationNumberError.KindDoesNotMatchType)]
    public void Malformed_publication_number_says_what_is_wrong(string input, CnPublicationNumberError expected)
    {
        Assert.False(CnPublicationNumber.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
        Assert.NotEmpty(error.Message().Zh);
    }

    [Fact]
    public void Every_CN_id_of_the_seed_catalogue_parses()
    {
        var path = Path.Combine(RepoRoot(), "content", "catalogue", "cn_patents.jsonl");
        var ids = File.ReadLines(path)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)
            .Where(id => id.StartsWith("CN", StringComparison.Ordinal)).ToList();
        Assert.True(ids.Count > 600);
        Assert.All(ids, id => Assert.True(CnPublicationNumber.TryParse(id, out _, out var e), $"{id}: {e}"));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TechMarket.sln not found above the test binaries.");
    }
}

public sealed class UsPatentNumberTests
{
    [Theory]
    [InlineData("US8637286", UsDocumentKind.UtilityPatent, "US8637286")] // content/catalogue/us_biomed_patents.jsonl
    [InlineData("US 8,637,286", UsDocumentKind.UtilityPatent, "US8637286")]
    [InlineData("US08926509", UsDocumentKind.UtilityPatent, "US8926509")] // shared/data/uspto-xml/xml2014
    [InlineData("US07272630B2", UsDocumentKind.UtilityPatent, "US7272630")]
    [InlineData("US11578343", UsDocumentKind.UtilityPatent, "US11578343")]
    [InlineData("6336130", UsDocumentKind.UtilityPatent, "US6336130")]
    [InlineData("USD435854S1", UsDocumentKind.DesignPatent, "USD435854")] // shared/data/uspto-xml/sgml
    [InlineData("D435854", UsDocumentKind.DesignPatent, "USD435854")]
    [InlineData("USD0435854", UsDocumentKind.DesignPatent, "USD435854")]
    [InlineData("US20010000044A1", UsDocumentKind.PreGrantPublication, "US20010000044A1")] // shared/data/uspto-xml/pap
    [InlineData("US 2001/0000044 A1", UsDocumentKind.PreGrantPublication, "US20010000044A1")]
    public void Valid_us_number_parses_and_normalises(string input, UsDocumentKind kind, string value)
    {
        Assert.True(UsPatentNumber.TryParse(input, out var number, out var error), $"{input}: {error}");
        Assert.Equal(kind, number.DocumentKind);
        Assert.Equal(value, number.Value);
    }

    [Theory]
    [InlineData("", UsPatentNumberError.Empty)]
    [InlineData("USABC", UsPatentNumberError.NotDigits)]
    [InlineData("US123456789", UsPatentNumberError.WrongLength)]
    [InlineData("US0000000", UsPatentNumberError.WrongLength)]
    [InlineData("US19990000044A1", UsPatentNumberError.ImplausibleYear)]
    [InlineData("US20010000044B2", UsPatentNumberError.KindDoesNotMatch)]
    [InlineData("USD435854B2", UsPatentNumberError.KindDoesNotMatch)]
    [InlineData("US8637286XYZ", UsPatentNumberError.MalformedKindCode)]
    public void Malformed_us_number_says_what_is_wrong(string input, UsPatentNumberError expected)
    {
        Assert.False(UsPatentNumber.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
        Assert.NotEmpty(error.Message().En);
    }
}

public sealed class IpcCodeTests
{
    [Theory]
    [InlineData("H01M 10/0525", 'H', "H01", "H01M", 10, "0525", "H01M 10/0525")]
    [InlineData("A61K31/00", 'A', "A61", "A61K", 31, "00", "A61K 31/00")]
    [InlineData("g06f 17/30", 'G', "G06", "G06F", 17, "30", "G06F 17/30")]
    [InlineData("G06F017/60", 'G', "G06", "G06F", 17, "60", "G06F 17/60")] // USPTO pre-grant publication style
    [InlineData("C07D 487/04", 'C', "C07", "C07D", 487, "04", "C07D 487/04")]
    [InlineData("A01B 1/022", 'A', "A01", "A01B", 1, "022", "A01B 1/022")]
    public void Valid_ipc_code_parses_to_facets(string input, char section, string cls, string subclass, int group, string subgroup, string value)
    {
        Assert.True(IpcCode.TryParse(input, out var code, out var error), $"{input}: {error}");
        Assert.Equal(section, code.Section);
        Assert.Equal(cls, code.Class);
        Assert.Equal(subclass, code.Subclass);
        Assert.Equal(group, code.MainGroup);
        Assert.Equal(subgroup, code.Subgroup);
        Assert.Equal(value, code.Value);
    }

    [Fact]
    public void Subclass_alone_is_a_valid_symbol()
    {
        Assert.True(IpcCode.TryParse("H01M", out var code, out _));
        Assert.Null(code.MainGroup);
        Assert.Equal("H01M", code.Value);
    }

    [Theory]
    [InlineData("", IpcCodeError.Empty)]
    [InlineData("J01M 10/0525", IpcCodeError.InvalidSection)]
    [InlineData("H1M 10/0525", IpcCodeError.InvalidClass)]
    [InlineData("H01", IpcCodeError.InvalidSubclass)]
    [InlineData("H011 10/0525", IpcCodeError.InvalidSubclass)]
    [InlineData("H01M 12345/00", IpcCodeError.InvalidMainGroup)]
    [InlineData("H01M X/00", IpcCodeError.InvalidMainGroup)]
    [InlineData("H01M 10", IpcCodeError.InvalidSubgroup)]
    [InlineData("H01M 10/5", IpcCodeError.InvalidSubgroup)]
    [InlineData("H01M 10/1234567", IpcCodeError.InvalidSubgroup)]
    public void Malformed_ipc_code_says_what_is_wrong(string input, IpcCodeError expected)
    {
        Assert.False(IpcCode.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
        Assert.NotEmpty(error.Message().Zh);
    }
}
