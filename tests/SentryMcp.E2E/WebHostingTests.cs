using System.Net;
using System.Text.Json;

namespace SentryMcp.E2E;

[Collection(WebCollection.Name)]
public sealed class WebHostingTests(WebAppFixture app)
{
    [Fact]
    public async Task Index_is_never_cached_and_carries_a_page_csp_without_inline_scripts()
    {
        using var response = await app.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_compressed()
    {
        var html = await app.Http.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/chat")]
    [InlineData("/some/deep/link")]
    public async Task Client_routes_fall_back_to_the_app(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/does-not-exist")]
    [InlineData("/oauth/does-not-exist")]
    [InlineData("/.well-known/does-not-exist")]
    [InlineData("/mcp/acme/web/extra/segments")]
    public async Task Api_prefixes_keep_their_problem_details_404(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("NOT_FOUND", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_not_the_app()
    {
        using var response = await app.Http.GetAsync("/assets/missing-0000.js");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
