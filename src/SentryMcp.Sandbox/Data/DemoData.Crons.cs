namespace SentryMcp.Sandbox;

/// <summary>One run; <see cref="Duration"/> in milliseconds, as Sentry reports it.</summary>
public sealed record SandboxCheckIn(string Id, string Environment, string Status, double? Duration, DateTimeOffset ExpectedTime, DateTimeOffset DateCreated);

/// <summary>A cron monitor: schedule, owner and its check-in history across environments.</summary>
public sealed class SandboxCronMonitor
{
    public required string Id { get; init; }
    public required string Guid { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string ProjectId { get; init; }
    public string Status { get; init; } = "active";
    public bool IsMuted { get; init; }
    public string? Owner { get; init; }
    /// <summary><c>["crontab", "0 2 * * *"]</c> or <c>[30, "minute"]</c>, as Sentry stores it.</summary>
    public required object[] Schedule { get; init; }
    public required string ScheduleType { get; init; }
    public int CheckInMargin { get; init; } = 5;
    public int MaxRuntime { get; init; } = 30;
    public required TimeSpan Every { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public List<SandboxCheckIn> CheckIns { get; } = [];
}

public sealed partial class MonitoringWorld
{
    public List<SandboxCronMonitor> CronMonitors { get; } = [];

    private void SeedCrons()
    {
        // Nightly at 02:00: production mostly fine with one failed run and one missed run; staging stopped checking in.
        var nightly = Cron("601", "nightly-import", "Nightly Import", "api-backend", ["crontab", "0 2 * * *"], "crontab", TimeSpan.FromDays(1), TeamOwner("backend"));
        var lastNight = new DateTimeOffset(Now.UtcDateTime.Date.AddHours(2), TimeSpan.Zero);
        // Whole runs only: a run that would still be going now is left to yesterday.
        lastNight = lastNight.AddMinutes(10) > Now ? lastNight.AddDays(-1) : lastNight;
        string[] nightlyRuns = ["ok", "ok", "error", "ok", "missed", "ok", "ok"];
        for (var day = 0; day < nightlyRuns.Length; day++)
        {
            var expected = lastNight.AddDays(-day);
            var status = nightlyRuns[day];
            nightly.CheckIns.Add(new SandboxCheckIn($"6a1b2c3d-0000-4000-8000-0000000006{day:D2}", "production", status,
                status switch { "missed" => null, "error" => 4700, _ => 12500 + day * 100 }, expected, expected.AddSeconds(status == "missed" ? 300 : 13)));
        }
        for (var day = 2; day < 5; day++)
        {
            var expected = lastNight.AddDays(-day);
            nightly.CheckIns.Add(new SandboxCheckIn($"6a1b2c3d-0000-4000-8000-0000000016{day:D2}", "staging", "missed", null, expected, expected.AddMinutes(5)));
        }

        // Every 30 minutes: the payment provider sync timed out and then failed in the last hour.
        var billing = Cron("602", "billing-sync", "Billing Sync", "payments-service", [30, "minute"], "interval", TimeSpan.FromMinutes(30), TeamOwner("backend"));
        var lastHalfHour = new DateTimeOffset(Now.UtcDateTime.Date.AddMinutes(Math.Floor(Now.UtcDateTime.TimeOfDay.TotalMinutes / 30) * 30), TimeSpan.Zero);
        lastHalfHour = lastHalfHour.AddMinutes(1) > Now ? lastHalfHour.AddMinutes(-30) : lastHalfHour;
        for (var run = 0; run < 12; run++)
        {
            var expected = lastHalfHour.AddMinutes(-30 * run);
            var status = run switch { 0 => "error", 1 => "timeout", _ => "ok" };
            billing.CheckIns.Add(new SandboxCheckIn($"6b1b2c3d-0000-4000-8000-0000000006{run:D2}", "production", status,
                status == "timeout" ? 1_800_000 : status == "error" ? 2100 : 41000 + run * 250, expected, expected.AddSeconds(status == "timeout" ? 1800 : 45)));
        }

        // Every 15 minutes, muted while the CDN migration runs; all recent runs fine.
        var warmup = Cron("603", "cache-warmup", "Cache Warmup", "web-frontend", ["crontab", "*/15 * * * *"], "crontab", TimeSpan.FromMinutes(15), "user:" + DemoData.UserId, muted: true);
        var lastQuarter = new DateTimeOffset(Now.UtcDateTime.Date.AddMinutes(Math.Floor(Now.UtcDateTime.TimeOfDay.TotalMinutes / 15) * 15), TimeSpan.Zero);
        lastQuarter = lastQuarter.AddMinutes(1) > Now ? lastQuarter.AddMinutes(-15) : lastQuarter;
        for (var run = 0; run < 8; run++)
        {
            var expected = lastQuarter.AddMinutes(-15 * run);
            warmup.CheckIns.Add(new SandboxCheckIn($"6c1b2c3d-0000-4000-8000-0000000006{run:D2}", "production", "ok", 3200, expected, expected.AddSeconds(4)));
        }
    }

    private SandboxCronMonitor Cron(string id, string slug, string name, string project, object[] schedule, string type, TimeSpan every, string? owner, bool muted = false)
    {
        var monitor = new SandboxCronMonitor
        {
            Id = id, Guid = $"{id}00c2a-7e51-4f7b-9d3e-5a8c1b2d3e4f", Slug = slug, Name = name, ProjectId = ProjectId(project),
            Schedule = schedule, ScheduleType = type, Every = every, Owner = owner, IsMuted = muted, DateCreated = Now.AddDays(-100),
        };
        CronMonitors.Add(monitor);
        return monitor;
    }
}
