using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>
/// Every call an answer suggests (<c>tool(name='…', …)</c>) names a real tool and only parameters
/// that tool has, so a model that follows the hint does not get an input error.
/// </summary>
public sealed partial class HintParameterTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    public static TheoryData<string, string> Calls => new()
    {
        { "whoami", "{}" },
        { "find_organizations", "{}" },
        { "find_projects", """{"organizationSlug":"acme"}""" },
        { "find_projects", """{"organizationSlug":"acme-labs"}""" },
        { "find_teams", """{"organizationSlug":"acme"}""" },
        { "find_dsns", """{"organizationSlug":"acme","projectSlug":"api-backend"}""" },
        { "search_issues", """{"organizationSlug":"acme","limit":2}""" },
        { "get_issue_details", $$"""{"organizationSlug":"acme","issueId":"{{DemoIds.NoneTypeShortId}}"}""" },
        { "get_event_attachment", $$"""{"organizationSlug":"acme","projectSlug":"web-frontend","eventId":"{{DemoIds.UndefinedMapEventId}}"}""" },
        { "search_docs", """{"query":"source maps upload"}""" },
        { "analyze_issue_with_seer", $$"""{"organizationSlug":"acme","issueId":"{{DemoIds.NoneTypeShortId}}"}""" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Suggested_calls_use_real_tools_and_their_real_parameter_names(string tool, string arguments)
    {
        var schemas = (await server.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.InputSchema);

        var output = await server.CallAsync(tool, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        Assert.False(output.IsError, output.Text);
        Assert.Contains("# Using this information", output.Text);
        // Only the closing section: the body may quote code (a stack frame, Seer's analysis).
        var hints = output.Text[output.Text.LastIndexOf("# Using this information", StringComparison.Ordinal)..];
        var suggested = SuggestedCall().Matches(hints).ToList();
        Assert.NotEmpty(suggested);
        foreach (Match call in suggested)
        {
            var name = call.Groups["tool"].Value;
            Assert.True(schemas.TryGetValue(name, out var schema), $"{tool} suggests unknown tool {name}: {call.Value}");
            var properties = schema.GetProperty("properties");
            foreach (Match parameter in ParameterName().Matches(call.Groups["args"].Value))
            {
                Assert.True(properties.TryGetProperty(parameter.Groups[1].Value, out _), $"{tool} suggests {name} with unknown parameter {parameter.Groups[1].Value}: {call.Value}");
            }
        }
    }

    [GeneratedRegex(@"`(?<tool>[a-z_]+)\((?<args>[^`]*)\)`")]
    private static partial Regex SuggestedCall();

    [GeneratedRegex(@"(?:^|,\s*)([A-Za-z]+)\s*(?==|,|$)")]
    private static partial Regex ParameterName();
}
