using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Seeding;

public sealed record SeedReport(int OrganizationsAdded, int RecordsAdded, int RecordsSkipped, IReadOnlyList<string> Problems);

/// <summary>
/// Loads the real public records of content/catalogue and puts demo listings over them, owned by the fictional
/// demo organisations of content/demo/organizations.json. Idempotent: records are keyed by their source id, so
/// a restart or a second run adds only what is missing.
/// </summary>
public sealed class CatalogueSeeder(TechMarketDbContext db, TechMarketPaths paths, TimeProvider clock, ILogger<CatalogueSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private const int BatchSize = 500;

    public async Task<SeedReport> SeedAsync(CancellationToken cancellationToken)
    {
        var demo = await LoadDemoFileAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var orgsAdded = await SeedOrganizationsAsync(demo, now, cancellationToken);

        var orgIdsByName = demo.Organizations.ToDictionary(o => o.Name, o => o.Id);
        var known = (await db.CatalogueRecords.AsNoTracking().Select(r => r.RecordId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        int added = 0, skipped = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(paths.Content, "catalogue"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            if (!demo.ListingOwners.TryGetValue(fileName, out var ownerNames) || ownerNames.Count == 0)
            {
                problems.Add($"{fileName}: no demo owner in organizations.json; file skipped");
                continue;
            }
            var owners = ownerNames.Select(n => orgIdsByName[n]).ToArray();
            var lineNo = 0;
            foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                SourceRecord? source;
                try { source = JsonSerializer.Deserialize<SourceRecord>(line, Json); }
                catch (JsonException e) { problems.Add($"{fileName}:{lineNo}: {e.Message}"); continue; }
                if (source is not null && string.IsNullOrWhiteSpace(source.Title)) source = source with { Title = TitleFromClaims(source.Claims) };
                if (source is null || string.IsNullOrWhiteSpace(source.Id) || string.IsNullOrWhiteSpace(source.Title))
                {
                    problems.Add($"{fileName}:{lineNo}: id and title are required");
                    continue;
                }
                if (!known.Add(source.Id)) { skipped++; continue; }

                var (record, listing) = DemoListingFor(source, owners, now);
                db.CatalogueRecords.Add(record);
                db.Listings.Add(listing);
                if (++added % BatchSize == 0) await SaveAndClearAsync(cancellationToken);
            }
        }
        await SaveAndClearAsync(cancellationToken);
        foreach (var p in problems) logger.LogWarning("Seed problem: {Problem}", p);
        logger.LogInformation("Seeded {Organizations} organisations and {Records} records ({Skipped} already present)", orgsAdded, added, skipped);
        return new SeedReport(orgsAdded, added, skipped, problems);
    }

    private async Task SaveAndClearAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<int> SeedOrganizationsAsync(DemoFile demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = (await db.Organizations.Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var o in demo.Organizations.Where(o => !existing.Contains(o.Id)))
        {
            if (!UnifiedSocialCreditCode.TryParse(o.CreditCode, out var code, out var error))
            {
                throw new InvalidDataException($"Demo organisation {o.Name}: credit code {o.CreditCode} is invalid ({error}).");
            }
            var org = new Organization(o.Id, o.Name, o.NameEn, o.Type, code, isDemo: true, createdAt: now);
            org.MarkVerified(now);
            db.Organizations.Add(org);
            added++;
        }
        await SaveAndClearAsync(cancellationToken);
        return added;
    }

    private async Task<DemoFile> LoadDemoFileAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(paths.Content, "demo", "organizations.json");
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoFile>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>
    /// The listing terms are demo data (演示数据), derived from a hash of the record id so that every run
    /// gives the same price, trade modes, industry and TRL.
    /// </summary>
    internal static (CatalogueRecord Record, Listing Listing) DemoListingFor(SourceRecord s, IReadOnlyList<Guid> owners, DateTimeOffset now)
    {
        var hash = BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s.Id!)));
        var kind = (s.DocType, s.LegalStatus) switch
        {
            ("research_paper", _) => AssetKind.ResearchResult,
            ("patent", "granted") => AssetKind.InventionPatent,
            _ => AssetKind.PatentApplication,
        };
        var record = new CatalogueRecord(DeterministicGuid("record:" + s.Id), s.Id!, kind, s.Title!.Trim(), s.Abstract, s.Claims,
            s.Language ?? "zh", s.Source ?? "", s.SourceLicense ?? "", s.Discipline, s.Category, s.Ipc);

        TradeModes[] modeChoices =
        [
            TradeModes.Assignment,
            TradeModes.Assignment | TradeModes.OrdinaryLicence,
            TradeModes.ExclusiveLicence | TradeModes.OrdinaryLicence,
            TradeModes.OrdinaryLicence,
            TradeModes.Assignment | TradeModes.Equity,
            TradeModes.OpenLicence,
        ];
        var modes = modeChoices[(int)(hash % (ulong)modeChoices.Length)];
        // One listing in eight is 面议 (price by negotiation); others 5万 to 500万 yuan in 5万 steps.
        Money? price = (hash >> 8) % 8 == 0 ? null : Money.FromWanYuan(5 * (1 + (long)((hash >> 16) % 100)));
        var industry = GuessIndustry(s);
        var trl = 2 + (int)((hash >> 24) % 7);
        var owner = owners[(int)((hash >> 32) % (ulong)owners.Count)];
        var listing = new Listing(DeterministicGuid("listing:" + s.Id), record.Id, owner, modes, price, industry, trl, isDemo: true, createdAt: now);
        listing.PublishDemo(now.AddMinutes(-(double)((hash >> 40) % (365 * 24 * 60))));
        return (record, listing);
    }

    /// <summary>
    /// Three source records have no title. A claim's preamble names the invention ("1.一种制造内管的方法，其包括…"),
    /// so that subject is shown as the title rather than dropping a real record.
    /// </summary>
    internal static string? TitleFromClaims(string? claims)
    {
        if (string.IsNullOrWhiteSpace(claims)) return null;
        var text = claims.TrimStart();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot is > 0 and < 4) text = text[(dot + 1)..];
        var end = text.IndexOfAny(['，', ',', '：', ':', '。', '\n']);
        var subject = (end > 0 ? text[..end] : text).Trim();
        return subject.Length is > 0 and <= 80 ? subject : null;
    }

    private static Industry GuessIndustry(SourceRecord s)
    {
        if (s.Language == "en") return Industry.Biomedicine;
        var text = s.Title + " " + s.Discipline;
        if (ContainsAny(text, "电池", "汽车", "车辆", "充电", "储能", "电动")) return Industry.NewEnergyVehicles;
        if (ContainsAny(text, "医", "药", "生物", "基因", "细胞", "蛋白", "临床")) return Industry.Biomedicine;
        if (ContainsAny(text, "通信", "网络", "数据", "算法", "计算机", "芯片", "软件", "图像", "信号")) return Industry.NextGenIt;
        return Industry.FutureIndustries;
    }

    private static bool ContainsAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>Stable ids so that a rebuilt database keeps every listing's URL.</summary>
    internal static Guid DeterministicGuid(string key)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(bytes.AsSpan(0, 16));
    }

    internal sealed record SourceRecord
    {
        public string? Id { get; init; }
        public string? Title { get; init; }
        public string? Abstract { get; init; }
        public string? Claims { get; init; }
        public List<string>? Ipc { get; init; }
        [JsonPropertyName("legal_status")] public string? LegalStatus { get; init; }
        public string? Language { get; init; }
        [JsonPropertyName("doc_type")] public string? DocType { get; init; }
        public string? Source { get; init; }
        [JsonPropertyName("source_license")] public string? SourceLicense { get; init; }
        public string? Discipline { get; init; }
        public string? Category { get; init; }
    }

    private sealed record DemoFile
    {
        public List<DemoOrganization> Organizations { get; init; } = [];
        public Dictionary<string, List<string>> ListingOwners { get; init; } = [];
    }

    private sealed record DemoOrganization
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? NameEn { get; init; }
        [JsonConverter(typeof(JsonStringEnumConverter))] public OrganizationType Type { get; init; }
        public string? CreditCode { get; init; }
    }
}
