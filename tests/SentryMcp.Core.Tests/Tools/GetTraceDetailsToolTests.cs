using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetTraceDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private async Task<ToolOutput> CheckoutTraceAsync() =>
        await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId });

    [Fact]
    public async Task Checkout_trace_overview_gives_span_count_projects_and_duration()
    {
        var output = await CheckoutTraceAsync();

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"# Trace `{DemoIds.CheckoutTraceId}` in **acme**", output.Text);
        Assert.Contains("**Total Spans**: 25", output.Text);
        Assert.Contains("web-frontend, api-backend, payments-service", output.Text);
        Assert.Contains("**Duration**: 4,480ms", output.Text);
        Assert.Contains("**Performance Issues**: 1", output.Text);
        Assert.Contains($"/organizations/acme/explore/traces/trace/{DemoIds.CheckoutTraceId}/", output.Text);
    }

    [Fact]
    public async Task Checkout_trace_names_its_errors_with_issue_ids_and_event_ids()
    {
        var output = await CheckoutTraceAsync();

        Assert.Contains("**Errors**: 2", output.Text);
        Assert.Contains("**API-BACKEND-1**: AttributeError: 'NoneType' object has no attribute 'email'", output.Text);
        Assert.Contains("**PAYMENTS-SERVICE-1**: TimeoutException", output.Text);
        Assert.Contains(DemoIds.NoneTypeEventId, output.Text);
        Assert.Contains(DemoIds.PaymentTimeoutEventId, output.Text);
        Assert.Contains("get_issue_details(organizationSlug='acme', issueId='PAYMENTS-SERVICE-1')", output.Text);
    }

    [Fact]
    public async Task Slowest_span_is_the_payment_provider_call()
    {
        var output = await CheckoutTraceAsync();

        var slowest = output.Text.Split("## Slowest Spans (own time)")[1].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Contains("POST https://api.stripe.com/v1/payment_intents", slowest);
        Assert.Contains("3,000ms own", slowest);
    }

    [Fact]
    public async Task Breakdown_counts_spans_by_operation_with_durations()
    {
        var output = await CheckoutTraceAsync();

        Assert.Contains("| db.sql.query | 11 |", output.Text);
        Assert.Contains("| http.client | 4 | 10,286ms | 2,572ms |", output.Text);
    }

    [Fact]
    public async Task Span_tree_collapses_the_n_plus_one_queries_and_says_what_was_left_out()
    {
        var output = await CheckoutTraceAsync();

        Assert.Contains("**7× db.sql.query** SELECT \"catalog_product\"", output.Text);
        Assert.Contains("  - **http.server** GET /api/users/{user_id}/ (api-backend) · 204ms · status internal_error · errors: API-BACKEND-1", output.Text);
        Assert.Matches(@"Showing the \d+ most significant of 25 spans; \d+ shorter spans were left out", output.Text);
    }

    [Fact]
    public async Task A_small_healthy_trace_says_there_are_no_errors_and_shows_every_span()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoData.MobileStartupTraceId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Total Spans**: 5", output.Text);
        Assert.Contains("No errors in this trace.", output.Text);
        Assert.Contains("*All 5 spans shown.*", output.Text);
    }

    [Fact]
    public async Task Unknown_trace_is_an_error_that_says_the_trace_was_not_found()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = "0123456789abcdef0123456789abcdef" });

        Assert.True(output.IsError);
        Assert.Contains("No trace 0123456789abcdef0123456789abcdef was found in organization 'acme'", output.Text);
        Assert.Contains("search_events", output.Text);
    }

    [Theory]
    [InlineData("not-a-trace")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473z")]
    public async Task Invalid_trace_id_is_an_input_error_without_calling_sentry(string traceId)
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("32 hexadecimal characters", output.Text);
    }

    [Fact]
    public async Task Missing_trace_id_is_an_input_error()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("traceId", output.Text);
    }

    [Fact]
    public async Task Overview_returns_structured_data_with_the_slowest_span_and_both_errors()
    {
        var output = await CheckoutTraceAsync();

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(25, data.GetProperty("spanCount").GetInt32());
        Assert.Equal(2, data.GetProperty("errorCount").GetInt32());
        Assert.Equal(DemoIds.StripeCallSpanId, data.GetProperty("slowestSpans")[0].GetProperty("spanId").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("focusedSpan").ValueKind);
        Assert.Contains($"span `{DemoIds.StripeCallSpanId}`", output.Text);
    }

    [Fact]
    public async Task A_span_id_focuses_the_answer_on_that_span_and_its_subtree()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId, spanId = DemoIds.CheckoutTransactionSpanId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Span `{DemoIds.CheckoutTransactionSpanId}` in Trace `{DemoIds.CheckoutTraceId}` in **acme**", output.Text);
        Assert.Contains("**Descendant Spans**: 14", output.Text);
        Assert.Contains("**7× db.sql.query**", output.Text);
        Assert.DoesNotContain("CheckoutPage", output.Text);
        var focused = output.Raw.StructuredContent!.Value.GetProperty("focusedSpan");
        Assert.Equal("POST /api/orders/checkout/", focused.GetProperty("span").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_span_id_that_is_not_in_the_trace_is_an_input_error_that_says_where_to_find_span_ids()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId, spanId = "0123456789abcdef" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains($"Span 0123456789abcdef was not found in trace {DemoIds.CheckoutTraceId}", output.Text);
    }

    [Fact]
    public async Task A_malformed_span_id_is_an_input_error()
    {
        var output = await server.CallAsync("get_trace_details", new { organizationSlug = "acme", traceId = DemoIds.CheckoutTraceId, spanId = "span-1" });

        Assert.True(output.IsError);
        Assert.Contains("16 hexadecimal characters", output.Text);
    }
}
