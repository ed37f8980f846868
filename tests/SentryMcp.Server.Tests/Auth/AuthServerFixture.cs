using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>
/// The real host against a sandbox of its own (started first, so it outlives host restarts),
/// configured as a real deployment: Sentry host and OAuth client credentials.
/// </summary>
public class AuthServerFixture : ServerFixture
{
    public WebApplication Sandbox { get; private set; } = null!;
    public Uri SandboxUri { get; private set; } = null!;
    public HttpClient SandboxHttp { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sentry:Host"] = SandboxUri.ToString().TrimEnd('/'),
        ["SENTRY_CLIENT_ID"] = SandboxOptions.OAuthClientId,
        ["SENTRY_CLIENT_SECRET"] = SandboxOptions.OAuthClientSecret,
        // Long enough that a loaded machine never outruns it; tests move the host's clock past it.
        ["Auth:RefreshTokenReuseLeeway"] = "00:05:00",
        ["Auth:RegistrationsPerHourPerIp"] = "1000",
    };

    public override async Task InitializeAsync()
    {
        (Sandbox, SandboxUri) = await SandboxApp.StartAsync();
        SandboxHttp = new HttpClient { BaseAddress = SandboxUri };
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SandboxHttp.Dispose();
        await Sandbox.StopAsync();
        await Sandbox.DisposeAsync();
    }

    public OAuthBrowser NewBrowser() => new(this);

    public async Task<McpClient> ConnectWithBearerAsync(string accessToken, string path = "mcp")
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(BaseUri, path),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + accessToken },
        });
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>A raw MCP initialize request with a bearer token.</summary>
    public async Task<HttpResponseMessage> PostMcpAsync(string accessToken, string path = "mcp")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return await Http.SendAsync(request);
    }

    public async Task<int> SandboxTokenRequestsAsync()
    {
        var json = await SandboxHttp.GetFromJsonAsync<JsonElement>("__sandbox/oauth");
        return json.GetProperty("tokenRequests").GetInt32();
    }

    public async Task AddSandboxFaultAsync(FaultRule rule) =>
        (await SandboxHttp.PostAsJsonAsync("__sandbox/faults", rule, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })).EnsureSuccessStatusCode();
}
