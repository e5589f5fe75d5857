using System.Globalization;
using System.Text.Json.Serialization;

namespace TechMarket.Search.Elasticsearch;

/// <summary>
/// The _source of one catalogue document, field for field as catalogue-index.json maps it. Chinese records fill
/// title/abstract/claims (SmartCn), English records the *_en fields; every text field also has a bigram sub-field.
/// </summary>
internal sealed record IndexedListing
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("record_id")] public required string RecordId { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("lang")] public required string Language { get; init; }
    [JsonPropertyName("org")] public required string Organization { get; init; }

    [JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Title { get; init; }
    [JsonPropertyName("abstract"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Abstract { get; init; }
    [JsonPropertyName("claims"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Claims { get; init; }
    [JsonPropertyName("title_en"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TitleEnglish { get; init; }
    [JsonPropertyName("abstract_en"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AbstractEnglish { get; init; }
    [JsonPropertyName("claims_en"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ClaimsEnglish { get; init; }

    /// <summary>Lower-cased title for prefix suggestions, and the title after a leading 一种 ("a kind of").</summary>
    [JsonPropertyName("title_key")] public IReadOnlyList<string> TitleKeys { get; init; } = [];

    [JsonPropertyName("trade_mode")] public IReadOnlyList<string>? TradeModes { get; init; }
    [JsonPropertyName("industry"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Industry { get; init; }
    [JsonPropertyName("ipc_section")] public IReadOnlyList<string> IpcSections { get; init; } = [];
    [JsonPropertyName("ipc_class")] public IReadOnlyList<string> IpcClasses { get; init; } = [];
    [JsonPropertyName("legal_status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LegalStatus { get; init; }
    [JsonPropertyName("price_band")] public required string PriceBand { get; init; }
    /// <summary>A keyword like the other facets (the Lucene engine indexes "4", not 4).</summary>
    [JsonPropertyName("trl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Trl { get; init; }
    [JsonPropertyName("price"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Price { get; init; }
    [JsonPropertyName("published_at")] public required DateTimeOffset PublishedAt { get; init; }

    public static IndexedListing From(CatalogDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var english = string.Equals(doc.Language, "en", StringComparison.OrdinalIgnoreCase);
        var title = doc.Title.Trim().ToLowerInvariant();
        List<string> keys = [title];
        if (title.StartsWith("一种", StringComparison.Ordinal) && title.Length > 2) keys.Add(title[2..]);
        return new IndexedListing
        {
            Id = doc.ListingId.ToString("N"),
            RecordId = doc.RecordId,
            Type = doc.Type,
            Language = doc.Language,
            Organization = doc.Organization,
            Title = english ? null : doc.Title,
            Abstract = english ? null : doc.Abstract ?? "",
            Claims = english ? null : doc.Claims,
            TitleEnglish = english ? doc.Title : null,
            AbstractEnglish = english ? doc.Abstract ?? "" : null,
            ClaimsEnglish = english ? doc.Claims : null,
            TitleKeys = keys,
            TradeModes = doc.TradeModes,
            Industry = NullIfEmpty(doc.Industry),
            IpcSections = [.. doc.IpcCodes.Select(IpcCodes.Section).OfType<string>().Distinct(StringComparer.Ordinal)],
            IpcClasses = [.. doc.IpcCodes.Select(IpcCodes.Class).OfType<string>().Distinct(StringComparer.Ordinal)],
            LegalStatus = NullIfEmpty(doc.LegalStatus),
            PriceBand = PriceBands.Of(doc.PriceFen),
            Trl = doc.Trl?.ToString(CultureInfo.InvariantCulture),
            Price = doc.PriceFen,
            PublishedAt = doc.PublishedAt.ToUniversalTime(),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The part of <see cref="IndexedListing"/> that suggestions fetch (_source filtered).</summary>
internal sealed record SuggestedListing
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("record_id")] public required string RecordId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("title_en")] public string? TitleEnglish { get; init; }
}

/// <summary>Encodes only what HTML needs, like the Lucene engine's snippet encoder: Chinese stays readable.</summary>
internal static class HtmlText
{
    public static string Encode(string text) => string.Create(text.Length + CountExtra(text), text, static (span, source) =>
    {
        var i = 0;
        foreach (var c in source)
        {
            var replacement = c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => null };
            if (replacement is null) span[i++] = c;
            else { replacement.AsSpan().CopyTo(span[i..]); i += replacement.Length; }
        }
    });

    private static int CountExtra(string text) => text.Sum(c => c switch { '&' => 4, '<' or '>' => 3, '"' => 5, '\'' => 4, _ => 0 });
}
