using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>
/// An issue's <c>stats</c> as Sentry's issue lists return them: <c>{"24h": [[unixSeconds, count], …]}</c>,
/// 24 hourly buckets ending with the current hour. The demo issue's events are spread evenly over
/// the hours between its first and last sighting, so the sparkline matches its counts.
/// </summary>
public static class IssueStats
{
    private const int Buckets = 24;

    /// <summary>An issue list entry: the issue's JSON with its <c>stats</c>, as the issue stream has them.</summary>
    public static JsonObject WithStats(object issueJson, DemoData data, SandboxIssue issue)
    {
        var node = JsonSerializer.SerializeToNode(issueJson)!.AsObject();
        node["stats"] = JsonSerializer.SerializeToNode(Last24Hours(data, issue));
        return node;
    }

    public static Dictionary<string, long[][]> Last24Hours(DemoData data, SandboxIssue issue)
    {
        var end = data.Now.ToUnixTimeSeconds() / 3600 * 3600;
        var start = end - (Buckets - 1) * 3600;
        var first = issue.FirstSeen.ToUnixTimeSeconds() / 3600 * 3600;
        var last = issue.LastSeen.ToUnixTimeSeconds() / 3600 * 3600;
        // Hours the issue was active within the window; none when it was last seen before it began.
        var hours = Enumerable.Range(0, Buckets).Select(i => start + i * 3600L).Where(h => h >= first && h <= last).ToList();
        var hoursSinceFirst = Math.Max(1, (last - first) / 3600 + 1);
        var inWindow = hours.Count == 0 ? 0 : issue.Count * hours.Count / hoursSinceFirst;
        var series = new long[Buckets][];
        for (var i = 0; i < Buckets; i++)
        {
            var hour = start + i * 3600L;
            var index = hours.IndexOf(hour);
            var share = index < 0 ? 0 : inWindow / hours.Count + (index == hours.Count - 1 ? inWindow % hours.Count : 0);
            series[i] = [hour, share];
        }
        return new Dictionary<string, long[][]> { ["24h"] = series };
    }
}
