using System.Globalization;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetProfileDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task A_transaction_profile_names_its_transaction_trace_and_release_and_its_top_frames()
    {
        var output = await server.CallAsync("get_profile_details", new { organizationSlug = "acme", projectSlugOrId = "api-backend", profileId = DemoIds.CheckoutProfileId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Profile `{DemoIds.CheckoutProfileId}` in **acme/api-backend**", output.Text);
        Assert.Contains($"**Transaction**: {DemoData.CheckoutTransaction}", output.Text);
        Assert.Contains($"**Trace**: `{DemoIds.CheckoutTraceId}`", output.Text);
        Assert.Contains("**Release**: api-backend@1.18.0", output.Text);
        Assert.Contains("**Samples**: 352", output.Text);
        Assert.Contains("**Threads**: MainThread (352 samples)", output.Text);
        Assert.Contains("| `app.views.orders.checkout` | app/views/orders.py | 352 |", output.Text);
        Assert.Contains("| `app.payments.client.charge` | app/payments/client.py | 340 | 0 |", output.Text);
        Assert.DoesNotContain("socket.recv_into", output.Text);
        Assert.Contains($"get_trace_details(organizationSlug='acme', traceId='{DemoIds.CheckoutTraceId}')", output.Text);
    }

    [Fact]
    public async Task Library_frames_show_when_the_user_code_focus_is_off()
    {
        var output = await server.CallAsync("get_profile_details", new { organizationSlug = "acme", projectSlugOrId = "api-backend", profileId = DemoIds.CheckoutProfileId, focusOnUserCode = false });

        Assert.Contains("| `socket.recv_into` | socket.py | 340 | 340 |", output.Text);
        Assert.Equal("transaction", output.Raw.StructuredContent!.Value.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_profile_url_works_like_the_ids()
    {
        var url = $"{server.SandboxUri}organizations/acme/explore/profiling/profile/api-backend/{DemoIds.CheckoutProfileId}/flamegraph/";

        var output = await server.CallAsync("get_profile_details", new { profileUrl = url });

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"**Transaction**: {DemoData.CheckoutTransaction}", output.Text);
    }

    [Fact]
    public async Task A_continuous_profile_session_is_found_by_profiler_id_and_time_range()
    {
        var output = await server.CallAsync("get_profile_details", new
        {
            organizationSlug = "acme", projectSlugOrId = "payments-service", profilerId = DemoIds.PaymentsProfilerId,
            start = Iso(DateTimeOffset.UtcNow.AddHours(-3)), end = Iso(DateTimeOffset.UtcNow.AddHours(-1)),
        });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Continuous profile of profiler `{DemoIds.PaymentsProfilerId}` in **acme/payments-service**", output.Text);
        Assert.Contains("**Release**: payments-service@3.2.0", output.Text);
        Assert.Contains("| `StripeClient.CreatePaymentIntentAsync` |", output.Text);
        Assert.Equal("continuous", output.Raw.StructuredContent!.Value.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_continuous_profile_outside_the_time_range_is_not_found()
    {
        var output = await server.CallAsync("get_profile_details", new
        {
            organizationSlug = "acme", projectSlugOrId = "payments-service", profilerId = DemoIds.PaymentsProfilerId,
            start = Iso(DateTimeOffset.UtcNow.AddDays(-30)), end = Iso(DateTimeOffset.UtcNow.AddDays(-29)),
        });

        Assert.True(output.IsError);
        Assert.Contains($"No continuous profile of profiler {DemoIds.PaymentsProfilerId} was found", output.Text);
    }

    [Fact]
    public async Task A_profile_of_another_project_is_not_found()
    {
        var output = await server.CallAsync("get_profile_details", new { organizationSlug = "acme", projectSlugOrId = "web-frontend", profileId = DemoIds.CheckoutProfileId });

        Assert.True(output.IsError);
        Assert.Contains($"No profile {DemoIds.CheckoutProfileId} was found in project 'web-frontend'", output.Text);
    }

    [Theory]
    [InlineData(null, null, null, "Pass profileId for a transaction profile, or profilerId")]
    [InlineData("xyz", null, null, "is not a valid profileId")]
    [InlineData(null, DemoIds.PaymentsProfilerId, null, "needs start")]
    [InlineData(null, DemoIds.PaymentsProfilerId, "yesterday", "Invalid start")]
    public async Task Missing_or_malformed_identifiers_are_input_errors(string? profileId, string? profilerId, string? start, string message)
    {
        var output = await server.CallAsync("get_profile_details", new { organizationSlug = "acme", projectSlugOrId = "payments-service", profileId, profilerId, start, end = start });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(message, output.Text);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
