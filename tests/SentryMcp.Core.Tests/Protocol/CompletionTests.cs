using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Core.Tests.Protocol;

public sealed class CompletionTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private static readonly PromptReference FindErrors = new() { Name = "find_errors_in_file" };
    private static readonly PromptReference FixIssue = new() { Name = "fix_issue_with_seer" };
    private static readonly ResourceTemplateReference PlatformDocs = new() { Uri = "sentry-docs://platform/{platform}" };

    private Task<CompleteResult> CompleteAsync(Reference reference, string argument, string value, Dictionary<string, string>? context = null) =>
        server.Client.CompleteAsync(new CompleteRequestParams
        {
            Ref = reference,
            Argument = new Argument { Name = argument, Value = value },
            Context = context is null ? null : new CompleteContext { Arguments = context },
        }).AsTask();

    [Fact]
    public async Task The_server_declares_completions()
    {
        Assert.NotNull(server.Client.ServerCapabilities.Completions);
    }

    [Fact]
    public async Task Organization_slugs_complete_from_the_callers_organizations()
    {
        var all = await CompleteAsync(FindErrors, "organizationSlug", "");
        var labs = await CompleteAsync(FindErrors, "organizationSlug", "acme-l");

        Assert.Equal(["acme", "acme-labs"], all.Completion.Values.Order());
        Assert.Equal(2, all.Completion.Total);
        Assert.False(all.Completion.HasMore);
        Assert.Equal(["acme-labs"], labs.Completion.Values);
    }

    [Fact]
    public async Task Issue_ids_complete_from_the_organizations_unresolved_issues()
    {
        var result = await CompleteAsync(FixIssue, "issueId", "api-backend", new() { ["organizationSlug"] = "acme" });

        Assert.NotEmpty(result.Completion.Values);
        Assert.All(result.Completion.Values, v => Assert.StartsWith("API-BACKEND-", v));
        Assert.Contains("API-BACKEND-1", result.Completion.Values);
        Assert.Equal(result.Completion.Values.Count, result.Completion.Total);
    }

    [Fact]
    public async Task Platforms_complete_from_the_callers_projects_for_the_docs_template()
    {
        var result = await CompleteAsync(PlatformDocs, "platform", "py");

        Assert.Equal(["python", "python-django"], result.Completion.Values.Order());
    }

    [Fact]
    public async Task An_argument_without_a_sentry_list_completes_to_nothing()
    {
        var result = await CompleteAsync(FindErrors, "filename", "users");

        Assert.Empty(result.Completion.Values);
        Assert.False(result.Completion.HasMore);
    }

    [Fact]
    public async Task Completions_are_cached_for_the_caller_instead_of_asking_sentry_per_keystroke()
    {
        await CompleteAsync(FixIssue, "issueId", "", new() { ["organizationSlug"] = "acme-labs" });
        var before = (await server.RequestsAsync()).Count(r => r.Path == "/api/0/organizations/acme-labs/issues/");

        foreach (var typed in new[] { "p", "pr", "pro" })
        {
            await CompleteAsync(FixIssue, "issueId", typed, new() { ["organizationSlug"] = "acme-labs" });
        }

        var after = (await server.RequestsAsync()).Count(r => r.Path == "/api/0/organizations/acme-labs/issues/");
        Assert.Equal(1, before);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("test_prompt_with_arguments", "arg1", "Unknown prompt")]
    [InlineData("find_errors_in_file", "projectSlug", "has no argument 'projectSlug'")]
    public async Task Unknown_prompts_and_arguments_are_invalid_params(string prompt, string argument, string message)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CompleteAsync(new PromptReference { Name = prompt }, argument, "x"));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task An_unknown_resource_template_is_invalid_params()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() =>
            CompleteAsync(new ResourceTemplateReference { Uri = "test://template/{id}/data" }, "id", "1"));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("Unknown resource template", error.Message);
    }

    [Fact]
    public async Task A_huge_value_is_invalid_params_and_never_reaches_sentry()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CompleteAsync(FindErrors, "organizationSlug", new string('a', 100_000)));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("at most 200", error.Message);
        Assert.Equal(["acme", "acme-labs"], (await CompleteAsync(FindErrors, "organizationSlug", "")).Completion.Values.Order());
    }

    [Fact]
    public async Task Issue_ids_without_an_organization_are_invalid_params()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CompleteAsync(FixIssue, "issueId", "API"));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("organizationSlug", error.Message);
    }

    [Fact]
    public async Task An_unknown_organization_in_the_context_is_invalid_params()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CompleteAsync(FixIssue, "issueId", "", new() { ["organizationSlug"] = "no-such-org" }));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("no-such-org", error.Message);
    }
}

public sealed class MalformedCompletionTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Theory]
    [InlineData("""{"ref":{"type":"ref/unknown","name":"x"},"argument":{"name":"a","value":"b"}}""", "'ref' must be")]
    [InlineData("""{"ref":{"type":"ref/prompt"},"argument":{"name":"a","value":"b"}}""", "'ref' must be")]
    [InlineData("""{"ref":{"type":"ref/prompt","name":"find_errors_in_file"}}""", "'argument' must be")]
    [InlineData("""{"ref":{"type":"ref/prompt","name":"find_errors_in_file"},"argument":{"name":"filename","value":42}}""", "'argument' must be")]
    [InlineData("""{"ref":{"type":"ref/prompt","name":"fix_issue_with_seer"},"argument":{"name":"issueId","value":""},"context":{"arguments":{"organizationSlug":7}}}""", "'context.arguments'")]
    public async Task A_malformed_completion_request_is_invalid_params_naming_the_problem(string parameters, string message)
    {
        var request = new JsonRpcRequest { Method = RequestMethods.CompletionComplete, Params = System.Text.Json.Nodes.JsonNode.Parse(parameters) };

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.SendRequestAsync(request));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains(message, error.Message);
        Assert.Contains("acme", (await server.Client.CompleteAsync(new PromptReference { Name = "find_errors_in_file" }, "organizationSlug", "")).Completion.Values);
    }
}
