using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Prompts;

public sealed class PromptsAndResourcesTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Prompts_list_shows_find_errors_in_file_with_its_arguments()
    {
        var prompts = await server.Client.ListPromptsAsync();

        var prompt = Assert.Single(prompts, p => p.Name == "find_errors_in_file");
        var arguments = prompt.ProtocolPrompt.Arguments!;
        Assert.Equal(["filename", "organizationSlug"], arguments.Select(a => a.Name).Order());
        Assert.All(arguments, a => Assert.True(a.Required));
        Assert.All(arguments, a => Assert.False(string.IsNullOrWhiteSpace(a.Description)));
    }

    [Fact]
    public async Task Find_errors_in_file_renders_the_file_and_organization_into_instructions()
    {
        var result = await server.Client.GetPromptAsync("find_errors_in_file",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["filename"] = "app/views/users.py" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;
        Assert.Contains("`app/views/users.py`", text);
        Assert.Contains("`acme`", text);
        Assert.Contains("search_issues", text);
        Assert.Contains("search_events", text);
        Assert.Contains("stack.filename:*app/views/users.py", text);
    }

    [Fact]
    public async Task Prompt_without_a_required_argument_is_refused()
    {
        await Assert.ThrowsAnyAsync<McpException>(() => server.Client.GetPromptAsync("find_errors_in_file",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme" }).AsTask());
    }

    [Fact]
    public async Task Organization_constrained_session_fills_in_the_prompt_organization()
    {
        await using var client = await server.StartClientAsync(["--organization-slug=acme-labs"], SandboxOptions.DefaultToken);

        var prompt = Assert.Single(await client.ListPromptsAsync(), p => p.Name == "find_errors_in_file");
        var result = await client.GetPromptAsync("find_errors_in_file", new Dictionary<string, object?> { ["filename"] = "OrderList.tsx" });

        Assert.Equal(["filename"], prompt.ProtocolPrompt.Arguments!.Select(a => a.Name));
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;
        Assert.Contains("`acme-labs`", text);
        Assert.Contains("`OrderList.tsx`", text);
    }

    [Fact]
    public async Task About_resource_is_listed_and_describes_the_server()
    {
        var resources = await server.Client.ListResourcesAsync();
        var about = Assert.Single(resources, r => r.Uri == "sentry://about");
        Assert.Equal("text/markdown", about.MimeType);

        var result = await server.Client.ReadResourceAsync("sentry://about");

        var content = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("text/markdown", content.MimeType);
        Assert.StartsWith("# Sentry MCP", content.Text);
        Assert.Contains("`search_docs`", content.Text);
        Assert.Contains("`find_organizations`", content.Text);
        Assert.Contains("## Authentication", content.Text);
        Assert.Contains("--access-token", content.Text);
        Assert.Contains(server.SandboxUri.ToString().TrimEnd('/'), content.Text);
    }

    [Fact]
    public async Task Docs_resource_templates_are_listed()
    {
        var templates = await server.Client.ListResourceTemplatesAsync();

        Assert.Contains(templates, t => t.UriTemplate == "sentry-docs://platform/{platform}" && t.MimeType == "text/markdown");
        Assert.Contains(templates, t => t.UriTemplate == "sentry-docs://platform/{platform}/guide/{guide}");
    }

    [Theory]
    [InlineData("sentry-docs://platform/python", "# Python", "pip install --upgrade sentry-sdk")]
    [InlineData("sentry-docs://platform/react-native", "# React Native", "Sentry.wrap(App)")]
    [InlineData("sentry-docs://platform/python/guide/django", "# Django", "DjangoIntegration")]
    [InlineData("sentry-docs://platform/dotnet/guide/aspnetcore", "# ASP.NET Core", "UseSentry")]
    public async Task Docs_templates_read_the_platform_and_guide_pages(string uri, string heading, string expected)
    {
        var result = await server.Client.ReadResourceAsync(uri);

        var content = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal(uri, content.Uri);
        Assert.StartsWith(heading, content.Text);
        Assert.Contains(expected, content.Text);
    }

    [Theory]
    [InlineData("sentry-docs://platform/cobol", "no page")]
    [InlineData("sentry-docs://platform/python/guide/..%2F..%2Fsecret", "Invalid guide")]
    [InlineData("sentry-docs://platform/%2E%2E", "Invalid platform")]
    public async Task Docs_templates_refuse_unknown_and_unsafe_names(string uri, string expected)
    {
        var ex = await Assert.ThrowsAnyAsync<McpException>(() => server.Client.ReadResourceAsync(uri).AsTask());

        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Path.Contains("secret", StringComparison.Ordinal));
    }
}
