using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class UpdateDsnToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private async Task<string> KeyIdAsync(string project, string name)
    {
        var dsns = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = project });
        var match = Regex.Match(dsns.Text, $"## {Regex.Escape(name)}\n+\\*\\*ID\\*\\*: ([0-9a-f]{{32}})");
        Assert.True(match.Success, dsns.Text);
        return match.Groups[1].Value;
    }

    /// <summary>The key as the sandbox now stores it, read over Sentry's API.</summary>
    private async Task<JsonElement> StoredKeyAsync(string project, string keyId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/0/projects/acme/{project}/keys/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxOptions.DefaultToken);
        using var response = await server.Sandbox.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var keys = await response.Content.ReadFromJsonAsync<JsonElement>();
        return keys.EnumerateArray().Single(k => k.GetProperty("id").GetString() == keyId);
    }

    [Fact]
    public async Task A_rename_and_a_rate_limit_are_stored_and_shown_by_find_dsns()
    {
        var keyId = await KeyIdAsync("web-frontend", "Staging");

        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "web-frontend", keyId, name = "Staging EU", rateLimitWindow = 3600, rateLimitCount = 500 });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Updated DSN in **acme/web-frontend**", output.Text);
        Assert.Contains("**Name**: Staging EU", output.Text);
        Assert.Contains("**Rate Limit**: 500 errors per 3600 seconds", output.Text);
        Assert.Contains("- Renamed to `Staging EU`", output.Text);
        Assert.Contains("- Rate limit set to 500 errors per 3600 seconds", output.Text);
        Assert.Contains($"@{server.SandboxUri.Authority}/", output.Text);
        var stored = await StoredKeyAsync("web-frontend", keyId);
        Assert.Equal(3600, stored.GetProperty("rateLimit").GetProperty("window").GetInt32());
        Assert.Equal(500, stored.GetProperty("rateLimit").GetProperty("count").GetInt32());
        var dsns = await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "web-frontend" });
        Assert.Contains("## Staging EU\n", dsns.Text);
        Assert.Contains("**Rate Limit**: 500 errors per 3600 seconds", dsns.Text);
        Assert.DoesNotContain("## Staging\n", dsns.Text);

        var removed = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "web-frontend", keyId, disableRateLimit = true });

        Assert.False(removed.IsError, removed.Text);
        Assert.Contains("**Rate Limit**: none", removed.Text);
        Assert.Contains("- Rate limit removed", removed.Text);
        Assert.Equal(JsonValueKind.Null, (await StoredKeyAsync("web-frontend", keyId)).GetProperty("rateLimit").ValueKind);
        Assert.DoesNotContain("**Rate Limit**", (await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "web-frontend" })).Text);
    }

    [Fact]
    public async Task A_zero_count_removes_the_rate_limit_as_sentry_does()
    {
        var keyId = await KeyIdAsync("api-backend", "Default");
        await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "api-backend", keyId, rateLimitWindow = 60, rateLimitCount = 10 });

        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "api-backend", keyId, rateLimitWindow = 60, rateLimitCount = 0 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Rate Limit**: none", output.Text);
        Assert.Equal(JsonValueKind.Null, (await StoredKeyAsync("api-backend", keyId)).GetProperty("rateLimit").ValueKind);
    }

    [Fact]
    public async Task A_deactivated_dsn_is_inactive_in_find_dsns_and_can_be_reactivated()
    {
        var keyId = await KeyIdAsync("mobile-app", "Default");

        var off = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "mobile-app", keyId, isActive = false });

        Assert.False(off.IsError, off.Text);
        Assert.Contains("**Status**: inactive (events sent with this DSN are dropped)", off.Text);
        Assert.Contains("- Deactivated", off.Text);
        Assert.Contains("**Active**: no", (await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "mobile-app" })).Text);

        var on = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "mobile-app", keyId, isActive = true });

        Assert.Contains("**Status**: active", on.Text);
        Assert.Contains("**Active**: yes", (await server.CallAsync("find_dsns", new { organizationSlug = "acme", projectSlug = "mobile-app" })).Text);
    }

    [Fact]
    public async Task Loader_options_and_the_browser_sdk_version_change_only_what_is_given()
    {
        var keyId = await KeyIdAsync("web-frontend", "Default");

        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "web-frontend", keyId, browserSdkVersion = "9.x", loaderHasDebug = true, loaderHasReplay = false });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Browser SDK Version**: 9.x", output.Text);
        Assert.Contains("**Loader Options**: Replay off, Performance on, Debug on, Feedback off, Logs & Metrics off", output.Text);
        var stored = await StoredKeyAsync("web-frontend", keyId);
        Assert.Equal("9.x", stored.GetProperty("browserSdkVersion").GetString());
        var loader = stored.GetProperty("dynamicSdkLoaderOptions");
        Assert.True(loader.GetProperty("hasDebug").GetBoolean());
        Assert.False(loader.GetProperty("hasReplay").GetBoolean());
        Assert.True(loader.GetProperty("hasPerformance").GetBoolean());
        Assert.Equal("Default", stored.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_browser_sdk_version_sentry_does_not_offer_shows_sentrys_field_error()
    {
        var keyId = await KeyIdAsync("payments-service", "Default");

        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "payments-service", keyId, browserSdkVersion = "6.x" });

        Assert.True(output.IsError);
        Assert.Contains("HTTP 400", output.Text);
        Assert.Contains("is not a valid choice", output.Text);
        Assert.Equal("latest", (await StoredKeyAsync("payments-service", keyId)).GetProperty("browserSdkVersion").GetString());
    }

    public static TheoryData<string, object, string> BadInput => new()
    {
        { "nothing", new { }, "Nothing to update" },
        { "window alone", new { rateLimitWindow = 60 }, "Pass rateLimitWindow and rateLimitCount together" },
        { "window too long", new { rateLimitWindow = 90000, rateLimitCount = 5 }, "between 0 and 86400 seconds" },
        { "negative count", new { rateLimitWindow = 60, rateLimitCount = -1 }, "0 or more" },
        { "set and remove", new { rateLimitWindow = 60, rateLimitCount = 5, disableRateLimit = true }, "not both" },
        { "long name", new { name = new string('n', 65) }, "at most 64" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Contradictory_or_out_of_range_settings_are_input_errors_and_nothing_is_sent(string because, object settings, string message)
    {
        var keyId = await KeyIdAsync("payments-service", "Legacy checkout");
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(settings))!;
        arguments["organizationSlug"] = "acme";
        arguments["projectSlug"] = "payments-service";
        arguments["keyId"] = keyId;

        var output = await server.CallAsync("update_dsn", arguments);

        Assert.True(output.IsError, because);
        Assert.Contains("**Input Error**", output.Text);
        Assert.Contains(message, output.Text);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "PUT" && r.Path == $"/api/0/projects/acme/payments-service/keys/{keyId}/");
    }

    [Fact]
    public async Task A_malformed_key_id_is_an_input_error()
    {
        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "web-frontend", keyId = "../keys", isActive = true });

        Assert.True(output.IsError);
        Assert.Contains("not a valid 'keyId'", output.Text);
    }

    [Fact]
    public async Task An_unknown_key_is_an_input_error_pointing_to_find_dsns()
    {
        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "web-frontend", keyId = "0123456789abcdef0123456789abcdef", name = "Ghost" });

        Assert.True(output.IsError);
        Assert.Contains("No DSN '0123456789abcdef0123456789abcdef' in 'acme/web-frontend'", output.Text);
        Assert.Contains("find_dsns(organizationSlug='acme', projectSlug='web-frontend')", output.Text);
    }

    [Fact]
    public async Task A_key_of_another_project_is_not_found()
    {
        var keyId = await KeyIdAsync("api-backend", "Default");

        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "web-frontend", keyId, name = "Moved" });

        Assert.True(output.IsError);
        Assert.Contains($"No DSN '{keyId}' in 'acme/web-frontend'", output.Text);
    }

    [Fact]
    public async Task A_deactivation_the_user_declines_is_not_made()
    {
        var keyId = await KeyIdAsync("payments-service", "Default");
        await using var client = await server.StartClientAsync(["--all-tools"], SandboxOptions.DefaultToken, clientOptions: new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers { ElicitationHandler = (_, _) => ValueTask.FromResult(new ElicitResult { Action = "decline" }) },
        });

        var output = await server.CallAsync("update_dsn", new { organizationSlug = "acme", projectSlug = "payments-service", keyId, isActive = false }, client);

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("**Not done**: the user declined the confirmation to deactivate DSN", output.Text);
        Assert.True((await StoredKeyAsync("payments-service", keyId)).GetProperty("isActive").GetBoolean());
    }
}
