using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetDashboardDetailsToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Shows_a_dashboards_filters_and_every_widget_with_its_saved_query_and_layout()
    {
        var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme", dashboardIdOrTitle = DemoIds.CheckoutDashboardId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Dashboard Checkout Health in **acme**", output.Text);
        Assert.Contains("**Created By**: Jane Doe (jane@acme.example)", output.Text);
        Assert.Contains("**Projects**: web-frontend, api-backend, payments-service", output.Text);
        Assert.Contains("**Environments**: production", output.Text);
        Assert.Contains("**Period**: 24h", output.Text);
        Assert.Contains("- **release**: web-frontend@2.4.1", output.Text);
        Assert.Contains("### 1. Checkout errors\n", output.Text);
        Assert.Contains("### 4. Slowest checkout spans\n", output.Text);
        Assert.Contains("**Widget Type**: spans", output.Text);
        Assert.Contains("**Layout**: x=0, y=2, w=6, h=3", output.Text);
        Assert.Contains("Conditions: `error.type:System.TimeoutException project:payments-service`", output.Text);
        Assert.Contains("Group by: `span.op`, `span.description`", output.Text);
        Assert.Contains("Aggregates: `p95(span.duration)`, `count()`", output.Text);
        Assert.Contains("Sort: `-p95(span.duration)`", output.Text);
        Assert.Contains("not live results", output.Text);
        Assert.Contains($"{server.SandboxUri}organizations/acme/dashboard/{DemoIds.CheckoutDashboardId}/?statsPeriod=24h", output.Text);

        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal(4, data.GetProperty("widgets").GetArrayLength());
        var table = data.GetProperty("widgets")[3];
        Assert.Equal("table", table.GetProperty("displayType").GetString());
        Assert.Equal(10, table.GetProperty("limit").GetInt32());
        Assert.Equal("-p95(span.duration)", table.GetProperty("queries")[0].GetProperty("orderBy").GetString());
        Assert.Equal(4, table.GetProperty("queries")[0].GetProperty("fields").GetArrayLength());
        Assert.Equal("web-frontend@2.4.1", data.GetProperty("filters").GetProperty("release").GetString());
    }

    [Fact]
    public async Task An_exact_title_in_any_case_opens_the_dashboard()
    {
        var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme", dashboardIdOrTitle = "errors overview" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Dashboard Errors Overview in **acme**", output.Text);
        Assert.Contains("**Projects**: all projects", output.Text);
        Assert.Contains("Conditions: `is:unresolved`", output.Text);
        Assert.Contains("**Widget Type**: issue", output.Text);
    }

    [Fact]
    public async Task A_partial_title_is_an_input_error_that_suggests_the_close_matches()
    {
        var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme", dashboardIdOrTitle = "Checkout" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("No dashboard titled \"Checkout\"", output.Text);
        Assert.Contains($"- Checkout Health (ID: {DemoIds.CheckoutDashboardId})", output.Text);
    }

    [Fact]
    public async Task An_unknown_id_is_an_input_error_pointing_to_find_dashboards()
    {
        var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme", dashboardIdOrTitle = "999999" });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("No dashboard with ID '999999'", output.Text);
        Assert.Contains("find_dashboards(organizationSlug='acme')", output.Text);
    }

    [Fact]
    public async Task Another_organizations_dashboard_id_is_not_found()
    {
        var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme-labs", dashboardIdOrTitle = DemoIds.CheckoutDashboardId });

        Assert.True(output.IsError);
        Assert.Contains($"No dashboard with ID '{DemoIds.CheckoutDashboardId}' in 'acme-labs'", output.Text);
    }

    [Fact]
    public async Task A_blank_reference_is_an_input_error()
    {
        var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme", dashboardIdOrTitle = "  " });

        Assert.True(output.IsError);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains("dashboardIdOrTitle", output.Text);
    }

    [Fact]
    public async Task A_failing_sentry_is_reported_as_sentrys_problem()
    {
        var path = $"/api/0/organizations/acme/dashboards/{DemoIds.ErrorsDashboardId}/";
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, path, Count: -1, Status: 500));
        try
        {
            var output = await server.CallAsync("get_dashboard_details", new { organizationSlug = "acme", dashboardIdOrTitle = DemoIds.ErrorsDashboardId });

            Assert.True(output.IsError);
            Assert.Contains("**Sentry API Error** (HTTP 500)", output.Text);
        }
        finally
        {
            (await server.Sandbox.DeleteAsync("/__sandbox/faults")).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_project_pinned_session_sees_only_dashboards_covering_its_project()
    {
        await using var client = await server.StartClientAsync(["--all-tools", "--organization-slug=acme", "--project-slug=api-backend"], SandboxOptions.DefaultToken);

        var list = await server.CallAsync("find_dashboards", new { limit = 100 }, client);
        Assert.False(list.IsError, list.Text);
        Assert.Contains("## Backend Performance\n", list.Text);
        Assert.Contains("## Errors Overview\n", list.Text);
        Assert.Contains("## Checkout Health\n", list.Text);
        Assert.DoesNotContain("## Web Vitals", list.Text);
        Assert.DoesNotContain("## Mobile App Health", list.Text);

        var byTitle = await server.CallAsync("get_dashboard_details", new { dashboardIdOrTitle = "Web Vitals" }, client);
        Assert.True(byTitle.IsError);
        Assert.Contains("No dashboard titled \"Web Vitals\"", byTitle.Text);

        var byId = await server.CallAsync("get_dashboard_details", new { dashboardIdOrTitle = "4104" }, client);
        Assert.True(byId.IsError);
        Assert.Contains("limited to", byId.Text);
        Assert.Contains("api-backend", byId.Text);
    }
}
