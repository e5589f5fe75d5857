using TechMarket.Infrastructure.Files;

namespace TechMarket.Infrastructure.RdContracts;

/// <summary>
/// Milestone deliverables: PDF, PNG, JPEG or ZIP up to 20 MB, recognised by their first bytes (name and browser content type
/// are not trusted), stored under {DataPath}/files/deliverables, outside wwwroot; served only to the parties and the center.
/// </summary>
public sealed class DeliverableStore(TechMarketPaths paths)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private string Folder => Path.Combine(paths.Data, "files", "deliverables");

    public static (string? ContentType, string? Extension) Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\u0003\u0004"u8) ? ("application/zip", ".zip") : LicenceStore.Sniff(head);

    public async Task<(string? Error, string? StoredName, string? ContentType)> SaveAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length <= 0) return ("文件为空 / The file is empty", null, null);
        if (length > MaxBytes) return ("文件不能超过 20 MB / The file must not exceed 20 MB", null, null);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes) return ("文件不能超过 20 MB / The file must not exceed 20 MB", null, null);
        var (type, extension) = Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length)));
        if (type is null) return ("只接受 PDF、PNG、JPG 或 ZIP 文件 / Only PDF, PNG, JPG or ZIP files", null, null);
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), buffer.ToArray(), cancellationToken);
        return (null, name, type);
    }

    public Stream? Open(string storedName)
    {
        ArgumentNullException.ThrowIfNull(storedName);
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Folder, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
