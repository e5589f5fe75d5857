using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Imports;

public enum UsptoFormat
{
    /// <summary>Pre-grant publications 2001-2004 (patent-application-publication, pap v1.x).</summary>
    PreGrantPublication,
    /// <summary>Grants 2001-2004 in the SGML-derived ST.32 XML (PATDOC, B110 ... tags).</summary>
    SgmlGrant,
    /// <summary>Grants in us-patent-grant v4.0 (2004) to v4.5+ (2014 onwards).</summary>
    XmlGrant,
}

/// <summary>
/// Reads USPTO full-text documents in the five historical formats of ../shared/data/uspto-xml. A file may hold one
/// document or, like the weekly bulk files, many concatenated ones. DTDs are never fetched: the DOCTYPE is removed and
/// named character entities (HTML and ISO 8879 sets the DTDs pull in) are replaced by their characters first.
/// </summary>
public static partial class UsptoXmlImporter
{
    private const string Source = "USPTO full text (github: USPTO/PatentPublicData samples)";
    private const string License = "US Government work, public domain (37 CFR 1.71); CC0 1.0";

    // ISO 8879 entities used by the USPTO DTDs that HTML 4 does not define.
    private static readonly Dictionary<string, string> IsoEntities = new(StringComparer.Ordinal)
    {
        ["lsqb"] = "[", ["rsqb"] = "]", ["plus"] = "+", ["equals"] = "=", ["num"] = "#", ["af"] = "\u2061", ["it"] = "\u2062",
        ["agr"] = "α", ["bgr"] = "β", ["ggr"] = "γ", ["dgr"] = "δ", ["egr"] = "ε", ["lgr"] = "λ", ["mgr"] = "μ", ["pgr"] = "π",
        ["sgr"] = "σ", ["tgr"] = "τ", ["phgr"] = "φ", ["ohgr"] = "ω", ["Dgr"] = "Δ", ["PHgr"] = "Φ", ["OHgr"] = "Ω", ["Sgr"] = "Σ",
        ["thgr"] = "θ", ["khgr"] = "χ", ["psgr"] = "ψ", ["ngr"] = "ν", ["rgr"] = "ρ", ["zgr"] = "ζ", ["eegr"] = "η", ["kgr"] = "κ",
        ["xgr"] = "ξ", ["igr"] = "ι", ["ugr"] = "υ", ["Ggr"] = "Γ", ["Lgr"] = "Λ", ["Pgr"] = "Π", ["THgr"] = "Θ",
    };

    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    // Comments are matched too so that a DOCTYPE commented out (as in the SGML design sample) is left alone.
    [GeneratedRegex(@"<!--[\s\S]*?-->|<!DOCTYPE[^\[>]*(\[[\s\S]*?\]\s*)?>")]
    private static partial Regex CommentOrDoctype();

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9._-]*);")]
    private static partial Regex NamedEntity();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d+)\s*\.\s*")]
    private static partial Regex ClaimNumber();

    [GeneratedRegex(@"(?m)^(?=<\?xml\s)")]
    private static partial Regex XmlDeclarationAtLineStart();

    public static ImportResult ImportFile(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Import(File.ReadAllText(path, Encoding.UTF8), progress, cancellationToken);

    /// <summary>Imports every document of the text; document n (1-based) is "row" n of the result.</summary>
    public static ImportResult Import(string text, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collector = new ImportCollector(progress);
        var documents = XmlDeclarationAtLineStart().Split(text).Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            collector.Row();
            ReadDocument(documents[i], i + 1, collector);
        }
        return collector.Finish();
    }

    private static void ReadDocument(string text, int row, ImportCollector c)
    {
        XDocument doc;
        try
        {
            var withoutDoctype = CommentOrDoctype().Replace(text, m => m.Value.StartsWith("<!--", StringComparison.Ordinal) ? m.Value : "");
            var cleaned = NamedEntity().Replace(withoutDoctype, ReplaceEntity);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(cleaned), settings);
            doc = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            c.Reject(row, "xml", new($"XML 无法解析（第 {e.LineNumber} 行）：{e.Message}", $"The XML cannot be parsed (line {e.LineNumber}): {e.Message}"));
            return;
        }
        var root = doc.Root!;
        Parsed? parsed = root.Name.LocalName switch
        {
            "patent-application-publication" => ReadPap(root),
            "PATDOC" => ReadSgml(root),
            "us-patent-grant" => ReadGrant(root),
            _ => null,
        };
        if (parsed is null)
        {
            c.Reject(row, "format", new($"不支持的文档类型 <{root.Name.LocalName}>", $"Unsupported document type <{root.Name.LocalName}>"));
            return;
        }
        Finish(parsed, row, c);
    }

    private static string ReplaceEntity(Match m)
    {
        var name = m.Groups[1].Value;
        if (XmlEntities.Contains(name)) return m.Value;
        if (IsoEntities.TryGetValue(name, out var iso)) return Escape(iso);
        var html = WebUtility.HtmlDecode(m.Value);
        // Unknown entity: keep its name visible rather than drop text silently.
        return html != m.Value ? Escape(html) : "&amp;" + name + ";";
    }

    private static string Escape(string s) => s switch { "<" => "&lt;", ">" => "&gt;", "&" => "&amp;", _ => s };

    private sealed record Parsed(UsptoFormat Format, string DocNumber, string? Kind, string? Date, string? FilingDate, string? Title,
        string? Abstract, IReadOnlyList<string> Claims, IReadOnlyList<string> RawIpc, IReadOnlyList<string> Inventors, IReadOnlyList<string> Assignees);

    private static Parsed ReadPap(XElement root)
    {
        var bib = root.Element("subdoc-bibliographic-information");
        var id = bib?.Element("document-id");
        var ipc = bib?.Descendants("classification-ipc").Descendants("ipc").Select(e => Flat(e)).ToList() ?? [];
        var inventors = bib?.Element("inventors")?.Elements().Where(e => e.Name.LocalName is "first-named-inventor" or "inventor")
            .Select(e => PersonName(e.Element("name"), "given-name", "middle-name", "family-name")).ToList() ?? [];
        var assignees = bib?.Elements("assignee").Select(a => Flat(a.Element("organization-name")) ?? PersonName(a.Element("name"), "given-name", "middle-name", "family-name")).ToList() ?? [];
        return new Parsed(UsptoFormat.PreGrantPublication, Flat(id?.Element("doc-number")) ?? "", Flat(id?.Element("kind-code")), Flat(id?.Element("document-date")),
            Flat(bib?.Element("domestic-filing-data")?.Element("filing-date")), Flat(bib?.Descendants("title-of-invention").FirstOrDefault()),
            Paragraphs(root.Element("subdoc-abstract")?.Elements("paragraph")), [.. root.Element("subdoc-claims")?.Elements("claim").Select(Flat).OfType<string>() ?? []],
            ipc.OfType<string>().ToList(), [.. inventors.OfType<string>()], [.. assignees.OfType<string>()]);
    }

    private static Parsed ReadSgml(XElement root)
    {
        var bib = root.Element("SDOBI");
        string? P(string path) => Flat(bib?.Element(path.Split('/')[0])?.Descendants(path.Split('/')[1]).FirstOrDefault());
        var kind = P("B100/B130");
        // Design grants carry the Locarno class in B511, not an IPC symbol.
        var ipc = kind == "S" ? [] : bib?.Descendants().Where(e => e.Name.LocalName is "B511" or "B512").Select(e => SgmlIpc(e.Value.Trim())).OfType<string>().ToList() ?? [];
        static string? Party(XElement p)
        {
            var nam = p.Descendants("NAM").FirstOrDefault();
            return Flat(nam?.Element("ONM")) ?? JoinName(Flat(nam?.Element("FNM")), Flat(nam?.Element("SNM")));
        }
        return new Parsed(UsptoFormat.SgmlGrant, P("B100/B110") ?? "", kind, P("B100/B140"), P("B200/B220"), Flat(bib?.Descendants("B540").FirstOrDefault()),
            Paragraphs(root.Element("SDOAB")?.Descendants("PARA")), [.. root.Element("SDOCL")?.Descendants("CLM").Select(Flat).OfType<string>() ?? []],
            ipc, [.. bib?.Descendants("B721").Select(Party).OfType<string>() ?? []], [.. bib?.Descendants("B731").Select(Party).OfType<string>() ?? []]);
    }

    private static Parsed ReadGrant(XElement root)
    {
        var bib = root.Element("us-bibliographic-data-grant");
        var pub = bib?.Element("publication-reference")?.Element("document-id");
        var app = bib?.Element("application-reference")?.Element("document-id");
        var ipc = new List<string>();
        // v4.0 (2004): classification-ipc with main/further symbols; v4.1+ (2006): classifications-ipcr with parts.
        if (bib?.Element("classification-ipc") is { } oldIpc)
        {
            ipc.AddRange(oldIpc.Elements().Where(e => e.Name.LocalName is "main-classification" or "further-classification").Select(e => Flat(e)).OfType<string>());
        }
        foreach (var r in bib?.Element("classifications-ipcr")?.Elements("classification-ipcr") ?? [])
        {
            ipc.Add($"{Flat(r.Element("section"))}{Flat(r.Element("class"))}{Flat(r.Element("subclass"))} {Flat(r.Element("main-group"))}/{Flat(r.Element("subgroup"))}");
        }
        var parties = bib?.Element("us-parties") ?? bib?.Element("parties");
        // 2004/2006 list inventors as applicants of type applicant-inventor; 2014 has an inventors element.
        var inventorElements = parties?.Element("inventors")?.Elements("inventor")
            ?? parties?.Element("applicants")?.Elements("applicant").Where(a => (string?)a.Attribute("app-type") == "applicant-inventor") ?? [];
        var inventors = inventorElements.Select(i => JoinName(Flat(i.Element("addressbook")?.Element("first-name")), Flat(i.Element("addressbook")?.Element("last-name")))).OfType<string>().ToList();
        var assignees = bib?.Element("assignees")?.Elements("assignee").Select(a =>
        {
            var book = a.Element("addressbook") ?? a;
            return Flat(book.Element("orgname")) ?? JoinName(Flat(book.Element("first-name")), Flat(book.Element("last-name")));
        }).OfType<string>().ToList() ?? [];
        return new Parsed(UsptoFormat.XmlGrant, Flat(pub?.Element("doc-number")) ?? "", Flat(pub?.Element("kind")), Flat(pub?.Element("date")), Flat(app?.Element("date")),
            Flat(bib?.Element("invention-title")), Paragraphs(root.Element("abstract")?.Elements("p")),
            [.. root.Element("claims")?.Elements("claim").Select(Flat).OfType<string>() ?? []], ipc, inventors, assignees);
    }

    private static void Finish(Parsed p, int row, ImportCollector c)
    {
        var raw = "US" + p.DocNumber + (p.Kind ?? "");
        string recordId = raw;
        var kind = AssetKind.InventionPatent;
        if (!UsPatentNumber.TryParse(raw, out var number, out var numberError)) c.Reject(row, "number", numberError.Message(), raw);
        else
        {
            recordId = number.Value;
            kind = number.DocumentKind switch
            {
                UsDocumentKind.UtilityPatent => AssetKind.InventionPatent,
                UsDocumentKind.DesignPatent => AssetKind.Design,
                UsDocumentKind.PreGrantPublication => AssetKind.PatentApplication,
            };
        }
        if (string.IsNullOrWhiteSpace(p.Title)) c.Reject(row, "title", new("缺少发明名称", "The title is missing"), recordId);
        if (!UsptoDate(p.Date, out var date)) c.Reject(row, "date", new($"公告日“{p.Date}”无法识别", $"Publication date '{p.Date}' is not understood"), recordId);
        if (!UsptoDate(p.FilingDate, out var filing)) c.Reject(row, "filing_date", new($"申请日“{p.FilingDate}”无法识别", $"Filing date '{p.FilingDate}' is not understood"), recordId);
        if (date is { } d && filing is { } f && d <= f) c.Reject(row, "date", PatentDateError.GrantNotAfterFiling.Message(), recordId);

        var ipcProblems = new List<BilingualText>();
        var ipc = ImportFields.IpcCodes(p.RawIpc, ipcProblems);
        // A classification quirk should not lose a whole document; it is reported, not hidden.
        foreach (var problem in ipcProblems) c.Warn(row, "ipc", problem, recordId);

        if (c.IsRejected(row)) return;
        c.Accept(row, new ImportRecord
        {
            RecordId = recordId,
            Kind = kind,
            Title = p.Title!,
            Abstract = p.Abstract,
            Claims = p.Claims.Count == 0 ? null : string.Join('\n', p.Claims),
            IpcCodes = ipc,
            Applicants = p.Assignees,
            Inventors = p.Inventors,
            FilingDate = filing,
            GrantDate = date,
            KindCode = p.Kind,
            SourceLegalStatus = kind == AssetKind.PatentApplication ? "published_application" : "granted",
            LegalStatus = kind == AssetKind.PatentApplication ? LegalStatus.Pending : null,
            Language = "en",
            Country = "US",
            DocType = "patent",
            Source = Source,
            SourceLicense = License,
        });
    }

    /// <summary>ST.32 writes IPC as subclass (4) + main group right-aligned in 3 + subgroup: "G06F 1516" is G06F 15/16.</summary>
    private static string? SgmlIpc(string? raw)
    {
        if (raw is null || raw.Length < 7) return raw;
        return $"{raw[..4]} {raw[4..7].Trim()}/{raw[7..].Trim()}";
    }

    private static bool UsptoDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { date = d; return true; }
        return false;
    }

    /// <summary>All text of an element with whitespace collapsed; a claim's leading "1." gets one space after it.</summary>
    private static string? Flat(XElement? e)
    {
        if (e is null) return null;
        var builder = new StringBuilder();
        AppendText(e, builder);
        var text = Whitespace().Replace(builder.ToString(), " ").Trim();
        if (e.Name.LocalName is "claim" or "CLM") text = ClaimNumber().Replace(text, "$1. ");
        return text.Length == 0 ? null : text;
    }

    // Block elements end with a space so that "comprising:" and the next step do not run together.
    private static readonly HashSet<string> BlockElements = ["claim-text", "p", "paragraph", "heading", "PARA", "CLMSTEP", "PTEXT", "H"];

    private static void AppendText(XElement e, StringBuilder builder)
    {
        foreach (var node in e.Nodes())
        {
            if (node is XText t) builder.Append(t.Value);
            else if (node is XElement child)
            {
                AppendText(child, builder);
                if (BlockElements.Contains(child.Name.LocalName)) builder.Append(' ');
            }
        }
    }

    private static string? Paragraphs(IEnumerable<XElement>? paragraphs)
    {
        var text = string.Join("\n", paragraphs?.Select(Flat).OfType<string>() ?? []);
        return text.Length == 0 ? null : text;
    }

    private static string? PersonName(XElement? name, string given, string middle, string family) =>
        name is null ? null : JoinName(string.Join(' ', new[] { Flat(name.Element(given)), Flat(name.Element(middle)) }.OfType<string>()), Flat(name.Element(family)));

    private static string? JoinName(string? first, string? last)
    {
        var name = $"{first} {last}".Trim();
        return name.Length == 0 ? null : name;
    }
}
