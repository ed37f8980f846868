using System.Text.Json;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class FindDashboardsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Lists_ten_dashboards_by_title_with_widgets_projects_and_a_cursor_for_the_rest()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Dashboards in **acme**", output.Text);
        var first = output.Text.IndexOf("## API Latency SLOs\n", StringComparison.Ordinal);
        var checkout = output.Text.IndexOf("## Checkout Health\n", StringComparison.Ordinal);
        Assert.True(first > 0 && checkout > first, output.Text);
        Assert.Contains($"**ID**: {DemoIds.CheckoutDashboardId}", output.Text);
        Assert.Contains("**Widgets**: 4 (line, big_number, area, table)", output.Text);
        Assert.Contains("**Projects**: web-frontend, api-backend, payments-service", output.Text);
        Assert.Contains("**Projects**: all projects", output.Text);
        Assert.Contains("by Jane Doe (jane@acme.example)", output.Text);
        Assert.Contains("**Favorited**: yes", output.Text);
        Assert.Contains("**Prebuilt**: yes (Sentry template 3)", output.Text);
        Assert.DoesNotContain("## Web Vitals", output.Text);
        Assert.DoesNotContain("Prototype Experiments", output.Text);
        Assert.Contains("cursor='0:10:0'", output.Text);
        Assert.Contains($"get_dashboard_details(organizationSlug='acme', dashboardIdOrTitle=", output.Text);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(10, data.GetProperty("dashboards").GetArrayLength());
        Assert.True(data.GetProperty("hasMore").GetBoolean());
        Assert.Equal("0:10:0", data.GetProperty("nextCursor").GetString());
        var checkoutData = data.GetProperty("dashboards").EnumerateArray().Single(d => d.GetProperty("id").GetString() == DemoIds.CheckoutDashboardId);
        Assert.Equal(4, checkoutData.GetProperty("widgetCount").GetInt32());
        Assert.Equal(3, checkoutData.GetProperty("projects").GetArrayLength());
        Assert.Equal($"{server.SandboxUri}organizations/acme/dashboard/{DemoIds.CheckoutDashboardId}/", checkoutData.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_next_cursor_returns_the_remaining_dashboards_and_no_further_cursor()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", cursor = "0:10:0" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Release Adoption\n", output.Text);
        Assert.Contains("## Web Vitals\n", output.Text);
        Assert.DoesNotContain("## Checkout Health", output.Text);
        Assert.DoesNotContain("More dashboards are available", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(2, data.GetProperty("dashboards").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task A_title_query_finds_dashboards_with_that_word_in_the_title()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", titleQuery = "errors" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Errors Overview\n", output.Text);
        Assert.Contains("## Frontend Errors\n", output.Text);
        Assert.DoesNotContain("## Checkout Health", output.Text);
    }

    [Fact]
    public async Task Newest_first_sorting_and_a_limit_are_passed_to_sentry()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", sort = "-dateCreated", limit = 2 });

        Assert.False(output.IsError, output.Text);
        var queries = output.Text.IndexOf("## Queries\n", StringComparison.Ordinal);
        var slos = output.Text.IndexOf("## API Latency SLOs\n", StringComparison.Ordinal);
        Assert.True(queries > 0 && slos > queries, output.Text);
        Assert.DoesNotContain("## Frontend Errors", output.Text);
        Assert.Contains("sort='-dateCreated', limit=2, cursor='0:2:0'", output.Text);
        var request = (await server.RequestsAsync()).Last(r => r.Path == "/api/0/organizations/acme/dashboards/");
        Assert.Contains("sort=-dateCreated", request.Query);
        Assert.Contains("per_page=2", request.Query);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", titleQuery = "kubernetes" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("No dashboards found in `acme` with `kubernetes` in the title.", output.Text);
        Assert.Equal(0, output.Raw.StructuredContent!.Value.GetProperty("dashboards").GetArrayLength());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_limit_outside_1_to_100_is_an_input_error(int limit)
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", limit });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("between 1 and 100", output.Text);
    }

    [Fact]
    public async Task An_unknown_sort_is_an_input_error_listing_the_valid_ones()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", sort = "popularity" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("title, -title, dateCreated, -dateCreated", output.Text);
    }

    [Fact]
    public async Task A_malformed_cursor_is_refused_before_calling_sentry()
    {
        var before = (await server.RequestsAsync()).Count(r => r.Path == "/api/0/organizations/acme/dashboards/");

        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme", cursor = "page-2" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("nextCursor", output.Text);
        Assert.Equal(before, (await server.RequestsAsync()).Count(r => r.Path == "/api/0/organizations/acme/dashboards/"));
    }

    [Fact]
    public async Task An_unknown_organization_is_a_not_found_error()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "no-such-org" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 404", output.Text);
        Assert.Contains("find_organizations", output.Text);
    }

    [Fact]
    public async Task A_forbidden_answer_names_the_scope_the_tool_needs()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, "/api/0/organizations/acme/dashboards/", Status: 403));

        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 403", output.Text);
        Assert.Contains("org:read", output.Text);
    }

    [Fact]
    public async Task The_other_organization_sees_only_its_own_dashboards()
    {
        var output = await server.CallAsync("find_dashboards", new { organizationSlug = "acme-labs" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("## Prototype Experiments\n", output.Text);
        Assert.Contains("**Projects**: prototype", output.Text);
        Assert.DoesNotContain("Checkout Health", output.Text);
    }
}
