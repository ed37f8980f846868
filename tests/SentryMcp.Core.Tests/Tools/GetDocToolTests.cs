using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetDocToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Get_doc_returns_the_page_as_markdown_with_its_address()
    {
        var output = await server.CallAsync("get_doc", new { path = "/platforms/python/guides/django.md" });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith("# Documentation Content", output.Text);
        Assert.Contains("# Django", output.Text);
        Assert.Contains("DjangoIntegration(transaction_style=\"url\"", output.Text);
        Assert.Contains($"**URL**: {server.SandboxUri}platforms/python/guides/django", output.Text);
        Assert.Contains("# Using this information", output.Text);
    }

    [Theory]
    [InlineData("platforms/dotnet/guides/aspnetcore.md")]
    [InlineData("/platforms/dotnet/guides/aspnetcore")]
    [InlineData("/platforms/dotnet/guides/aspnetcore/")]
    public async Task Get_doc_accepts_paths_without_slash_or_extension(string path)
    {
        var output = await server.CallAsync("get_doc", new { path });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("# ASP.NET Core", output.Text);
        Assert.Contains("**Path**: `/platforms/dotnet/guides/aspnetcore.md`", output.Text);
    }

    [Fact]
    public async Task Get_doc_accepts_a_page_url_on_the_docs_site()
    {
        var output = await server.CallAsync("get_doc", new { path = $"{server.SandboxUri}platforms/react-native/#configure" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("# React Native", output.Text);
        Assert.Contains("Sentry.wrap(App)", output.Text);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/platforms/../../secret.md")]
    [InlineData("/platforms/python/..")]
    [InlineData("%2e%2e/secret.md")]
    [InlineData("/platforms/..%2fsecret.md")]
    [InlineData("/platforms%2f..%2fsecret.md")]
    [InlineData("platforms\\..\\secret.md")]
    [InlineData("https://evil.example.com/platforms/python.md")]
    [InlineData("//evil.example.com/platforms/python.md")]
    [InlineData("http://127.0.0.1:1/platforms/python.md")]
    [InlineData("http://user@evil.example.com/platforms/python.md")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/platforms/python.md?redirect=https://evil.example.com")]
    [InlineData("/platforms/python\n.md")]
    public async Task Get_doc_refuses_traversal_other_hosts_and_schemes(string path)
    {
        var output = await server.CallAsync("get_doc", new { path });

        Assert.True(output.IsError, output.Text);
        Assert.Contains("Input Error", output.Text);
        Assert.DoesNotContain(await server.RequestsAsync(), r => r.Path.Contains("secret", StringComparison.Ordinal) || r.Path.Contains("passwd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_doc_for_a_foreign_absolute_url_names_the_allowed_host()
    {
        var output = await server.CallAsync("get_doc", new { path = "https://evil.example.com/platforms/python.md" });

        Assert.True(output.IsError);
        Assert.Contains(server.SandboxUri.Authority, output.Text);
        Assert.Contains("evil.example.com", output.Text);
    }

    [Fact]
    public async Task Get_doc_for_an_unknown_page_says_it_was_not_found()
    {
        var output = await server.CallAsync("get_doc", new { path = "/platforms/cobol.md" });

        Assert.True(output.IsError);
        Assert.Contains("not found", output.Text);
        Assert.Contains("/platforms/cobol.md", output.Text);
        Assert.Contains("search_docs", output.Text);
    }

    [Fact]
    public async Task Get_doc_without_a_path_is_an_input_error()
    {
        var missing = await server.CallAsync("get_doc");
        var blank = await server.CallAsync("get_doc", new { path = "  " });

        Assert.True(missing.IsError);
        Assert.True(blank.IsError);
        Assert.Contains("'path' parameter is required", blank.Text);
    }

    [Fact]
    public async Task Get_doc_when_the_docs_site_fails_reports_the_status()
    {
        await server.AddFaultAsync(new FaultRule(FaultKind.Status, PathPrefix: "/product/releases.md", Count: 1, Status: 500));

        var output = await server.CallAsync("get_doc", new { path = "/product/releases.md" });

        Assert.True(output.IsError);
        Assert.Contains("Sentry Docs Error", output.Text);
        Assert.Contains("HTTP 500", output.Text);
    }
}
