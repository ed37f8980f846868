using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>The structured data the trace waterfall and the events chart draw: every span on one time axis, aggregates in time buckets.</summary>
public sealed class DataViewOutputTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private static JsonElement Data(ToolOutput output) => output.Raw.StructuredContent!.Value;

    [Fact]
    public async Task Trace_lists_every_span_with_its_offset_duration_parent_and_error_flag()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId });

        var data = Data(output);
        var spans = data.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(25, spans.Count);
        Assert.False(data.GetProperty("spansTruncated").GetBoolean());
        var root = spans[0];
        Assert.Equal("pageload", root.GetProperty("op").GetString());
        Assert.Equal(0, root.GetProperty("startMs").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("parentSpanId").ValueKind);
        var stripe = spans.Single(s => s.GetProperty("description").GetString() == "POST https://api.stripe.com/v1/payment_intents");
        Assert.Equal(1004, stripe.GetProperty("startMs").GetDouble(), 3);
        Assert.Equal(3000, stripe.GetProperty("durationMs").GetDouble(), 3);
        Assert.True(stripe.GetProperty("hasError").GetBoolean());
        Assert.Equal("payments-service", stripe.GetProperty("project").GetString());
        Assert.Equal(2, spans.Count(s => s.GetProperty("hasError").GetBoolean()));
        // Tree order: every parent comes before its children.
        var seen = new HashSet<string>();
        foreach (var span in spans)
        {
            var parent = span.GetProperty("parentSpanId").GetString();
            Assert.True(parent is null || seen.Contains(parent), $"span {span.GetProperty("spanId")} comes before its parent {parent}");
            seen.Add(span.GetProperty("spanId").GetString()!);
        }
    }

    [Fact]
    public async Task An_ai_conversation_turn_is_served_as_a_trace_with_its_agent_model_and_tool_spans()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = "7a1c0e5b9d3f4a2e8c6b1d0f3e5a7c92" });

        Assert.False(output.IsError, output.Text);
        var spans = Data(output).GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal("http.server", spans[0].GetProperty("op").GetString());
        Assert.Equal("POST /api/support/chat/", spans[0].GetProperty("description").GetString());
        Assert.Contains(spans, s => s.GetProperty("op").GetString() == "gen_ai.invoke_agent");
        Assert.Equal(2, spans.Count(s => s.GetProperty("op").GetString() == "gen_ai.chat"));
        var refund = spans.Single(s => s.GetProperty("description").GetString() == "execute_tool issue_refund");
        Assert.Equal("internal_error", refund.GetProperty("status").GetString());
        Assert.Contains("execute_tool issue_refund", output.Text);
    }

    [Fact]
    public async Task An_aggregate_search_gives_its_count_in_time_buckets_that_add_up_to_the_table()
    {
        var output = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "errors", fields = new[] { "count()" }, period = "14d" });

        Assert.False(output.IsError, output.Text);
        var data = Data(output);
        var total = data.GetProperty("rows")[0].GetProperty("count()").GetDouble();
        var series = data.GetProperty("timeSeries");
        Assert.Equal(3 * 3600, series.GetProperty("intervalSeconds").GetInt32());
        var line = Assert.Single(series.GetProperty("series").EnumerateArray());
        Assert.Equal("count()", line.GetProperty("field").GetString());
        var points = line.GetProperty("points").EnumerateArray().ToList();
        Assert.InRange(points.Count, 112, 114);
        Assert.True(total > 0);
        Assert.Equal(total, points.Sum(p => p.GetProperty("value").GetDouble()));
        Assert.True(points.Zip(points.Skip(1)).All(p => p.Second.GetProperty("timestamp").GetInt64() - p.First.GetProperty("timestamp").GetInt64() == 3 * 3600));
        Assert.Contains("Over time (", output.Text);
        Assert.Contains("buckets of 3h): `count()` peaks at", output.Text);
    }

    [Fact]
    public async Task Several_aggregates_give_one_series_each_and_a_row_search_gives_none()
    {
        var aggregate = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "spans", fields = new[] { "span.op", "count()", "avg(span.duration)" }, period = "24h" });
        var rows = await server.CallAsync("search_events", new { organizationSlug = "acme", dataset = "spans", query = "span.op:db.sql.query" });

        var series = Data(aggregate).GetProperty("timeSeries");
        Assert.Equal(15 * 60, series.GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(["count()", "avg(span.duration)"], series.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("field").GetString()));
        Assert.Equal(JsonValueKind.Null, Data(rows).GetProperty("timeSeries").ValueKind);
    }
}
