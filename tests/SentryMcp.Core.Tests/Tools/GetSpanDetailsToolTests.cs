using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetSpanDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private Task<ToolOutput> SpanAsync(string spanId, string traceId = DemoIds.CheckoutTraceId, string org = "acme") =>
        server.CallAsync("get_span_details", new { organizationSlug = org, traceId, spanId });

    [Fact]
    public async Task The_timed_out_payment_call_shows_its_timing_status_error_and_attributes()
    {
        var output = await SpanAsync(DemoIds.StripeCallSpanId);

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Span `{DemoIds.StripeCallSpanId}` in Trace `{DemoIds.CheckoutTraceId}` in **acme**", output.Text);
        Assert.Contains("**Project**: payments-service", output.Text);
        Assert.Contains("**Operation**: http.client", output.Text);
        Assert.Contains("**Description**: POST https://api.stripe.com/v1/payment_intents", output.Text);
        Assert.Contains("**Duration**: 3,000ms", output.Text);
        Assert.Contains("**Status**: deadline_exceeded", output.Text);
        Assert.Contains("**Parent Span ID**: d9e8f7a6b5c4d3e2", output.Text);
        Assert.Contains("**PAYMENTS-SERVICE-1**: TimeoutException: Payment provider did not answer within 3000 ms", output.Text);
        Assert.Contains("- `http.request.timeout_ms`: 3000", output.Text);
        Assert.Contains("- `server.address`: api.stripe.com", output.Text);
        Assert.Contains("This span has no child spans.", output.Text);
        Assert.Contains($"?node=span-{DemoIds.StripeCallSpanId}", output.Text);
        Assert.Contains("get_span_details(organizationSlug='acme', traceId='" + DemoIds.CheckoutTraceId + "', spanId='d9e8f7a6b5c4d3e2')", output.Text);
    }

    [Fact]
    public async Task Structured_data_carries_the_span_its_attributes_and_errors()
    {
        var output = await SpanAsync(DemoIds.StripeCallSpanId);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(DemoIds.StripeCallSpanId, data.GetProperty("span").GetProperty("spanId").GetString());
        Assert.Equal(3000, data.GetProperty("span").GetProperty("durationMs").GetDouble());
        Assert.Equal("api.stripe.com", data.GetProperty("attributes").GetProperty("server.address").GetString());
        Assert.Equal("PAYMENTS-SERVICE-1", data.GetProperty("errors")[0].GetProperty("issue").GetString());
    }

    [Fact]
    public async Task A_profiled_transaction_span_names_its_profile_and_its_children()
    {
        var output = await SpanAsync(DemoIds.CheckoutTransactionSpanId);

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Transaction Root**: yes", output.Text);
        Assert.Contains($"**Profile**: `{DemoIds.CheckoutProfileId}`", output.Text);
        Assert.Contains("**Child Spans**: 10", output.Text);
        Assert.Contains("- `http.route`: /api/orders/checkout/", output.Text);
        Assert.Contains($"get_profile_details(organizationSlug='acme', projectSlugOrId='api-backend', profileId='{DemoIds.CheckoutProfileId}')", output.Text);
        Assert.Matches(@"\*Child snapshot shows \d+ of 14 descendant spans\.\*", output.Text);
    }

    [Fact]
    public async Task Span_ids_are_matched_without_regard_to_case()
    {
        var output = await SpanAsync(DemoIds.StripeCallSpanId.ToUpperInvariant());

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"# Span `{DemoIds.StripeCallSpanId}`", output.Text);
    }

    [Fact]
    public async Task A_span_of_another_trace_is_not_found()
    {
        var output = await SpanAsync(DemoIds.StripeCallSpanId, DemoData.MobileStartupTraceId);

        Assert.True(output.IsError);
        Assert.Contains($"Span {DemoIds.StripeCallSpanId} was not found in trace {DemoData.MobileStartupTraceId}", output.Text);
    }

    [Fact]
    public async Task A_trace_of_another_organization_is_not_found()
    {
        var output = await SpanAsync(DemoIds.StripeCallSpanId, org: "acme-labs");

        Assert.True(output.IsError);
        Assert.Contains("No trace", output.Text);
        Assert.Contains("'acme-labs'", output.Text);
    }

    [Theory]
    [InlineData("d9e8f7a6b5c4d30")]
    [InlineData("not-a-span-id!!!")]
    public async Task A_malformed_span_id_is_an_input_error_without_calling_sentry(string spanId)
    {
        var output = await SpanAsync(spanId);

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("16 hexadecimal characters", output.Text);
    }

    [Fact]
    public async Task A_sentry_server_error_is_reported_as_an_error_not_a_crash()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/api/0/organizations/acme/trace-meta/", Count: 1, Status: 500));

        var output = await SpanAsync(DemoIds.StripeCallSpanId);

        Assert.True(output.IsError);
        Assert.Contains("500", output.Text);
    }
}
