namespace TechMarket.Infrastructure.Files;

/// <summary>
/// Bank slips (回单) of recorded receipts: like <see cref="LicenceStore"/>, PDF, JPEG or PNG up to 5 MB recognised by their
/// first bytes, stored under {DataPath}/files/receipts outside wwwroot and served only to the center.
/// </summary>
public sealed class ReceiptSlipStore(TechMarketPaths paths)
{
    private string Folder => Path.Combine(paths.Data, "files", "receipts");

    public async Task<(UploadError Error, string? StoredName, string? ContentType)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0) return (UploadError.Empty, null, null);
        if (length > LicenceStore.MaxBytes) return (UploadError.TooLarge, null, null);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > LicenceStore.MaxBytes) return (UploadError.TooLarge, null, null);
        var (type, extension) = LicenceStore.Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length)));
        if (type is null) return (UploadError.NotPdfOrImage, null, null);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        return (UploadError.None, name, type);
    }

    public Stream? Open(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Folder, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
