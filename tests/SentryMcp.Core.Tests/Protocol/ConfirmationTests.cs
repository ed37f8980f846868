using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Protocol;

/// <summary>Elicitation before billed or destructive actions, with the real client answering as a user would.</summary>
public sealed class ConfirmationTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private readonly ConcurrentQueue<ElicitRequestParams> _asked = new();

    private Task<McpClient> ClientAsync(string version, Func<ElicitRequestParams, CancellationToken, Task<ElicitResult>> answer, IReadOnlyDictionary<string, string?>? environment = null) =>
        server.StartClientAsync([], SandboxOptions.DefaultToken, environment, new McpClientOptions
        {
            ProtocolVersion = version,
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = async (request, ct) =>
                {
                    _asked.Enqueue(request!);
                    return await answer(request!, ct);
                },
            },
        });

    private static ElicitResult Accept(object confirm) =>
        new() { Action = "accept", Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(confirm) } };

    private async Task<bool> SlugChangeReachedSentryAsync(string project) =>
        (await server.RequestsAsync()).Any(r => r.Method == "PUT" && r.Path == $"/api/0/projects/acme/{project}/");

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task A_slug_change_the_user_confirms_is_made(string version)
    {
        var project = version == "2025-11-25" ? "web-frontend" : "api-backend";
        await using var client = await ClientAsync(version, (_, _) => Task.FromResult(Accept(true)));

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = project, slug = project + "-renamed" }, client);

        Assert.False(output.IsError, output.Text);
        Assert.Contains($"**Slug**: {project}-renamed", output.Text);
        var question = Assert.Single(_asked);
        Assert.Contains($"Change the slug of project {project} in acme to {project}-renamed?", question.Message);
        Assert.Equal(["confirm"], question.RequestedSchema!.Required);
    }

    [Theory]
    [InlineData("2025-11-25", "decline", "declined")]
    [InlineData("2026-07-28", "cancel", "cancelled")]
    public async Task A_slug_change_the_user_declines_or_cancels_is_not_made(string version, string action, string word)
    {
        await using var client = await ClientAsync(version, (_, _) => Task.FromResult(new ElicitResult { Action = action }));

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "payments-service", slug = "payments" }, client);

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"**Not done**: the user {word} the confirmation", output.Text);
        Assert.Contains("Nothing was changed in Sentry", output.Text);
        Assert.False(await SlugChangeReachedSentryAsync("payments-service"));
    }

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task A_malformed_answer_is_an_error_and_nothing_is_changed(string version)
    {
        await using var client = await ClientAsync(version, (_, _) => Task.FromResult(Accept("yes please")));

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "mobile-app", slug = "mobile" }, client);

        Assert.True(output.IsError);
        Assert.Contains("the answer to the confirmation request was malformed", output.Text);
        Assert.False(await SlugChangeReachedSentryAsync("mobile-app"));
    }

    [Fact]
    public async Task A_client_that_declares_elicitation_and_never_answers_gets_a_bounded_wait()
    {
        await using var client = await ClientAsync("2025-11-25", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new ElicitResult();
        }, new Dictionary<string, string?> { ["Confirmation__Timeout"] = "00:00:02" });

        var output = await server.CallAsync("update_project", new { organizationSlug = "acme", projectSlug = "mobile-app", slug = "mobile-2" }, client);

        Assert.True(output.IsError);
        Assert.Contains("got no answer within 2s", output.Text);
        Assert.False(await SlugChangeReachedSentryAsync("mobile-app"));
        Assert.Contains("Jane Doe", (await server.CallAsync("whoami", client: client)).Text);
    }

    [Fact]
    public async Task A_declined_seer_analysis_is_never_started()
    {
        await using var client = await ClientAsync("2026-07-28", (_, _) => Task.FromResult(new ElicitResult { Action = "decline" }));

        var output = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.DbLockedShortId }, client);

        Assert.StartsWith("**Not done**: the user declined the confirmation to start a Seer analysis", output.Text);
        Assert.Contains("Seer budget", Assert.Single(_asked).Message);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Method == "POST" && r.Path.EndsWith("/autofix/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmed_seer_analysis_starts_and_an_existing_one_needs_no_confirmation()
    {
        await using var client = await ClientAsync("2025-11-25", (_, _) => Task.FromResult(Accept(true)));

        var existing = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId }, client);
        Assert.Empty(_asked);
        var started = await server.CallAsync("analyze_issue_with_seer", new { organizationSlug = "acme", issueId = DemoIds.UndefinedMapShortId }, client);

        Assert.Contains("Found an existing Seer analysis", existing.Text);
        Assert.Contains("Started a new Seer analysis", started.Text);
        Assert.Single(_asked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("confirm:0123456789abcdef0123456789abcdef")]
    public async Task An_answer_that_was_not_given_to_this_question_does_not_count(string? requestState)
    {
        await using var wire = WireClient.Start(server);
        var parameters = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "update_project",
            ["arguments"] = new System.Text.Json.Nodes.JsonObject { ["organizationSlug"] = "acme", ["projectSlug"] = "mobile-app", ["slug"] = "mobile-approved" },
            ["inputResponses"] = new System.Text.Json.Nodes.JsonObject
            {
                ["confirm"] = new System.Text.Json.Nodes.JsonObject { ["action"] = "accept", ["content"] = new System.Text.Json.Nodes.JsonObject { ["confirm"] = true } },
            },
        };
        if (requestState is not null)
        {
            parameters["requestState"] = requestState;
        }

        var (response, _) = await wire.RequestAsync("tools/call", parameters);

        var result = response.GetProperty("result");
        Assert.Equal("input_required", result.GetProperty("resultType").GetString());
        Assert.Contains("Change the slug of project mobile-app", result.GetProperty("inputRequests").GetProperty("confirm").ToString());
        Assert.False(await SlugChangeReachedSentryAsync("mobile-app"));
    }
}
