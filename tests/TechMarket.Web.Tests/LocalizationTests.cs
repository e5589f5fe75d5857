using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Every Chinese UI text the code asks the localizer for has an English entry, so a page added without translations fails here.</summary>
public sealed class LocalizationTests
{
    [Fact]
    public void Every_localizer_key_in_the_web_project_has_an_english_entry()
    {
        var scan = LocalizerKeys.ScanWebProject();
        var english = LocalizerKeys.ReadEnglishResx();

        var missing = scan.Keys.Where(k => !english.TryGetValue(k.Key, out var value) || string.IsNullOrWhiteSpace(value)).ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} localizer keys have no English in {LocalizerKeys.ResxPath}:\n"
            + string.Join("\n", missing.Select(m => $"  {m.Key}  <-  {string.Join(", ", m.Value)}"))
            + "\nRun `python3 tools/i18n-keys.py > todo.json`, fill in the English, then `python3 tools/i18n-keys.py --add todo.json`.");
    }

    [Fact]
    public void The_scan_finds_keys_of_every_kind_the_code_uses()
    {
        var keys = LocalizerKeys.ScanWebProject().Keys;

        Assert.Contains("面议", keys.Keys);                   // t["..."] in Labels.cs
        Assert.Contains("作价投资", keys.Keys);               // t[mode switch { ... => "..." }] in Labels.cs
        Assert.Contains("创建机构", keys.Keys);               // @T["..."] in a view
        Assert.Contains("姓名", keys.Keys);                   // [Display(Name = "...")]
        Assert.Contains("高校 / 科研院所", keys.Keys);         // T[label], label from the `types` array in Create.cshtml
        Assert.Contains("评估、银行审查、国家知识产权局质押登记、放款与注销。", keys.Keys); // T[Model.Description], from Areas.cshtml.cs `Known`
        Assert.DoesNotContain("请输入机构名称 / Name is required.", keys.Keys); // bilingual validation text is no key
        Assert.True(keys.Count > 150, $"only {keys.Count} keys found: is the scan still looking at src/TechMarket.Web?");
    }

    [Theory]
    [InlineData("""<h1>@T["页面不存在"]</h1>""", "页面不存在")]
    [InlineData("""@string.Format(CultureInfo.CurrentCulture, T["共 {0} 条"], Model.Total)""", "共 {0} 条")]
    [InlineData("""<h1>@T[notFound ? "页面不存在" : "请求未能完成"]</h1>""", "页面不存在|请求未能完成")]
    [InlineData("""title="@T[Model.IsAdmin ? "管理员" : "成员"]" """, "管理员|成员")]
    [InlineData("""@T["他说\"好\""]""", "他说\"好\"")]
    public void Keys_are_read_from_literals_and_from_every_branch_of_a_ternary(string view, string expected)
    {
        var found = LocalizerKeys.KeysIn(view, companion: null, lowerCaseTIsLocalizer: false);

        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(found.Computed);
    }

    [Fact]
    public void A_computed_key_is_resolved_from_the_chinese_literals_of_its_file_and_code_behind()
    {
        const string View = """
            @{ var types = new[] { ("u", "高校 / 科研院所"), ("c", "企业") }; }
            @foreach (var (v, label) in types) { <option value="@v">@T[label]</option> }
            """;
        const string CodeBehind = """
            public string Title { get; } = "挂牌交易";
            [Required(ErrorMessage = "请输入机构名称 / Name is required.")] public string Name { get; set; } = "";
            """;

        var found = LocalizerKeys.KeysIn(View, CodeBehind, lowerCaseTIsLocalizer: false);

        Assert.Equal(["企业", "挂牌交易", "高校 / 科研院所"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["T[label]"], found.Computed);
    }
}

/// <summary>English pages through HTTP: what is left in Chinese after the switch is only what should be.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteLocalizationTests(SqliteSite site)
{
    /// <summary>
    /// Chinese that stays on an English page on purpose. The language switch reads “中文” in English mode so that a
    /// Chinese reader can find the way back (it carries lang="zh-CN"). Proper names of organisations and data sources
    /// that have no English form belong here too, one by one, when a tested page shows them; UI text never does.
    /// </summary>
    private static readonly string[] StaysChinese = ["中文"];

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/About")]
    [InlineData("/areas/auctions")] // title and description are computed keys (Areas.cshtml.cs `Known`)
    public async Task English_page_has_no_chinese_text_left(string path)
    {
        var client = site.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c=en|uic=en"); // what the language switch sets
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        var main = doc.QuerySelector("main")!;
        Assert.False(string.IsNullOrWhiteSpace(main.TextContent), "the page has a body to check");

        var leftOver = ChineseTexts(doc).Where(t => LocalizerKeys.HasChinese(StaysChinese.Aggregate(t, (s, allowed) => s.Replace(allowed, "", StringComparison.Ordinal)))).ToList();

        Assert.True(leftOver.Count == 0, $"Chinese left on the English {path}:\n  " + string.Join("\n  ", leftOver));
    }

    /// <summary>
    /// The text a reader sees or hears: the title, every text node (the &lt;main&gt; element and the header and footer around it)
    /// and the attributes read aloud or shown. data-val-* messages are left out: they are bilingual by design.
    /// </summary>
    private static IEnumerable<string> ChineseTexts(IDocument doc)
    {
        if (LocalizerKeys.HasChinese(doc.Title ?? "")) yield return $"<title> {doc.Title}";
        var body = doc.Body ?? throw new InvalidOperationException("no <body>");
        foreach (var node in body.Descendants<IText>().Where(n => LocalizerKeys.HasChinese(n.Data)))
        {
            yield return $"<{node.ParentElement?.LocalName}> {node.Data.Trim()}";
        }
        foreach (var element in body.Descendants<IElement>())
        {
            foreach (var name in new[] { "placeholder", "aria-label", "title", "alt" })
            {
                var value = element.GetAttribute(name);
                if (value is not null && LocalizerKeys.HasChinese(value)) yield return $"<{element.LocalName} {name}> {value}";
            }
        }
    }
}

/// <summary>
/// The key scan of tools/i18n-keys.py, in C#: change both together.
/// Keys: T["..."], t["..."] (where an IStringLocalizer is named t), every literal a ternary or switch inside T[...] can yield,
/// [Display(Name = "...")]; for T[expression without literals] every Chinese literal of the file and its code-behind.
/// Bilingual literals ("中文 / English", the validation messages) are not keys.
/// </summary>
internal static partial class LocalizerKeys
{
    private const string StringLiteral = """
        "((?:[^"\\\n]|\\.)*)"
        """;

    public const string ResxPath = "src/TechMarket.Web/Resources/SharedResource.en.resx";

    /// <summary>Keys of one file, and its indexes whose key is computed.</summary>
    public sealed record Found(SortedSet<string> Keys, List<string> Computed);

    /// <summary>Keys of the web project with the files that use them.</summary>
    public sealed record Scan(SortedDictionary<string, List<string>> Keys, List<string> Computed);

    public static bool HasChinese(string text) => Cjk().IsMatch(text);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechMarket.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("TechMarket.sln not found above " + AppContext.BaseDirectory);
    }

    public static Dictionary<string, string> ReadEnglishResx() =>
        XDocument.Load(Path.Combine(RepositoryRoot(), ResxPath)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    public static Scan ScanWebProject()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "TechMarket.Web");
        var all = new Scan(new(StringComparer.Ordinal), []);
        var files = Directory.EnumerateFiles(web, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(web, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            var companionPath = file.EndsWith(".cshtml.cs", StringComparison.Ordinal) ? file[..^3] : file.EndsWith(".cshtml", StringComparison.Ordinal) ? file + ".cs" : null;
            var companion = companionPath is not null && File.Exists(companionPath) ? File.ReadAllText(companionPath, Encoding.UTF8) : null;
            var lowerCaseTIsLocalizer = file.EndsWith(".cs", StringComparison.Ordinal) && LowerCaseTLocalizer().IsMatch(text);
            var found = KeysIn(text, companion, lowerCaseTIsLocalizer);
            var where = Path.GetRelativePath(root, file).Replace('\\', '/');
            foreach (var key in found.Keys)
            {
                if (!all.Keys.TryGetValue(key, out var places)) all.Keys[key] = places = [];
                places.Add(where);
            }
            all.Computed.AddRange(found.Computed.Select(c => $"{where}: {c}"));
        }
        return all;
    }

    public static Found KeysIn(string text, string? companion, bool lowerCaseTIsLocalizer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new Found(new(StringComparer.Ordinal), []);
        void Add(string key) => found.Keys.Add(key);

        foreach (Match m in IndexStart().Matches(text))
        {
            if (m.Groups[1].Value == "t" && !lowerCaseTIsLocalizer) continue;
            var expression = FirstArgument(IndexExpression(text, m.Index + m.Length));
            var leading = LeadingLiteral().Match(expression);
            if (leading.Success)
            {
                Add(Unescape(leading.Groups[1].Value));
                continue;
            }
            var results = ResultLiteral().Matches(expression);
            foreach (Match r in results) Add(Unescape(r.Groups[1].Value));
            if (results.Count > 0) continue;
            found.Computed.Add($"{m.Groups[1].Value}[{expression.Trim()}]");
            foreach (var source in new[] { text, companion }.OfType<string>())
            {
                foreach (Match literal in AnyLiteral().Matches(source))
                {
                    var value = Unescape(literal.Groups[1].Value);
                    if (HasChinese(value) && !IsBilingual(value)) Add(value);
                }
            }
        }
        foreach (Match m in DisplayName().Matches(text)) Add(Unescape(m.Groups[1].Value));
        return found;
    }

    /// <summary>"请输入邮箱 / E-mail is required.": the English is already there.</summary>
    private static bool IsBilingual(string text)
    {
        var last = text[(text.LastIndexOf('/') + 1)..];
        return text.Contains('/', StringComparison.Ordinal) && HasChinese(text) && !HasChinese(last) && last.Any(char.IsAsciiLetter);
    }

    private static string Unescape(string literal) => EscapedQuoteOrBackslash().Replace(literal, "$1");

    /// <summary>Text between T[ and its matching ], skipping brackets inside string literals.</summary>
    private static string IndexExpression(string text, int start)
    {
        var (depth, i) = (1, start);
        while (i < text.Length && depth > 0)
        {
            if (text[i] == '"')
            {
                var literal = Literal().Match(text, i);
                i = literal.Success && literal.Index == i ? i + literal.Length : i + 1;
                continue;
            }
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            i++;
        }
        return text[start..Math.Max(start, i - 1)];
    }

    /// <summary>T["{0} 条", count]: the key is the first argument.</summary>
    private static string FirstArgument(string expression)
    {
        var (depth, i) = (0, 0);
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '"')
            {
                var literal = Literal().Match(expression, i);
                i = literal.Success && literal.Index == i ? i + literal.Length : i + 1;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == ',' && depth == 0) return expression[..i];
            i++;
        }
        return expression;
    }

    [GeneratedRegex(@"(?<![\w.])([Tt])\[")]
    private static partial Regex IndexStart();

    [GeneratedRegex(StringLiteral)]
    private static partial Regex Literal();

    [GeneratedRegex(@"^\s*" + StringLiteral + @"\s*$")]
    private static partial Regex LeadingLiteral();

    [GeneratedRegex(@"(?:\?|:|=>)\s*" + StringLiteral)]
    private static partial Regex ResultLiteral();

    [GeneratedRegex(@"\[Display\(\s*Name\s*=\s*" + StringLiteral)]
    private static partial Regex DisplayName();

    [GeneratedRegex(@"(?<![\w$])@?" + StringLiteral)]
    private static partial Regex AnyLiteral();

    [GeneratedRegex(@"IStringLocalizer(?:<[^>]*>)?\s+t\b")]
    private static partial Regex LowerCaseTLocalizer();

    [GeneratedRegex(@"\\([""\\])")]
    private static partial Regex EscapedQuoteOrBackslash();

    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff]")]
    private static partial Regex Cjk();
}
