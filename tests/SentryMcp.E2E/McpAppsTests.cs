using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Apps;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>
/// The MCP Apps resources end to end: a real MCP client on /mcp reads each <c>ui://</c> resource and calls
/// the tool against the sandbox; chromium shows the resource in a sandboxed frame of a minimal host
/// (<see cref="McpAppHost"/>) that hands it the real result through the postMessage bridge.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class McpAppsTests(WebAppFixture app)
{
    private static readonly JsonObject AppsExtension = new() { ["mimeTypes"] = new JsonArray(McpApps.MimeType) };

    private async Task<McpClient> ConnectAsync(bool declaresApps)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            // Every tool listed, so the views of tools outside the default set can be checked too.
            Endpoint = new Uri(app.BaseUri, "mcp?tools=all"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Sentry-Bearer " + SandboxOptions.DefaultToken },
        });
        var options = new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(30) };
        if (declaresApps)
        {
            options.Capabilities = new ClientCapabilities { Extensions = new Dictionary<string, object> { [McpApps.ExtensionId] = AppsExtension } };
        }
        return await McpClient.CreateAsync(transport, options);
    }

    [Fact]
    public async Task Hosts_without_the_extension_see_no_ui_resources_and_no_tool_links()
    {
        await using var client = await ConnectAsync(declaresApps: false);

        var resources = await client.ListResourcesAsync();
        var tools = await client.ListToolsAsync();

        Assert.DoesNotContain(resources, r => r.Uri.StartsWith("ui://", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.Uri == "sentry://about");
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Meta?["ui"] is null && t.ProtocolTool.Meta?["ui/resourceUri"] is null, t.Name));
    }

    [Fact]
    public async Task Hosts_with_the_extension_get_every_view_as_a_resource_and_links_from_its_tools()
    {
        await using var client = await ConnectAsync(declaresApps: true);

        var resources = await client.ListResourcesAsync();
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name);

        foreach (var view in McpAppViews.All)
        {
            var resource = Assert.Single(resources, r => r.Uri == view.Uri);
            Assert.Equal(McpApps.MimeType, resource.MimeType);
            Assert.Equal(view.Title, resource.Title);
            foreach (var name in view.Tools.Where(tools.ContainsKey))
            {
                var meta = tools[name].ProtocolTool.Meta;
                Assert.Equal(view.Uri, meta?["ui"]?["resourceUri"]?.GetValue<string>());
                Assert.Equal(view.Uri, meta?["ui/resourceUri"]?.GetValue<string>());
            }
        }
        Assert.True(tools.ContainsKey("get_issue_details") && tools.ContainsKey("get_event_stacktrace") && tools.ContainsKey("get_trace_details"));
        // Tools without a view carry no link; and every link points at a listed resource.
        Assert.Null(tools["whoami"].ProtocolTool.Meta?["ui"]);
        Assert.All(tools.Values.Select(t => t.ProtocolTool.Meta?["ui"]?["resourceUri"]?.GetValue<string>()).OfType<string>(),
            uri => Assert.Contains(resources, r => r.Uri == uri));

        var read = await client.ReadResourceAsync("ui://sentry/issue");
        var content = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(McpApps.MimeType, content.MimeType);
        Assert.StartsWith("<!doctype html>", content.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content=\"get_issue_details\"", content.Text);
        // Self-contained: no file or origin is loaded from anywhere.
        Assert.DoesNotMatch("<script[^>]+src=|<link[^>]+href=|@import", content.Text);
        Assert.Empty(content.Meta!["ui"]!["csp"]!["connectDomains"]!.AsArray());
        Assert.Empty(content.Meta!["ui"]!["csp"]!["resourceDomains"]!.AsArray());
    }

    public static TheoryData<string, string, string> Views => new()
    {
        { "ui://sentry/issue", "get_issue_details", $$"""{"organizationSlug":"acme","issueId":"{{DemoIds.NoneTypeShortId}}"}""" },
        { "ui://sentry/issue-list", "search_issues", """{"organizationSlug":"acme","query":"is:unresolved"}""" },
        { "ui://sentry/stacktrace", "get_event_stacktrace", $$"""{"organizationSlug":"acme","issueId":"{{DemoIds.NetworkShortId}}"}""" },
        { "ui://sentry/trace", "get_trace_details", $$"""{"organizationSlug":"acme","traceId":"{{DemoIds.CheckoutTraceId}}"}""" },
        { "ui://sentry/events", "search_events", """{"organizationSlug":"acme","query":"level:error","dataset":"errors"}""" },
        { "ui://sentry/replay", "get_replay_details", $$"""{"organizationSlug":"acme","replayId":"{{DemoIds.CheckoutReplayId}}"}""" },
        { "ui://sentry/releases", "find_releases", """{"organizationSlug":"acme"}""" },
        { "ui://sentry/monitors", "find_monitors", """{"organizationSlug":"acme"}""" },
    };

    /// <summary>What a person must see for each tool's real result: a value read from its structured output.</summary>
    private static IEnumerable<string> ExpectedTexts(string tool, JsonNode structured) => tool switch
    {
        "get_issue_details" => [structured["issue"]!["title"]!.GetValue<string>()],
        "search_issues" => structured["issues"]!.AsArray().Take(3).Select(i => i!["title"]!.GetValue<string>()),
        "get_event_stacktrace" => [structured["thread"]!["frames"]!.AsArray().First(f => f!["inApp"]!.GetValue<bool>())!["function"]!.GetValue<string>()],
        "get_trace_details" => ["Trace " + structured["traceId"]!.GetValue<string>()[..8], $"{structured["spanCount"]!.GetValue<int>()} spans", structured["slowestSpans"]!.AsArray()[0]!["op"]!.GetValue<string>()],
        "search_events" => ["Search results: errors"],
        "get_replay_details" => ["Replay " + structured["id"]!.GetValue<string>()[..8]],
        "find_releases" => [structured["releases"]!.AsArray()[0]!["shortVersion"]!.GetValue<string>()],
        "find_monitors" => [structured["monitors"]!.AsArray()[0]!["name"]!.GetValue<string>()],
        _ => throw new ArgumentOutOfRangeException(nameof(tool)),
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Each_view_shows_a_real_tool_result_inside_a_sandboxed_frame(string uri, string toolName, string argumentsJson)
    {
        await using var client = await ConnectAsync(declaresApps: true);
        var (html, tool, arguments, result) = await CallAsync(client, uri, toolName, argumentsJson);
        var structured = result["structuredContent"]!;

        var page = await app.NewPageAsync();
        var host = await McpAppHost.OpenAsync(page);
        var frame = await host.ShowAsync(html, tool, arguments, result);

        foreach (var text in ExpectedTexts(toolName, structured))
        {
            await host.ExpectAsync(() => Assertions.Expect(frame.Locator("body")).ToContainTextAsync(text));
        }
        await Assertions.Expect(frame.GetByTestId("mcp-app-status")).ToHaveCountAsync(0);
        // The frame grew to what the view draws (ui/notifications/size-changed).
        await Eventually.UntilAsync(async () => await host.FrameHeightAsync() > 80, describe: () => "the host never sized the frame to the view");
        var messages = await host.MessagesAsync();
        var initialize = messages.First(m => m?["method"]?.GetValue<string>() == "ui/initialize")!;
        Assert.Equal("2026-01-26", initialize["params"]!["protocolVersion"]!.GetValue<string>());
        Assert.Contains(messages, m => m?["method"]?.GetValue<string>() == "ui/notifications/initialized");
        Assert.Contains(messages, m => m?["method"]?.GetValue<string>() == "ui/notifications/size-changed");
        Assert.Empty(host.OtherRequests);
        Assert.Empty(host.Errors);
        Assert.Empty(app.CspViolations[page]);
        await Screenshots.SaveAsync(page, "mcp-app-" + uri["ui://sentry/".Length..], fullPage: true);
    }

    [Fact]
    public async Task Html_in_titles_stays_text_and_missing_fields_or_an_unknown_shape_fall_back_to_the_text()
    {
        await using var client = await ConnectAsync(declaresApps: true);
        var (html, tool, arguments, result) = await CallAsync(client, "ui://sentry/issue", "get_issue_details",
            $$"""{"organizationSlug":"acme","issueId":"{{DemoIds.NoneTypeShortId}}"}""");
        const string hostile = "<img src=x onerror=\"window.parent.postMessage('escaped','*')\"><b>Boom</b>";

        // The real result with HTML in the title and most optional fields gone.
        var broken = result.DeepClone();
        var structured = broken["structuredContent"]!["issue"]!.AsObject();
        structured["title"] = hostile;
        foreach (var field in structured.Select(p => p.Key).Where(k => k is not ("id" or "shortId" or "title")).ToList())
        {
            structured.Remove(field);
        }
        var page = await app.NewPageAsync();
        var host = await McpAppHost.OpenAsync(page);
        var frame = await host.ShowAsync(html, tool, arguments, broken);
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("<b>Boom</b>");
        await Assertions.Expect(frame.Locator("img[src='x']")).ToHaveCountAsync(0);

        // Structured content of a shape no view knows: the tool's text, as a host without views shows it.
        var unknown = result.DeepClone();
        unknown["structuredContent"] = new JsonObject { ["unexpected"] = new JsonArray(1, 2, 3) };
        var second = await app.NewPageAsync();
        var secondHost = await McpAppHost.OpenAsync(second);
        var fallback = await secondHost.ShowAsync(html, tool, arguments, unknown);
        await Assertions.Expect(fallback.GetByTestId("mcp-app-text")).ToContainTextAsync(result["structuredContent"]!["issue"]!["title"]!.GetValue<string>());

        // Not even an object: the view says so instead of waiting forever.
        var third = await app.NewPageAsync();
        var thirdHost = await McpAppHost.OpenAsync(third);
        var nothing = await thirdHost.ShowAsync(html, tool, arguments, JsonValue.Create("not a result")!);
        await Assertions.Expect(nothing.GetByTestId("mcp-app-text")).ToBeVisibleAsync();

        var messages = await host.MessagesAsync();
        Assert.DoesNotContain(messages, m => m is JsonValue v && v.GetValueKind() == JsonValueKind.String);
        Assert.Empty(app.CspViolations[page]);
    }

    [Fact]
    public async Task The_view_follows_the_host_theme_and_opens_links_through_the_host()
    {
        await using var client = await ConnectAsync(declaresApps: true);
        var (html, tool, arguments, result) = await CallAsync(client, "ui://sentry/issue", "get_issue_details",
            $$"""{"organizationSlug":"acme","issueId":"{{DemoIds.NoneTypeShortId}}"}""");
        var page = await app.NewPageAsync();
        var host = await McpAppHost.OpenAsync(page);

        var frame = await host.ShowAsync(html, tool, arguments, result, theme: "dark", width: 390);
        await Assertions.Expect(frame.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync(result["structuredContent"]!["issue"]!["title"]!.GetValue<string>());
        await Screenshots.SaveAsync(page, "mcp-app-issue-dark-phone", fullPage: true);

        await host.SendAsync("ui/notifications/host-context-changed", new JsonObject { ["theme"] = "light" });
        await Assertions.Expect(frame.Locator("html")).ToHaveAttributeAsync("data-theme", "light");

        var link = frame.Locator("a[href^='http']").First;
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await Eventually.UntilAsync(async () => (await host.MessagesAsync()).Any(m => m?["method"]?.GetValue<string>() == "ui/open-link"),
            describe: () => "the view never asked the host to open the link");
        var open = (await host.MessagesAsync()).First(m => m?["method"]?.GetValue<string>() == "ui/open-link")!;
        Assert.Equal(new Uri(href!).AbsoluteUri, new Uri(open["params"]!["url"]!.GetValue<string>()).AbsoluteUri);
        Assert.Empty(host.OtherRequests);
    }

    /// <summary>Reads the resource the tool links to and calls the tool for real, all through the MCP client.</summary>
    private static async Task<(string Html, JsonNode Tool, JsonNode Arguments, JsonNode Result)> CallAsync(McpClient client, string uri, string toolName, string argumentsJson)
    {
        var tool = (await client.ListToolsAsync()).Single(t => t.Name == toolName).ProtocolTool;
        Assert.Equal(uri, tool.Meta?["ui"]?["resourceUri"]?.GetValue<string>());
        var read = await client.ReadResourceAsync(uri);
        var html = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson)!;
        var result = await client.CallToolAsync(toolName, arguments);
        Assert.True(result.IsError != true, string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text)));
        Assert.NotNull(result.StructuredContent);
        return (html, McpAppHost.ToJson(tool), JsonNode.Parse(argumentsJson)!, McpAppHost.ToJson(result));
    }
}
