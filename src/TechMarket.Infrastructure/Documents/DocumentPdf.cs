using System.Buffers.Binary;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace TechMarket.Infrastructure.Documents;

/// <summary>One numbered clause of a document: heading and body (line breaks kept).</summary>
public sealed record PdfSection(string Heading, string Body);

/// <summary>A contract or confirmation as the PDF renderer lays it out on A4.</summary>
public sealed record PdfDocumentModel(string Title, IReadOnlyList<string> Preamble, IReadOnlyList<PdfSection> Sections, IReadOnlyList<string> Closing);

/// <summary>The CJK font could not be read: the message says which path was tried and how to install it.</summary>
public sealed class CjkFontMissingException(string path) : Exception(
    $"PDF 中文字体不存在：{path}。请安装 fonts-wqy-microhei（apt-get install -y fonts-wqy-microhei）或在 Deals:CjkFontPath 指定 TrueType 字体。 / " +
    $"The CJK font for PDF documents was not found at {path}. Install fonts-wqy-microhei or set Deals:CjkFontPath to a TrueType (.ttf/.ttc) font.")
{
    public string FontPath { get; } = path;
}

/// <summary>
/// Renders contracts and confirmations as A4 PDFs with PDFsharp (MIT) and one TrueType CJK font, embedded as a subset
/// with a ToUnicode map so the Chinese text can be searched and copied. Lines are broken by measured width character
/// by character (Chinese has no spaces to break at); pages are added as the text runs on.
/// </summary>
public sealed class DocumentPdf
{
    private const string Family = "TechMarketCjk";
    private static readonly Lock Gate = new();
    private static CjkFontResolver? resolver;

    private readonly string fontPath;

    public DocumentPdf(string fontPath)
    {
        this.fontPath = fontPath;
    }

    public byte[] Render(PdfDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        EnsureFont(fontPath);
        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Creator = "坪山科技服务大市场 TechMarket";
        var writer = new PageWriter(document);
        writer.Line(model.Title, new XFont(Family, 16, XFontStyleEx.Regular), centered: true, gapAfter: 10);
        var body = new XFont(Family, 10.5, XFontStyleEx.Regular);
        var heading = new XFont(Family, 11.5, XFontStyleEx.Regular);
        foreach (var line in model.Preamble) writer.Paragraph(line, body);
        writer.Gap(6);
        foreach (var section in model.Sections)
        {
            writer.Paragraph(section.Heading, heading, gapAfter: 2);
            writer.Paragraph(section.Body, body, gapAfter: 6);
        }
        writer.Gap(10);
        foreach (var line in model.Closing) writer.Paragraph(line, body);
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void EnsureFont(string path)
    {
        lock (Gate)
        {
            if (resolver is null)
            {
                resolver = new CjkFontResolver();
                GlobalFontSettings.FontResolver = resolver;
            }
            resolver.Load(path);
        }
    }

    private sealed class PageWriter(PdfDocument document)
    {
        private static readonly double Margin = XUnit.FromMillimeter(20).Point;
        private PdfPage? page;
        private XGraphics? graphics;
        private double y;

        public void Gap(double points) => y += points;

        public void Line(string text, XFont font, bool centered = false, double gapAfter = 0)
        {
            var g = EnsureRoom(font.GetHeight() * 1.5);
            var width = page!.Width.Point - 2 * Margin;
            var x = centered ? Margin + Math.Max(0, (width - g.MeasureString(text, font).Width) / 2) : Margin;
            g.DrawString(text, font, XBrushes.Black, new XPoint(x, y + font.GetHeight()));
            y += font.GetHeight() * 1.5 + gapAfter;
        }

        public void Paragraph(string text, XFont font, double gapAfter = 2)
        {
            foreach (var raw in (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                foreach (var line in Wrap(raw, font)) Line(line, font);
            }
            y += gapAfter;
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var g = EnsureRoom(0);
            var width = page!.Width.Point - 2 * Margin;
            if (text.Length == 0) { yield return ""; yield break; }
            var start = 0;
            while (start < text.Length)
            {
                var end = start + 1;
                while (end < text.Length && g.MeasureString(text[start..(end + 1)], font).Width <= width) end++;
                yield return text[start..end];
                start = end;
            }
        }

        private XGraphics EnsureRoom(double needed)
        {
            if (graphics is null || y + needed > page!.Height.Point - Margin)
            {
                graphics?.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                graphics = XGraphics.FromPdfPage(page);
                y = Margin;
            }
            return graphics;
        }

        public void Finish() => graphics?.Dispose();
    }

    /// <summary>Every family resolves to the configured CJK face; a .ttc collection gives its first face as a standalone TrueType font.</summary>
    private sealed class CjkFontResolver : IFontResolver
    {
        private byte[]? face;
        private string? loadedFrom;

        public void Load(string path)
        {
            if (loadedFrom == path && face is not null) return;
            if (!File.Exists(path)) throw new CjkFontMissingException(path);
            var bytes = File.ReadAllBytes(path);
            face = bytes.AsSpan(0, 4).SequenceEqual("ttcf"u8) ? FirstFaceOfCollection(bytes) : bytes;
            loadedFrom = path;
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(Family);

        public byte[]? GetFont(string faceName) => face;

        /// <summary>Copies the first font of a TrueType collection (header 'ttcf') into a file of its own: offset table, table records, tables.</summary>
        private static byte[] FirstFaceOfCollection(byte[] ttc)
        {
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(12, 4));
            var tableCount = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(offset + 4, 2));
            var headerLength = 12 + 16 * tableCount;
            var tables = Enumerable.Range(0, tableCount).Select(i =>
            {
                var record = ttc.AsSpan(offset + 12 + 16 * i, 16);
                return (Record: record.ToArray(), Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..12]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..16]));
            }).ToList();
            var total = headerLength + tables.Sum(t => (t.Length + 3) & ~3);
            var result = new byte[total];
            ttc.AsSpan(offset, 12).CopyTo(result);
            var position = headerLength;
            for (var i = 0; i < tables.Count; i++)
            {
                var (record, tableOffset, length) = tables[i];
                BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(8, 4), (uint)position);
                record.CopyTo(result, 12 + 16 * i);
                ttc.AsSpan(tableOffset, length).CopyTo(result.AsSpan(position));
                position += (length + 3) & ~3;
            }
            return result;
        }
    }
}
