namespace TechMarket.Domain.Catalogue;

/// <summary>
/// A patent, patent application or research result as published by its source
/// (CNIPA, USPTO, a journal). Listings are offers made over a record.
/// </summary>
public sealed class CatalogueRecord
{
    private CatalogueRecord() { RecordId = Title = Language = Source = SourceLicense = IpcCodes = ""; }

    public CatalogueRecord(Guid id, string recordId, AssetKind kind, string title, string? @abstract, string? claims,
        string language, string source, string sourceLicense, string? discipline, string? category, IEnumerable<string>? ipcCodes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = id;
        RecordId = recordId;
        Kind = kind;
        Title = title;
        Abstract = @abstract;
        Claims = claims;
        Language = language;
        Source = source;
        SourceLicense = sourceLicense;
        Discipline = discipline;
        Category = category;
        IpcCodes = ipcCodes is null ? "" : string.Join(' ', ipcCodes);
    }

    public Guid Id { get; private set; }
    /// <summary>The source's own identifier: CN113914863A, CSL-dev-0000, US8637286.</summary>
    public string RecordId { get; private set; }
    public AssetKind Kind { get; private set; }
    public string Title { get; private set; }
    public string? Abstract { get; private set; }
    public string? Claims { get; private set; }
    /// <summary>BCP 47 language of the text: zh or en.</summary>
    public string Language { get; private set; }
    public string Source { get; private set; }
    public string SourceLicense { get; private set; }
    public string? Discipline { get; private set; }
    public string? Category { get; private set; }
    /// <summary>Space-separated IPC codes.</summary>
    public string IpcCodes { get; private set; }
}
