using System.Text;
using System.Text.RegularExpressions;

namespace SentryMcp.Core.Search;

/// <summary>Tells Sentry search syntax from natural language, so that ready-made queries skip the LLM.</summary>
public static partial class SentrySearchSyntax
{
    /// <summary>
    /// The rule: input counts as Sentry syntax when it is empty, or when every whitespace-separated
    /// term (quoted phrases kept whole) is a filter (<c>key:value</c>, <c>!key:value</c>, <c>key:&gt;N</c>,
    /// <c>has:key</c>; keys are lower-case letters, digits, <c>_ . - [ ]</c>), a quoted phrase, or
    /// <c>AND</c>/<c>OR</c>/parentheses, and at least one term is a filter. Anything else (plain words,
    /// questions, words mixed with filters such as "errors with level:error today") is natural language.
    /// </summary>
    public static bool LooksLikeSentrySyntax(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }
        var sawFilter = false;
        foreach (var raw in Terms(input))
        {
            var term = raw.Trim('(', ')');
            if (term.Length == 0 || term is "AND" or "OR" || (term.Length >= 2 && term[0] == '"' && term[^1] == '"'))
            {
                continue;
            }
            if (!Filter().IsMatch(term))
            {
                return false;
            }
            sawFilter = true;
        }
        return sawFilter;
    }

    private static IEnumerable<string> Terms(string input)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in input)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    [GeneratedRegex(@"^!?[a-z_][a-z0-9_.\-\[\]]*(\([a-z0-9_.]*\))?:(""[^""]*""|\S+)$")]
    private static partial Regex Filter();
}
