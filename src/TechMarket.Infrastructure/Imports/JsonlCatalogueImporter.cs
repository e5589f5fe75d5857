using System.Text;
using System.Text.Json;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Seeding;

namespace TechMarket.Infrastructure.Imports;

/// <summary>
/// Reads catalogue JSONL as in content/catalogue: one object per line with id, title, abstract, claims, ipc,
/// applicants, inventors, filing_date, grant_date, legal_status, language, doc_type, source, source_license
/// (and optionally country, discipline, category). Blank lines are skipped; every other line is accepted or rejected.
/// </summary>
public static class JsonlCatalogueImporter
{
    public static ImportResult Import(Stream stream, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var collector = new ImportCollector(progress, stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            collector.Row();
            ReadLine(line, lineNo, collector);
        }
        return collector.Finish();
    }

    private static void ReadLine(string line, int row, ImportCollector c)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException e)
        {
            c.Reject(row, "json", new($"不是有效的 JSON：{e.Message}", $"Not valid JSON: {e.Message}"));
            return;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                c.Reject(row, "json", new("每行应为一个 JSON 对象", "Each line must be one JSON object"));
                return;
            }
            var o = doc.RootElement;
            var id = Text(o, "id", row, c)?.Trim();
            var docType = Text(o, "doc_type", row, c);
            var title = Text(o, "title", row, c);
            var claims = Text(o, "claims", row, c);
            var language = Text(o, "language", row, c) ?? "zh";
            var source = Text(o, "source", row, c);
            var license = Text(o, "source_license", row, c);
            var sourceStatus = Text(o, "legal_status", row, c);

            if (string.IsNullOrWhiteSpace(id)) c.Reject(row, "id", new("缺少编号 id", "id is missing"));
            if (docType is not ("patent" or "research_paper")) c.Reject(row, "doc_type", new($"doc_type 应为 patent 或 research_paper，而不是“{docType}”", $"doc_type must be patent or research_paper, not '{docType}'"), id);
            if (language is not ("zh" or "en")) c.Reject(row, "language", new($"language 应为 zh 或 en，而不是“{language}”", $"language must be zh or en, not '{language}'"), id);
            // SOURCES.md: every record keeps source and source_license.
            if (string.IsNullOrWhiteSpace(source)) c.Reject(row, "source", new("缺少数据来源 source", "source is missing"), id);
            if (string.IsNullOrWhiteSpace(license)) c.Reject(row, "source_license", new("缺少来源许可 source_license", "source_license is missing"), id);

            if (string.IsNullOrWhiteSpace(title))
            {
                title = CatalogueSeeder.TitleFromClaims(claims);
                if (title is null) c.Reject(row, "title", new("缺少名称，且无法从权利要求中得出", "title is missing and cannot be derived from the claims"), id);
                else c.Warn(row, "title", new($"名称为空，已取第一项权利要求的主题“{title}”", $"title was empty; the subject of claim 1 was used: '{title}'"), id);
            }

            var recordId = id ?? "";
            CnPatentType? cnType = null;
            string? kindCode = null;
            var isUsDesign = false;
            if (docType == "patent" && id is not null && (id.StartsWith("CN", StringComparison.Ordinal) || id.StartsWith("US", StringComparison.Ordinal)))
            {
                if (ImportFields.TryPatentNumber(id, out var normalised, out cnType, out var numberReason))
                {
                    recordId = normalised;
                    if (CnPublicationNumber.TryParse(normalised, out var pub, out _)) kindCode = pub.Kind.ToString();
                    isUsDesign = UsPatentNumber.TryParse(normalised, out var us, out _) && us.DocumentKind == UsDocumentKind.DesignPatent;
                }
                else c.Reject(row, "id", numberReason, id);
            }
            else if (docType == "patent" && id is not null)
            {
                c.Warn(row, "id", new($"编号“{id}”不是专利号，按来源编号保存", $"id '{id}' is not a patent number; kept as the source's id"), id);
            }

            var filingOk = ImportFields.TryDate(Text(o, "filing_date", row, c), out var filing, out var filingReason);
            if (!filingOk) c.Reject(row, "filing_date", filingReason, id);
            var grantOk = ImportFields.TryDate(Text(o, "grant_date", row, c), out var grant, out var grantReason);
            if (!grantOk) c.Reject(row, "grant_date", grantReason, id);
            if (filing is { } f && grant is { } g && g <= f) c.Reject(row, "grant_date", PatentDateError.GrantNotAfterFiling.Message(), id);

            var ipcProblems = new List<BilingualText>();
            var ipc = ImportFields.IpcCodes(Strings(o, "ipc", row, c), ipcProblems);
            foreach (var p in ipcProblems) c.Reject(row, "ipc", p, id);

            LegalStatus? status = sourceStatus switch
            {
                "published_application" => LegalStatus.Pending,
                _ when LegalStatuses.TryParse(sourceStatus, out var s) => s,
                // "granted" says the right was granted, not that it is still in force: left unknown.
                _ => null,
            };
            var kind = docType == "research_paper" ? AssetKind.ResearchResult
                : sourceStatus == "published_application" || kindCode == "A" ? AssetKind.PatentApplication
                : isUsDesign ? AssetKind.Design
                : cnType?.GrantedKind() ?? AssetKind.InventionPatent;

            var @abstract = Text(o, "abstract", row, c);
            var applicants = Strings(o, "applicants", row, c);
            var inventors = Strings(o, "inventors", row, c);
            var country = Text(o, "country", row, c);
            var discipline = Text(o, "discipline", row, c);
            var category = Text(o, "category", row, c);

            if (c.IsRejected(row)) return;
            c.Accept(row, new ImportRecord
            {
                RecordId = recordId,
                Kind = kind,
                Title = title!.Trim(),
                Abstract = ImportFields.NullIfBlank(@abstract),
                Claims = ImportFields.NullIfBlank(claims),
                IpcCodes = ipc,
                Applicants = applicants,
                Inventors = inventors,
                FilingDate = filing,
                GrantDate = grant,
                KindCode = kindCode,
                LegalStatus = status,
                SourceLegalStatus = sourceStatus,
                Language = language,
                Country = ImportFields.NullIfBlank(country),
                DocType = docType,
                Source = source!,
                SourceLicense = license!,
                Discipline = ImportFields.NullIfBlank(discipline),
                Category = ImportFields.NullIfBlank(category),
            });
        }
    }

    private static string? Text(JsonElement o, string name, int row, ImportCollector c)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        c.Reject(row, name, new($"{name} 应为字符串", $"{name} must be a string"));
        return null;
    }

    private static List<string> Strings(JsonElement o, string name, int row, ImportCollector c)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        {
            return [.. v.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)];
        }
        c.Reject(row, name, new($"{name} 应为字符串数组", $"{name} must be an array of strings"));
        return [];
    }
}
