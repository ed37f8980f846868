namespace SentryMcp.Sandbox;

public sealed record SandboxUptimeCheck(string Id, DateTimeOffset ScheduledAt, string Status, string? Reason, int? HttpStatusCode, int DurationMs, string TraceId, string Region, string RegionName);

/// <summary>An HTTP uptime monitor (an uptime detector in Sentry) and its recent checks.</summary>
public sealed class SandboxUptimeMonitor
{
    public required string Id { get; init; }
    public required string ProjectId { get; init; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public string Method { get; set; } = "GET";
    public List<string[]> Headers { get; set; } = [];
    public string? Body { get; set; }
    public int IntervalSeconds { get; set; } = 60;
    public int TimeoutMs { get; set; } = 5000;
    public string Status { get; set; } = "active";
    /// <summary>1 = up, 2 = down (Sentry's UptimeStatus).</summary>
    public int UptimeStatus { get; set; } = 1;
    public string? Owner { get; set; }
    public string? Environment { get; set; }
    public bool TraceSampling { get; set; }
    public bool ResponseCaptureEnabled { get; set; } = true;
    public int RecoveryThreshold { get; set; } = 1;
    public int DowntimeThreshold { get; set; } = 3;
    public List<SandboxUptimeCheck> Checks { get; } = [];
}

public sealed partial class MonitoringWorld
{
    public List<SandboxUptimeMonitor> UptimeMonitors { get; } = [];

    private void SeedUptime()
    {
        var api = new SandboxUptimeMonitor
        {
            Id = DemoIds.ApiHealthUptimeId, ProjectId = ProjectId("api-backend"), Name = "API health", Url = "https://api.acme.example/health",
            Headers = [["Accept", "application/json"], ["Authorization", "Bearer demo-uptime-secret"]],
            Environment = "production", Owner = TeamOwner("backend"),
        };
        var lastMinute = new DateTimeOffset(Now.UtcDateTime.Date.AddMinutes(Math.Floor(Now.UtcDateTime.TimeOfDay.TotalMinutes)), TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            // One timeout three hours ago; every other check in the window answered 200.
            var at = i < 15 ? lastMinute.AddMinutes(-i * 12) : lastMinute.AddHours(-3).AddMinutes(15 - i);
            var failed = i == 15;
            api.Checks.Add(new SandboxUptimeCheck($"a5001{i:D3}", at, failed ? "failure" : "success", failed ? "timeout" : null,
                failed ? null : 200, failed ? 5000 : 120 + i * 3, $"5001{i:D28}", "us-east-1", "US East (N. Virginia)"));
        }
        UptimeMonitors.Add(api);

        var checkout = new SandboxUptimeMonitor
        {
            Id = DemoIds.CheckoutUptimeId, ProjectId = ProjectId("web-frontend"), Name = "Checkout page", Url = "https://shop.acme.example/checkout",
            IntervalSeconds = 300, TimeoutMs = 10000, UptimeStatus = 2, Environment = "production", DowntimeThreshold = 2,
        };
        for (var i = 0; i < 12; i++)
        {
            // The last three checks got 502 from the load balancer and opened a downtime incident.
            var at = lastMinute.AddMinutes(-5 * i);
            var failed = i < 3;
            checkout.Checks.Add(new SandboxUptimeCheck($"a5002{i:D3}", at, failed ? (i < 2 ? "failure_incident" : "failure") : "success",
                failed ? "failure" : null, failed ? 502 : 200, failed ? 870 : 340 + i * 7, $"5002{i:D28}", i % 2 == 0 ? "us-east-1" : "eu-west-1",
                i % 2 == 0 ? "US East (N. Virginia)" : "Europe (Ireland)"));
        }
        UptimeMonitors.Add(checkout);
    }
}
