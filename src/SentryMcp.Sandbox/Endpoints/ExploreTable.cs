using System.Globalization;
using System.Text.RegularExpressions;

namespace SentryMcp.Sandbox;

/// <summary>
/// Turns matching rows into the events endpoint's table: plain fields, or aggregates grouped by the
/// plain fields beside them, sorted and cut to a page, with Sentry's <c>meta.fields</c> and <c>meta.units</c>.
/// </summary>
public static partial class ExploreTable
{
    private static readonly HashSet<string> NumericFunctions = ["avg", "sum", "min", "max", "p50", "p75", "p90", "p95", "p99"];

    private sealed record Column(string Name, string? Function, string? Argument, ExploreField Type);

    public static object Build(ExploreDataset dataset, IReadOnlyList<Dictionary<string, object?>> rows, IReadOnlyList<string> fields, string? sort, int limit)
    {
        var columns = fields.Select(f => Resolve(dataset, f)).ToList();
        var aggregate = columns.Any(c => c.Function is not null);
        var table = aggregate ? Aggregate(rows, columns) : [.. rows.Select(r => columns.ToDictionary(c => c.Name, c => r.GetValueOrDefault(c.Name)))];
        if (!string.IsNullOrWhiteSpace(sort))
        {
            var descending = sort.StartsWith('-');
            var key = sort.TrimStart('-');
            if (!fields.Contains(key))
            {
                throw new ExploreQueryException($"Cannot sort by a field that is not selected: '{key}'. Add it to the fields.");
            }
            table = descending
                ? [.. table.OrderByDescending(r => r[key], ValueComparer.Instance)]
                : [.. table.OrderBy(r => r[key], ValueComparer.Instance)];
        }
        return new
        {
            data = table.Take(limit).Select(r => r.ToDictionary(kv => kv.Key, kv => Serialize(kv.Value))),
            meta = new
            {
                fields = columns.ToDictionary(c => c.Name, c => c.Type.Type),
                units = columns.ToDictionary(c => c.Name, c => c.Type.Unit),
                isMetricsData = false,
            },
        };
    }

    /// <summary>One aggregate (<c>count()</c>, <c>p95(span.duration)</c>, …) over some rows, as the events table computes it.</summary>
    public static object? AggregateOf(ExploreDataset dataset, IReadOnlyList<Dictionary<string, object?>> rows, string field)
    {
        var column = Resolve(dataset, field);
        return column.Function is null
            ? throw new ExploreQueryException($"Invalid yAxis: '{field}' is not an aggregate function.")
            : Compute(column, [.. rows]);
    }

    private static Column Resolve(ExploreDataset dataset, string field)
    {
        var function = FunctionPattern().Match(field);
        if (!function.Success)
        {
            return dataset.Fields.TryGetValue(field, out var type)
                ? new Column(field, null, null, type)
                : throw new ExploreQueryException($"Invalid field: '{field}' is not a known field of the {dataset.Name} dataset.");
        }
        var name = function.Groups[1].Value;
        var argument = function.Groups[2].Value.Trim();
        if (argument.Length > 0 && !dataset.Fields.ContainsKey(argument))
        {
            throw new ExploreQueryException($"Invalid field: '{argument}' in '{field}' is not a known field of the {dataset.Name} dataset.");
        }
        return name switch
        {
            "count" => new Column(field, name, null, new ExploreField("integer")),
            "count_unique" when argument.Length > 0 => new Column(field, name, argument, new ExploreField("integer")),
            _ when NumericFunctions.Contains(name) && argument.Length > 0 && dataset.Fields[argument].IsNumeric =>
                new Column(field, name, argument, name == "avg" && dataset.Fields[argument].Type == "integer" ? new ExploreField("number") : dataset.Fields[argument]),
            _ when NumericFunctions.Contains(name) || name == "count_unique" =>
                throw new ExploreQueryException($"Invalid field: {name}() needs a {(name == "count_unique" ? "field" : "numeric field")} argument, got '{argument}'."),
            _ => throw new ExploreQueryException($"Invalid field: unknown function '{name}' in '{field}'."),
        };
    }

    private static List<Dictionary<string, object?>> Aggregate(IReadOnlyList<Dictionary<string, object?>> rows, List<Column> columns)
    {
        var groupBy = columns.Where(c => c.Function is null).ToList();
        return [.. rows
            .GroupBy(r => string.Join('\u001f', groupBy.Select(c => Convert.ToString(r.GetValueOrDefault(c.Name), CultureInfo.InvariantCulture))))
            .Select(g => columns.ToDictionary(c => c.Name, c => c.Function is null ? g.First().GetValueOrDefault(c.Name) : Compute(c, [.. g])))];
    }

    private static object? Compute(Column column, List<Dictionary<string, object?>> rows)
    {
        if (column.Function == "count")
        {
            return (long)rows.Count;
        }
        if (column.Function == "count_unique")
        {
            return (long)rows.Select(r => r.GetValueOrDefault(column.Argument!)).Where(v => v is not null).Distinct().Count();
        }
        var values = rows.Select(r => r.GetValueOrDefault(column.Argument!)).Where(v => v is not null)
            .Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).Order().ToList();
        if (values.Count == 0)
        {
            return null;
        }
        return column.Function switch
        {
            "avg" => values.Average(),
            "sum" => values.Sum(),
            "min" => values[0],
            "max" => values[^1],
            _ => Percentile(values, int.Parse(column.Function![1..], CultureInfo.InvariantCulture) / 100.0),
        };
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    private static object? Serialize(object? value) =>
        value is DateTimeOffset date ? date.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture) : value;

    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            _ => Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture)),
        };
    }

    [GeneratedRegex(@"^([a-z_0-9]+)\((.*)\)$")]
    private static partial Regex FunctionPattern();
}
