using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetProfileToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private Task<ToolOutput> ProfileAsync(object? extra = null)
    {
        var args = new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["projectSlugOrId"] = "api-backend", ["transactionName"] = DemoData.CheckoutTransaction };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
        {
            args[p.Name] = p.GetValue(extra);
        }
        return server.CallAsync("get_profile", args);
    }

    [Fact]
    public async Task The_checkout_profile_shows_the_payment_wait_as_the_hottest_user_code_path()
    {
        var output = await ProfileAsync();

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Profile of `{DemoData.CheckoutTransaction}` in **acme/api-backend**", output.Text);
        Assert.Contains("**Profiles**: 14", output.Text);
        var first = output.Text.Split("|---:|---:|---:|---|")[1].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Contains("`app.views.orders.checkout` → `app.payments.client.charge` → *in socket.recv_into*", first);
        Assert.DoesNotContain("`requests.sessions.send`", output.Text);
        Assert.Contains("| `app.services.pricing.price_items` | app/services/pricing.py |", output.Text);
        Assert.Contains("get_profile_details(organizationSlug='acme', projectSlugOrId='api-backend', profileId=", output.Text);
    }

    [Fact]
    public async Task Without_the_user_code_focus_library_frames_are_shown_too()
    {
        var output = await ProfileAsync(new { focusOnUserCode = false, maxHotPaths = 2 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("`django.core.handlers.base._get_response`", output.Text);
        Assert.Equal(2, output.Raw.StructuredContent!.Value.GetProperty("hotPaths").GetArrayLength());
    }

    [Fact]
    public async Task Comparing_with_a_baseline_period_flags_the_n_plus_one_pricing_as_a_major_regression()
    {
        var output = await ProfileAsync(new { period = "24h", compareAgainstPeriod = "7d" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Profiles**: 6", output.Text);
        Assert.Contains("## Compared with the last 7d", output.Text);
        Assert.Matches(@"\| `app\.services\.pricing\.price_items` \| [0-9.]+ms \| [0-9.]+ms \| \+[0-9.]+% \| major regression \|", output.Text);
        var comparison = output.Raw.StructuredContent!.Value.GetProperty("comparison");
        Assert.Equal("major_regression", comparison[0].GetProperty("change").GetString());
        var requests = await server.RequestsAsync();
        Assert.Contains(requests, r => r.Path.EndsWith("/profiling/flamegraph/", StringComparison.Ordinal) && r.Query.Contains("statsPeriod=7d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Structured_data_lists_hot_paths_functions_and_profile_ids()
    {
        var output = await ProfileAsync();

        var data = output.Raw.StructuredContent!.Value;
        Assert.True(data.GetProperty("hasData").GetBoolean());
        Assert.Equal("socket.recv_into", data.GetProperty("hotPaths")[0].GetProperty("leaf").GetString());
        Assert.Contains(data.GetProperty("profileIds").EnumerateArray(), p => p.GetString() == DemoIds.CheckoutProfileId);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("comparison").ValueKind);
    }

    [Fact]
    public async Task A_profiling_url_gives_the_organization_project_and_transaction()
    {
        var url = $"{server.SandboxUri}organizations/acme/explore/profiling/summary/api-backend/?transaction={Uri.EscapeDataString(DemoData.CheckoutTransaction)}";

        var output = await server.CallAsync("get_profile", new { profileUrl = url });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Profiles**: 14", output.Text);
    }

    [Fact]
    public async Task A_transaction_without_profiles_says_so_and_how_to_find_names()
    {
        var output = await ProfileAsync(new { transactionName = "GET /api/nothing/" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No profiles of `GET /api/nothing/` were found in the last 7d.", output.Text);
        Assert.Contains("search_events(organizationSlug='acme', dataset='spans'", output.Text);
        Assert.False(output.Raw.StructuredContent!.Value.GetProperty("hasData").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_project_is_an_input_error()
    {
        var output = await ProfileAsync(new { projectSlugOrId = "no-such-project" });

        Assert.True(output.IsError);
        Assert.Contains("No project 'no-such-project' was found in organization 'acme'", output.Text);
    }

    [Theory]
    [InlineData("period", "7 days", "Invalid period")]
    [InlineData("compareAgainstPeriod", "1y", "Invalid compareAgainstPeriod")]
    [InlineData("maxHotPaths", 21, "maxHotPaths must be between 1 and 20")]
    [InlineData("transactionName", "", "transactionName is required")]
    [InlineData("projectSlugOrId", "", "projectSlugOrId is required")]
    public async Task Bad_arguments_are_input_errors_that_say_what_to_fix(string name, object value, string message)
    {
        var args = new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["projectSlugOrId"] = "api-backend", ["transactionName"] = DemoData.CheckoutTransaction, [name] = value };

        var output = await server.CallAsync("get_profile", args);

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(message, output.Text);
    }
}
