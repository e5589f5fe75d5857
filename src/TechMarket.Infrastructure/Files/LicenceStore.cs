namespace TechMarket.Infrastructure.Files;

public enum UploadError
{
    None,
    Empty,
    TooLarge,
    NotPdfOrImage,
}

/// <summary>
/// Business-licence scans: PDF, JPEG or PNG up to 5 MB, recognised by their first bytes (the browser's content
/// type and the file name are not trusted), stored under {DataPath}/files — outside wwwroot, served only through
/// an authorised page.
/// </summary>
public sealed class LicenceStore(TechMarketPaths paths)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private string Folder => Path.Combine(paths.Data, "files", "licences");

    public static (string? ContentType, string? Extension) Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", ".png");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ("image/jpeg", ".jpg");
        return (null, null);
    }

    public async Task<(UploadError Error, string? StoredName, string? ContentType)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0) return (UploadError.Empty, null, null);
        if (length > MaxBytes) return (UploadError.TooLarge, null, null);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes) return (UploadError.TooLarge, null, null);
        var (type, extension) = Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length)));
        if (type is null) return (UploadError.NotPdfOrImage, null, null);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), buffer.ToArray(), cancellationToken);
        return (UploadError.None, name, type);
    }

    /// <summary>Opens a stored file; the name must be one this store produced (no path separators).</summary>
    public Stream? Open(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Folder, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
