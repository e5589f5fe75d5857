using System.IO.Compression;

namespace TechMarket.Infrastructure.Files;

public enum DocumentUploadError
{
    None,
    Empty,
    TooLarge,
    TypeNotAllowed,
}

/// <summary>
/// Documents attached to listings: PDF, JPEG, PNG, Office Open XML (docx, xlsx, pptx) and the older Office formats
/// (doc, xls, ppt), up to 20 MB, recognised by their content — never by the file name or the browser's content type —
/// and stored under {DataPath}/files/listing-documents, outside wwwroot, under a generated name.
/// </summary>
public sealed class ListingDocumentStore(TechMarketPaths paths)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private string Folder => Path.Combine(paths.Data, "files", "listing-documents");

    /// <summary>
    /// The content type the bytes really are. A ZIP is Office only when it holds [Content_Types].xml and the part folder
    /// of Word, Excel or PowerPoint; an OLE compound file is taken as the legacy Office format its extension names.
    /// </summary>
    public static (string? ContentType, string? Extension) Sniff(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (type, extension) = LicenceStore.Sniff(content.AsSpan(0, Math.Min(16, content.Length)));
        if (type is not null) return (type, extension);
        var declared = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return SniffOpenXml(content);
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return declared switch
            {
                ".doc" => ("application/msword", ".doc"),
                ".xls" => ("application/vnd.ms-excel", ".xls"),
                ".ppt" => ("application/vnd.ms-powerpoint", ".ppt"),
                _ => (null, null),
            };
        }
        return (null, null);
    }

    private static (string?, string?) SniffOpenXml(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal)) return (null, null);
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
            return (null, null);
        }
        catch (InvalidDataException)
        {
            return (null, null);
        }
    }

    public async Task<(DocumentUploadError Error, string? StoredName, string? ContentType)> SaveAsync(Stream content, long length, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0) return (DocumentUploadError.Empty, null, null);
        if (length > MaxBytes) return (DocumentUploadError.TooLarge, null, null);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0) return (DocumentUploadError.Empty, null, null);
        if (buffer.Length > MaxBytes) return (DocumentUploadError.TooLarge, null, null);
        var bytes = buffer.ToArray();
        var (type, extension) = Sniff(bytes, fileName);
        if (type is null) return (DocumentUploadError.TypeNotAllowed, null, null);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), bytes, cancellationToken).ConfigureAwait(false);
        return (DocumentUploadError.None, name, type);
    }

    /// <summary>Opens a stored file; the name must be one this store produced (no path separators).</summary>
    public Stream? Open(string storedName) => IsOwnName(storedName) && File.Exists(Path.Combine(Folder, storedName)) ? File.OpenRead(Path.Combine(Folder, storedName)) : null;

    public void Delete(string storedName)
    {
        if (IsOwnName(storedName)) File.Delete(Path.Combine(Folder, storedName));
    }

    private static bool IsOwnName(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        return !(storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal));
    }
}
