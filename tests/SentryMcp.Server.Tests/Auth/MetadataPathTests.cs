using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SentryMcp.Server.Tests.Auth;

public sealed class MetadataPathTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Theory]
    [InlineData(".well-known/oauth-authorization-server/mcp")]
    [InlineData(".well-known/oauth-authorization-server/mcp/acme")]
    [InlineData(".well-known/oauth-authorization-server/mcp/acme/frontend")]
    [InlineData(".well-known/openid-configuration/mcp")]
    [InlineData(".well-known/openid-configuration/mcp/acme/frontend")]
    [InlineData("mcp/.well-known/openid-configuration")]
    [InlineData("mcp/acme/.well-known/openid-configuration")]
    public async Task Path_insertion_forms_serve_the_same_authorization_server_metadata_cross_origin(string path)
    {
        var root = await server.Http.GetFromJsonAsync<JsonElement>(".well-known/oauth-authorization-server");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://inspector.example");

        var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(root.GetProperty("issuer").GetString(), document.GetProperty("issuer").GetString());
        Assert.Equal(root.GetProperty("authorization_endpoint").GetString(), document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(root.GetProperty("registration_endpoint").GetString(), document.GetProperty("registration_endpoint").GetString());
    }

    [Fact]
    public async Task The_root_metadata_is_readable_cross_origin_and_preflights_succeed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, ".well-known/oauth-authorization-server/mcp");
        request.Headers.Add("Origin", "https://inspector.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        using var get = new HttpRequestMessage(HttpMethod.Get, ".well-known/oauth-authorization-server");
        get.Headers.Add("Origin", "https://inspector.example");

        var preflight = await server.Http.SendAsync(request);
        var document = await server.Http.SendAsync(get);

        Assert.True(preflight.IsSuccessStatusCode, $"Preflight answered {(int)preflight.StatusCode}");
        Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("*", document.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData(".well-known/oauth-authorization-server/other")]
    [InlineData(".well-known/oauth-authorization-server/mcp/a/b/c")]
    public async Task Other_paths_under_the_metadata_name_are_not_metadata(string path)
    {
        var response = await server.Http.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)response.StatusCode < 500);
    }
}
