namespace TechMarket.Search;

/// <summary>
/// The shared synonyms file (search-config/synonyms.txt) in Solr format, the same file Elasticsearch's
/// synonym_graph filter reads: one rule a line, "a, b, c" for equivalents, "a, b => c" for one-way
/// replacements, # for comments.
/// </summary>
public sealed class SynonymRules
{
    public const string DefaultFileName = "synonyms.txt";

    private readonly List<(string[] From, string[] To)> rules;

    private SynonymRules(List<(string[] From, string[] To)> rules) => this.rules = rules;

    public static SynonymRules None { get; } = new([]);

    public int Count => rules.Count;

    /// <summary>The raw rule lines, for engines that take the Solr format as is (Elasticsearch).</summary>
    public IReadOnlyList<string> Lines { get; private init; } = [];

    public static SynonymRules Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllLines(path));
    }

    public static SynonymRules Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rules = new List<(string[], string[])>();
        var kept = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            kept.Add(line);
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                rules.Add((Split(line[..arrow]), Split(line[(arrow + 2)..])));
            }
            else
            {
                var group = Split(line);
                rules.Add((group, group));
            }
        }
        return new SynonymRules(rules) { Lines = kept };
    }

    /// <summary>
    /// Alternatives for every rule term that occurs in <paramref name="text"/>. Chinese is not space-separated,
    /// so terms are found as substrings (case-insensitive), not as whole words.
    /// </summary>
    public IReadOnlyList<string> AlternativesIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        foreach (var (from, to) in rules)
        {
            if (!from.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase))) continue;
            foreach (var alternative in to)
            {
                if (!text.Contains(alternative, StringComparison.OrdinalIgnoreCase) && !found.Contains(alternative, StringComparer.OrdinalIgnoreCase))
                {
                    found.Add(alternative);
                }
            }
        }
        return found;
    }

    private static string[] Split(string part) =>
        [.. part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Length > 0)];
}
