using System.Globalization;
using System.Text;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Imports;

/// <summary>
/// The portfolio sheet universities download, fill in Excel and upload: one asset per row with its listing terms.
/// CSV per RFC 4180, UTF-8 with BOM (without it Excel opens Chinese text as mojibake). Columns are found by header,
/// so their order may change; the header cell may be the Chinese label, the English key, or both as in the template.
/// </summary>
public sealed class PortfolioCsvImporter(TimeProvider clock)
{
    internal sealed record Column(string Key, string Zh, string Example);

    internal static readonly Column[] Columns =
    [
        new("number", "专利号/申请号", "ZL201710601862.3"),
        new("title", "名称", "【示例，请删除本行】一种锂离子电池正极材料的制备方法"),
        new("type", "类型", "发明"),
        new("filing_date", "申请日", "2017-07-21"),
        new("grant_date", "授权公告日", "2020-03-10"),
        new("legal_status", "法律状态", "有效"),
        new("ipc", "IPC分类号", "H01M 4/505; H01M 10/0525"),
        new("patentees", "专利权人", "某某大学"),
        new("inventors", "发明人", "张三; 李四"),
        new("abstract", "摘要", "本发明公开了一种……（可换行、可含逗号）"),
        new("trade_modes", "交易方式", "转让; 普通许可"),
        new("price", "价格（万元，或填“面议”）", "50"),
        new("trl", "成熟度（TRL 1-9）", "6"),
        new("industry", "产业领域", "新能源汽车与智能网联汽车"),
    ];

    private const string ExampleMarker = "【示例";

    private static readonly (string Text, AssetKind Kind)[] TypeNames =
    [
        ("发明", AssetKind.InventionPatent), ("发明专利", AssetKind.InventionPatent),
        ("实用新型", AssetKind.UtilityModel), ("外观设计", AssetKind.Design),
        ("专利申请", AssetKind.PatentApplication), ("科技成果", AssetKind.ResearchResult),
    ];

    private static readonly (string Text, TradeModes Mode)[] TradeModeNames =
    [
        ("转让", TradeModes.Assignment), ("独占许可", TradeModes.ExclusiveLicence), ("排他许可", TradeModes.SoleLicence),
        ("普通许可", TradeModes.OrdinaryLicence), ("作价投资", TradeModes.Equity), ("开放许可", TradeModes.OpenLicence),
    ];

    private static readonly (string Text, Industry Industry)[] IndustryNames =
    [
        ("新能源汽车与智能网联汽车", Industry.NewEnergyVehicles), ("新能源汽车", Industry.NewEnergyVehicles),
        ("生物医药", Industry.Biomedicine), ("新一代信息技术", Industry.NextGenIt), ("未来产业", Industry.FutureIndustries),
    ];

    /// <summary>Header and one example row, UTF-8 with BOM and CRLF line ends as Excel writes them.</summary>
    public static void WriteTemplate(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Columns.Select(c => Rfc4180.Escape($"{c.Zh} {c.Key}"))));
        writer.WriteLine(string.Join(',', Columns.Select(c => Rfc4180.Escape(c.Example))));
    }

    public ImportResult Import(Stream stream, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var collector = new ImportCollector(progress, stream);
        // CNIPA dates are Beijing dates (UTC+8, no daylight saving): "today" is judged there, not in the server's zone.
        var today = ChinaTime.Today(clock.GetUtcNow());
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        Dictionary<string, int>? index = null;
        foreach (var row in Rfc4180.Read(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (index is null)
            {
                index = HeaderIndex(row, collector);
                if (index is null) return collector.Finish();
                continue;
            }
            collector.Row();
            if (row.Unterminated)
            {
                collector.Reject(row.Line, "csv", new("引号未闭合：该行从此处到文件末尾无法读取", "A quote is never closed: the row runs to the end of the file"));
                continue;
            }
            ReadRow(row, index, today, collector);
        }
        if (index is null) collector.Reject(1, "header", new("文件为空：请使用下载的模板", "The file is empty: use the downloaded template"));
        return collector.Finish();
    }

    private static Dictionary<string, int>? HeaderIndex(CsvRow header, ImportCollector c)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var cell = header.Fields[i].Trim().TrimStart('\uFEFF');
            var column = Columns.FirstOrDefault(col =>
                string.Equals(cell, col.Key, StringComparison.OrdinalIgnoreCase) || cell == col.Zh ||
                string.Equals(cell, $"{col.Zh} {col.Key}", StringComparison.OrdinalIgnoreCase));
            if (column is not null) index.TryAdd(column.Key, i);
        }
        var missing = Columns.Where(col => col.Key is "number" or "title" or "type" or "trade_modes" or "price" && !index.ContainsKey(col.Key)).ToList();
        foreach (var col in missing)
        {
            c.Reject(header.Line, col.Key, new($"表头缺少“{col.Zh}”列：请使用下载的模板", $"The header has no '{col.Key}' column: use the downloaded template"));
        }
        return missing.Count == 0 ? index : null;
    }

    private static void ReadRow(CsvRow row, Dictionary<string, int> index, DateOnly today, ImportCollector c)
    {
        string Get(string key) => index.TryGetValue(key, out var i) && i < row.Fields.Count ? row.Fields[i].Trim() : "";
        var line = row.Line;
        var title = Get("title");
        var number = Get("number");
        if (title.StartsWith(ExampleMarker, StringComparison.Ordinal))
        {
            c.Warn(line, "title", new("模板示例行已跳过", "The template's example row was skipped"));
            return;
        }
        if (title.Length == 0) c.Reject(line, "title", new("请填写名称", "The title is missing"), number);

        var typeText = Get("type");
        AssetKind? kind = TypeNames.Where(t => t.Text == typeText).Select(t => (AssetKind?)t.Kind).FirstOrDefault()
            ?? (AssetKinds.TryParseCode(typeText, out var coded) && coded != AssetKind.Demand ? coded : null);
        if (kind is null) c.Reject(line, "type", new($"类型“{typeText}”无法识别：请填 发明、实用新型、外观设计、专利申请 或 科技成果", $"Type '{typeText}' is unknown: use 发明, 实用新型, 外观设计, 专利申请 or 科技成果"), number);
        var isPatent = kind is not AssetKind.ResearchResult;

        var recordId = number;
        if (number.Length == 0)
        {
            if (isPatent) c.Reject(line, "number", new("专利须填写专利号或申请号", "A patent needs its number"));
            // A research result without a number is keyed by its title, so a re-import finds the same record.
            else recordId = "RESULT-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..16];
        }
        else if (ImportFields.TryPatentNumber(number, out var normalised, out var cnType, out var reason))
        {
            recordId = normalised;
            if (cnType is { } t && kind is { } k && k != AssetKind.PatentApplication && isPatent && t.GrantedKind() != k)
            {
                c.Reject(line, "type", new($"类型“{typeText}”与号码中的专利类型（{t.DisplayName()}）不符", $"Type '{typeText}' does not match the type in the number ({t.GrantedKind().Code()})"), number);
            }
        }
        else if (isPatent) c.Reject(line, "number", reason, number);

        var filingOk = ImportFields.TryDate(Get("filing_date"), out var filing, out var filingReason);
        if (!filingOk) c.Reject(line, "filing_date", filingReason, number);
        var grantOk = ImportFields.TryDate(Get("grant_date"), out var grant, out var grantReason);
        if (!grantOk) c.Reject(line, "grant_date", grantReason, number);
        if (isPatent && kind is { } kd && filingOk && grantOk)
        {
            if (filing is null) c.Reject(line, "filing_date", new("专利须填写申请日", "A patent needs its filing date"), number);
            else if (!PatentDates.TryCreate(kd, filing.Value, grant, today, out _, out var dateError))
            {
                c.Reject(line, dateError is PatentDateError.GrantMissing or PatentDateError.GrantNotAfterFiling or PatentDateError.GrantInFuture or PatentDateError.GrantAfterExpiry ? "grant_date" : "filing_date", dateError.Message(), number);
            }
        }

        LegalStatus? status = null;
        var statusText = Get("legal_status");
        if (statusText.Length > 0)
        {
            if (LegalStatuses.TryParse(statusText, out var s)) status = s;
            else c.Reject(line, "legal_status", new($"法律状态“{statusText}”无法识别：请填 有效、审中、终止、无效、年费滞纳期、无效宣告中、保全 或 中止", $"Legal status '{statusText}' is unknown"), number);
        }
        else if (isPatent) c.Reject(line, "legal_status", new("专利须填写法律状态", "A patent needs its legal status"), number);

        var ipcProblems = new List<BilingualText>();
        var ipc = ImportFields.IpcCodes(Get("ipc").Split([';', '；', ',', '，', '|'], StringSplitOptions.RemoveEmptyEntries), ipcProblems);
        foreach (var p in ipcProblems) c.Reject(line, "ipc", p, number);

        var modes = TradeModes.None;
        foreach (var item in ImportFields.SplitList(Get("trade_modes").Replace(',', ';').Replace('，', ';')))
        {
            var mode = TradeModeNames.Where(t => t.Text == item).Select(t => t.Mode).FirstOrDefault();
            if (mode == TradeModes.None && !TradeModeCodes.TryParseCode(item, out mode))
            {
                c.Reject(line, "trade_modes", new($"交易方式“{item}”无法识别：请填 转让、独占许可、排他许可、普通许可、作价投资 或 开放许可", $"Trade mode '{item}' is unknown"), number);
            }
            modes |= mode;
        }
        if (modes == TradeModes.None && Get("trade_modes").Length == 0) c.Reject(line, "trade_modes", new("请至少填写一种交易方式", "At least one trade mode is needed"), number);
        // Patent Law Art. 51: while an open licence is declared, no exclusive or sole licence may be granted.
        if (modes.HasFlag(TradeModes.OpenLicence) && (modes & (TradeModes.ExclusiveLicence | TradeModes.SoleLicence)) != 0)
        {
            c.Reject(line, "trade_modes", new("开放许可期间不得再授予独占或排他许可（专利法第五十一条）", "An open licence excludes exclusive and sole licences (Patent Law Art. 51)"), number);
        }

        var price = ReadPrice(Get("price"), out var priceReason);
        if (priceReason is { } pr) c.Reject(line, "price", pr, number);

        int? trl = null;
        var trlText = Get("trl");
        if (trlText.Length > 0)
        {
            if (int.TryParse(trlText, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 9) trl = t;
            else c.Reject(line, "trl", new($"成熟度应为 1 至 9 的整数，而不是“{trlText}”", $"TRL must be a whole number 1 to 9, not '{trlText}'"), number);
        }

        var industryText = Get("industry");
        var industry = Industry.Unspecified;
        if (industryText.Length > 0)
        {
            industry = IndustryNames.Where(i => i.Text == industryText).Select(i => i.Industry).FirstOrDefault();
            if (industry == Industry.Unspecified) c.Reject(line, "industry", new($"产业领域“{industryText}”无法识别：请填 新能源汽车与智能网联汽车、生物医药、新一代信息技术 或 未来产业", $"Industry '{industryText}' is unknown"), number);
        }

        if (c.IsRejected(line) || kind is null) return;
        c.Accept(line, new ImportRecord
        {
            RecordId = recordId,
            Kind = kind.Value,
            Title = title,
            Abstract = ImportFields.NullIfBlank(Get("abstract")),
            IpcCodes = ipc,
            Applicants = ImportFields.SplitList(Get("patentees")),
            Inventors = ImportFields.SplitList(Get("inventors")),
            FilingDate = filing,
            GrantDate = grant,
            LegalStatus = status,
            SourceLegalStatus = ImportFields.NullIfBlank(statusText),
            Language = "zh",
            Country = recordId.StartsWith("US", StringComparison.Ordinal) ? "US" : "CN",
            DocType = isPatent ? "patent" : "research_result",
            Source = "portfolio upload",
            SourceLicense = "supplied by the listing organisation",
            Terms = new PortfolioTerms(modes, price, trl, industry),
        });
    }

    /// <summary>万元 as users write it ("50", "12.5", "50万元"), or 面议 for a negotiated price (null).</summary>
    private static Money? ReadPrice(string text, out BilingualText? reason)
    {
        reason = null;
        var t = text.Replace("万元", "", StringComparison.Ordinal).Replace("万", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (text.Trim() == "面议") return null;
        if (t.Length == 0)
        {
            reason = new("请填写价格（万元）或“面议”", "State the price in 万元 (10,000 yuan) or 面议");
            return null;
        }
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wan) || wan <= 0 || wan.Scale > 6 || wan > 100_000_000m)
        {
            reason = new($"价格“{text}”无效：请填大于 0 的万元数（最多精确到分），或“面议”", $"Price '{text}' is not valid: a positive amount in 万元 (to the fen at most), or 面议");
            return null;
        }
        return Money.FromWanYuan(wan);
    }
}
