using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class SearchEventsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Error_events_matching_a_level_filter_show_titles_issues_and_links()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", query = "level:error", dataset = "errors", limit = 50 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Query**: `level:error`", output.Text);
        Assert.Contains("AttributeError: 'NoneType' object has no attribute 'email'", output.Text);
        Assert.Contains(DemoIds.NoneTypeShortId, output.Text);
        Assert.Contains("app/views/users.py in get_profile", output.Text);
        Assert.Contains($"/organizations/acme/issues/{DemoIds.NoneTypeShortId}/", output.Text);
        Assert.Contains("explore/discover/homepage/?dataset=errors", output.Text);
        Assert.DoesNotContain("Network request failed", output.Text);
        Assert.DoesNotContain("Payment provider did not answer", output.Text);
        Assert.Contains("# Using this information", output.Text);
    }

    [Fact]
    public async Task Negated_filters_and_free_text_narrow_error_events()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", query = "!level:error !level:warning payment", limit = 20 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains(DemoIds.PaymentTimeoutShortId, output.Text);
        Assert.Contains(DemoIds.PaymentTimeoutEventId[..8], (await server.CallAsync("search_events",
            new { organizationSlug = "acme", query = $"issue:{DemoIds.PaymentTimeoutShortId}", fields = new[] { "id", "issue" } })).Text);
        Assert.DoesNotContain(DemoIds.NoneTypeShortId, output.Text);
    }

    [Fact]
    public async Task Slow_database_spans_are_listed_slowest_first_with_durations()
    {
        var output = await server.CallAsync("search_events", new
        {
            organizationSlug = "acme", dataset = "spans", query = "span.op:db span.duration:>40", sort = "-span.duration",
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("db · INSERT INTO orders (user_id, total) VALUES (%s, %s)", output.Text);
        Assert.Contains("48 ms", output.Text);
        Assert.DoesNotContain("SELECT * FROM users WHERE id = %s", output.Text);
        Assert.True(output.Text.IndexOf("150 ms", StringComparison.Ordinal) < output.Text.IndexOf("48 ms", StringComparison.Ordinal), output.Text);
        Assert.Contains("explore/traces/?query=", output.Text);
    }

    [Fact]
    public async Task Spans_of_the_checkout_trace_link_to_the_trace()
    {
        var output = await server.CallAsync("search_events", new
        {
            organizationSlug = "acme", dataset = "spans", query = $"trace:{DemoIds.CheckoutTraceId} is_transaction:true", limit = 20,
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("pageload · /checkout", output.Text);
        Assert.Contains("http.server · POST /charge", output.Text);
        Assert.Contains($"explore/traces/trace/{DemoIds.CheckoutTraceId}/", output.Text);
        Assert.DoesNotContain("db ·", output.Text);
    }

    [Fact]
    public async Task Error_logs_are_shown_with_their_severity()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "logs", query = "severity:error", period = "24h", limit = 50 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("[ERROR] Payment provider did not answer within 30 seconds", output.Text);
        Assert.DoesNotContain("[INFO]", output.Text);
        Assert.DoesNotContain("Network request failed after 3 retries", output.Text);
        Assert.Contains("explore/logs/?logsQuery=severity%3Aerror", output.Text);
    }

    [Fact]
    public async Task Rows_outside_the_period_are_excluded()
    {
        var day = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "logs", query = "\"Nightly settlement\"", period = "24h" });
        var week = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "logs", query = "\"Nightly settlement\"", period = "7d" });
        var quarter = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "logs", query = "\"Nightly settlement\"", period = "90d" });

        Assert.Contains("No events found", day.Text);
        Assert.Contains("318 charges", week.Text);
        Assert.DoesNotContain("295 charges", week.Text);
        Assert.Contains("295 charges", quarter.Text);
    }

    [Fact]
    public async Task Counting_errors_per_issue_gives_a_sorted_table()
    {
        var output = await server.CallAsync("search_events", new
        {
            organizationSlug = "acme", dataset = "errors", fields = new[] { "issue", "count()" }, sort = "-count()", period = "90d",
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("grouped by `issue`", output.Text);
        Assert.Contains("| issue | count() |", output.Text);
        Assert.Contains($"| {DemoIds.NoneTypeShortId} | 8 |", output.Text);
        Assert.Contains($"| {DemoIds.NetworkShortId} | 4 |", output.Text);
        Assert.True(output.Text.IndexOf(DemoIds.NoneTypeShortId, StringComparison.Ordinal) < output.Text.IndexOf(DemoIds.NetworkShortId, StringComparison.Ordinal));
        Assert.Contains("mode=aggregate", output.Text);
    }

    [Fact]
    public async Task Span_duration_aggregates_are_grouped_by_operation()
    {
        var output = await server.CallAsync("search_events", new
        {
            organizationSlug = "acme", dataset = "spans", query = $"trace:{DemoIds.CheckoutTraceId}",
            fields = new[] { "span.op", "count()", "avg(span.duration)", "max(span.duration)", "p95(span.duration)", "sum(span.duration)" },
            sort = "-count()",
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("| span.op | count() | avg(span.duration) | max(span.duration) | p95(span.duration) | sum(span.duration) |", output.Text);
        Assert.Contains("| db | 3 | 27.33 ms | 48 ms | 45.4 ms | 82 ms |", output.Text);
        Assert.Contains("| http.server | 2 | 1805 ms | 1890 ms |", output.Text);
    }

    [Fact]
    public async Task Unique_users_and_project_filter_work_together()
    {
        var output = await server.CallAsync("search_events", new
        {
            organizationSlug = "acme", projectSlug = "mobile-app", fields = new[] { "count()", "count_unique(user)" }, period = "90d",
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("project:mobile-app", output.Text);
        Assert.Contains("| 4 | 4 |", output.Text);
    }

    [Fact]
    public async Task A_query_matching_nothing_says_no_events_found()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", query = "level:debug" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No events found for `level:debug`", output.Text);
    }

    [Fact]
    public async Task An_unknown_field_returns_sentrys_detail_as_an_error()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "spans", fields = new[] { "span.nonsense", "count()" } });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 400", output.Text);
        Assert.Contains("'span.nonsense' is not a known field of the spans dataset", output.Text);
    }

    [Fact]
    public async Task A_numeric_comparison_on_a_text_field_is_rejected_by_sentry()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "logs", query = "severity:>3" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 400", output.Text);
        Assert.Contains("cannot be compared", output.Text);
    }

    [Fact]
    public async Task An_unknown_organization_is_a_404_with_a_hint()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "no-such-org", query = "level:error" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_organizations", output.Text);
    }

    [Theory]
    [InlineData("dataset", "metrics-of-doom", "Unknown dataset")]
    [InlineData("limit", 500, "limit must be between 1 and 100")]
    [InlineData("period", "yesterday", "Invalid period")]
    public async Task Bad_arguments_say_what_to_fix(string name, object value, string expected)
    {
        var args = new Dictionary<string, object?> { ["organizationSlug"] = "acme", [name] = value };

        var output = await server.CallAsync("search_events", args);

        Assert.True(output.IsError);
        Assert.Contains(expected, output.Text);
    }

    [Fact]
    public async Task Natural_language_without_a_model_is_used_as_search_text_and_says_so()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", query = "database is locked" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No language model is configured", output.Text);
        Assert.Contains(DemoIds.DbLockedShortId, output.Text);
    }

    [Fact]
    public async Task Replays_with_errors_are_listed_with_their_users_counts_and_links()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "replays", query = "count_errors:>0", sort = "-count_errors", environment = new[] { "production" } });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Dataset**: replays", output.Text);
        Assert.Contains("**Environment**: production", output.Text);
        Assert.Contains($"## {DemoIds.CheckoutReplayId}", output.Text);
        Assert.Contains("**User**: Maria Garcia", output.Text);
        Assert.Contains("**Summary**: 2 errors · 1 rage clicks · 0 dead clicks", output.Text);
        Assert.DoesNotContain(DemoData.BrowseReplayId, output.Text);
        Assert.Contains("get_replay_details(organizationSlug='acme', replayId='<id>')", output.Text);
        var rows = output.Raw.StructuredContent!.Value.GetProperty("rows");
        Assert.Equal(DemoIds.CheckoutReplayId, rows[0].GetProperty("id").GetString());
        var request = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/replays/");
        Assert.Contains("environment=production", request.Query);
    }

    [Fact]
    public async Task Replays_default_to_the_newest_first_and_an_unknown_environment_finds_none()
    {
        var all = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "replays" });
        var none = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "replays", environment = "staging" });

        Assert.False(all.IsError, all.Text);
        Assert.Contains("**Sort**: `-started_at`", all.Text);
        Assert.True(all.Text.IndexOf(DemoIds.CheckoutReplayId, StringComparison.Ordinal) < all.Text.IndexOf(DemoData.BrowseReplayId, StringComparison.Ordinal));
        Assert.Contains("No replays found", none.Text);
    }

    [Fact]
    public async Task An_unknown_replay_sort_is_an_input_error_that_names_valid_ones()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "replays", sort = "-count()" });

        Assert.True(output.IsError);
        Assert.Contains("Invalid replay sort '-count()'", output.Text);
        Assert.Contains("-count_errors", output.Text);
    }

    [Fact]
    public async Task An_environment_that_is_not_a_string_or_a_list_of_strings_is_an_input_error()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "replays", environment = new object[] { 42 } });

        Assert.True(output.IsError);
        Assert.Contains("environment must be a string", output.Text);
    }

    [Fact]
    public async Task Environment_on_an_event_dataset_says_to_put_it_in_the_query()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "errors", environment = new[] { "production" } });

        Assert.True(output.IsError);
        Assert.Contains("query='environment:production'", output.Text);
    }

    [Fact]
    public async Task Profiles_are_listed_with_their_ids_and_durations()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "profiles", query = $"transaction:\"{DemoData.CheckoutTransaction}\" release:api-backend@1.18.0", limit = 20 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"{DemoData.CheckoutTransaction} · {DemoIds.CheckoutProfileId}", output.Text);
        Assert.Contains("Found 6 events", output.Text);
        Assert.Contains("get_profile_details(organizationSlug, projectSlugOrId, profileId)", output.Text);
        var request = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/events/");
        Assert.Contains("dataset=profiles", request.Query);
    }

    [Fact]
    public async Task Metrics_are_searched_in_sentrys_tracemetrics_dataset_and_aggregate()
    {
        var output = await server.CallAsync("search_events", new
        {
            organizationSlug = "acme", dataset = "metrics", query = "metric.name:payment.provider.duration", fields = new[] { "metric.name", "count()", "max(value)" }, sort = "-count()",
        });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("| payment.provider.duration | 7 | 3000 |", output.Text);
        var request = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/events/");
        Assert.Contains("dataset=tracemetrics", request.Query);
        Assert.Equal("metrics", output.Raw.StructuredContent!.Value.GetProperty("dataset").GetString());
    }
}
