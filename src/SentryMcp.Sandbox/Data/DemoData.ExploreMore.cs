namespace SentryMcp.Sandbox;

/// <summary>
/// The profiles and trace-metrics datasets of the events endpoint. Profile rows come from the demo
/// profiles, so search_events(dataset='profiles') and get_profile agree; metric rows are what the
/// checkout code emits. Built on first use (under the state's gate), like replays and profiles.
/// </summary>
public sealed partial class DemoData
{
    private ExploreDataset? _profilesExplore;
    private ExploreDataset? _metricsExplore;

    public ExploreDataset ProfilesExplore => _profilesExplore ??= SeedProfilesExplore();

    public ExploreDataset MetricsExplore => _metricsExplore ??= SeedMetricsExplore();

    private ExploreDataset SeedProfilesExplore()
    {
        var s = new ExploreField("string");
        var dataset = new ExploreDataset("profiles", new()
        {
            ["id"] = s, ["profile.id"] = s, ["profiler.id"] = s, ["transaction"] = s, ["trace"] = s, ["release"] = s, ["environment"] = s,
            ["project"] = s, ["project.id"] = new("integer"), ["platform.name"] = s, ["timestamp"] = new("date"),
            ["profile.duration"] = new("duration", "millisecond"), ["transaction.duration"] = new("duration", "millisecond"),
        }, ["transaction"], ["transaction", "release", "environment", "platform.name", "project", "trace"]);
        foreach (var profile in Profiles)
        {
            var row = ExploreRow(profile.ProjectSlug, profile.Start);
            row["id"] = profile.ProfileId;
            row["profile.id"] = profile.ProfileId;
            row["profiler.id"] = null;
            row["transaction"] = profile.Transaction;
            row["trace"] = profile.TraceId;
            row["release"] = profile.Release;
            row["environment"] = "production";
            row["platform.name"] = "python";
            row["profile.duration"] = Math.Round(profile.DurationMs, 1);
            row["transaction.duration"] = Math.Round(profile.DurationMs, 1);
            dataset.Rows.Add((OrganizationSlug, row));
        }
        return dataset;
    }

    private ExploreDataset SeedMetricsExplore()
    {
        var s = new ExploreField("string");
        var dataset = new ExploreDataset("tracemetrics", new()
        {
            ["id"] = s, ["metric.name"] = s, ["metric.type"] = s, ["metric.unit"] = s, ["value"] = new("number"),
            ["trace"] = s, ["project"] = s, ["project.id"] = new("integer"), ["timestamp"] = new("date"),
        }, ["metric.name"], ["metric.name", "metric.type", "metric.unit", "project", "trace"]);
        var n = 0;
        void Add(string project, double hoursAgo, string name, string type, string unit, double value, string? trace = null)
        {
            var row = ExploreRow(project, Now.AddHours(-hoursAgo));
            row["id"] = HexId("e7", ++n);
            row["metric.name"] = name;
            row["metric.type"] = type;
            row["metric.unit"] = unit;
            row["value"] = value;
            row["trace"] = trace ?? HexId("f7", n);
            dataset.Rows.Add((OrganizationSlug, row));
        }
        double[] paymentMs = [412, 388, 3000, 3000, 455, 3000, 401];
        for (var i = 0; i < paymentMs.Length; i++)
        {
            Add("payments-service", 2 + (i * 3), "payment.provider.duration", "distribution", "millisecond", paymentMs[i], i == 0 ? DemoIds.CheckoutTraceId : null);
            Add("api-backend", 2 + (i * 3), "checkout.cart.items", "gauge", "none", 3 + (i % 5), i == 0 ? DemoIds.CheckoutTraceId : null);
        }
        for (var i = 0; i < 5; i++)
        {
            Add("api-backend", 1 + (i * 4), "orders.created", "counter", "none", 1);
        }
        return dataset;
    }
}
