using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>Rejected request: becomes Sentry's 400 <c>{"detail": …}</c>.</summary>
public sealed class ExploreQueryException(string detail) : Exception(detail);

/// <summary>
/// A subset of Sentry's search syntax over one Explore dataset: <c>key:value</c>, <c>!key:value</c>,
/// <c>key:&gt;N</c>/<c>&lt;N</c> (also <c>&gt;=</c>, <c>&lt;=</c>), <c>key:[a,b]</c>, <c>*</c> wildcards, <c>has:key</c>,
/// quoted values, free text against the dataset's text fields, implicit AND and top-level OR.
/// </summary>
public sealed partial class ExploreSearch
{
    private readonly ExploreDataset _dataset;
    private readonly List<List<Func<Dictionary<string, object?>, bool>>> _alternatives = [[]];

    public ExploreSearch(ExploreDataset dataset, string? query)
    {
        _dataset = dataset;
        foreach (var token in Tokenize(query ?? string.Empty))
        {
            if (token == "OR")
            {
                _alternatives.Add([]);
            }
            else if (token != "AND")
            {
                _alternatives[^1].Add(Parse(token));
            }
        }
        if (_alternatives.Any(a => a.Count == 0) && _alternatives.Count > 1)
        {
            throw new ExploreQueryException("Invalid query: OR must be placed between two search terms.");
        }
    }

    public bool Matches(Dictionary<string, object?> row) => _alternatives.Any(all => all.All(f => f(row)));

    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in query)
        {
            if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else if (c is '(' or ')' && !quoted)
            {
                throw new ExploreQueryException("Invalid query: parenthesized groups are not supported here; use implicit AND or top-level OR.");
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new ExploreQueryException("Invalid query: a quoted value is missing its closing quote.");
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private Func<Dictionary<string, object?>, bool> Parse(string token)
    {
        var match = FilterPattern().Match(token);
        if (!match.Success)
        {
            var text = Unquote(token);
            return row => _dataset.TextFields.Any(f => row.GetValueOrDefault(f) is string value && Like(value, text, contains: true));
        }
        var negated = match.Groups["not"].Success;
        var key = match.Groups["key"].Value;
        var raw = match.Groups["value"].Value;
        if (raw.Length == 0)
        {
            throw new ExploreQueryException($"Invalid query: the filter '{token}' has no value.");
        }
        Func<Dictionary<string, object?>, bool> filter;
        if (key == "has")
        {
            var field = Unquote(raw);
            filter = row => row.GetValueOrDefault(field) is not (null or "");
        }
        else if (!_dataset.Fields.TryGetValue(key, out var type))
        {
            // Sentry treats an unknown key as a tag the rows do not carry.
            filter = _ => false;
        }
        else if (Regex.Match(raw, "^(>=|<=|>|<)(.+)$") is { Success: true } comparison)
        {
            filter = Compare(key, type, comparison.Groups[1].Value, comparison.Groups[2].Value);
        }
        else if (raw.StartsWith('[') && raw.EndsWith(']'))
        {
            var values = raw[1..^1].Split(',').Select(v => Unquote(v.Trim())).ToList();
            filter = row => values.Any(v => Equal(row.GetValueOrDefault(key), v, type));
        }
        else
        {
            var value = Unquote(raw);
            filter = row => Equal(row.GetValueOrDefault(key), value, type);
        }
        return negated ? row => !filter(row) : filter;
    }

    private static Func<Dictionary<string, object?>, bool> Compare(string key, ExploreField type, string op, string text)
    {
        IComparable bound;
        if (type.IsNumeric)
        {
            bound = ParseNumber(key, text, type);
        }
        else if (type.Type == "date" && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            bound = date;
        }
        else
        {
            throw new ExploreQueryException($"Invalid search query: '{key}' is a {type.Type} field and cannot be compared with '{op}'.");
        }
        return row =>
        {
            if (row.GetValueOrDefault(key) is not { } value)
            {
                return false;
            }
            var order = value is DateTimeOffset d ? ((IComparable)d).CompareTo(bound) : Convert.ToDouble(value, CultureInfo.InvariantCulture).CompareTo(bound);
            return op switch { ">" => order > 0, ">=" => order >= 0, "<" => order < 0, _ => order <= 0 };
        };
    }

    private static double ParseNumber(string key, string text, ExploreField type)
    {
        var scale = 1.0;
        if (type.Type == "duration")
        {
            (text, scale) = text switch
            {
                _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 1.0),
                _ when text.EndsWith('s') => (text[..^1], 1000.0),
                _ when text.EndsWith('m') => (text[..^1], 60000.0),
                _ => (text, 1.0),
            };
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new ExploreQueryException($"Invalid search query: '{text}' is not a valid number for '{key}'.");
        }
        return number * scale;
    }

    private static bool Equal(object? actual, string expected, ExploreField type) => actual switch
    {
        null => expected.Length == 0,
        bool b => bool.TryParse(expected, out var e) ? b == e : expected == (b ? "1" : "0"),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture).StartsWith(expected, StringComparison.Ordinal),
        string s => Like(s, expected, contains: false),
        _ when type.IsNumeric => double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && Convert.ToDouble(actual, CultureInfo.InvariantCulture) == e,
        _ => Convert.ToString(actual, CultureInfo.InvariantCulture) == expected,
    };

    private static bool Like(string value, string pattern, bool contains)
    {
        if (!pattern.Contains('*'))
        {
            return contains ? value.Contains(pattern, StringComparison.OrdinalIgnoreCase) : string.Equals(value, pattern, StringComparison.OrdinalIgnoreCase);
        }
        var regex = string.Join(".*", pattern.Split('*').Select(Regex.Escape));
        return Regex.IsMatch(value, contains ? regex : $"^{regex}$", RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    [GeneratedRegex(@"^(?<not>!)?(?<key>[A-Za-z_][\w.\-\[\]]*):(?<value>.*)$")]
    private static partial Regex FilterPattern();
}
