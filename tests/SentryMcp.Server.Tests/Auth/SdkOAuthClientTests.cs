using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>
/// The C# SDK's own OAuth client (<c>ClientOAuthOptions</c>) against the real host: discovery from the
/// 401 with its strict issuer check (RFC 8414 §3.3, RFC 9207), registration, consent and the sandbox's
/// Sentry sign-in, PKCE, refresh; step-up after insufficient_scope; a Client ID Metadata Document
/// instead of registration.
/// </summary>
public sealed class SdkOAuthClientTests(ClientMetadataFixture server) : IClassFixture<ClientMetadataFixture>
{
    private const string Redirect = "http://127.0.0.1:53682/callback";

    [Fact]
    public async Task The_sdk_client_signs_in_read_only_then_steps_up_when_a_triage_tool_needs_it()
    {
        using var browser = server.NewBrowser();
        var pages = new List<(string Scope, string Html)>();
        await using var mcp = await ConnectAsync(browser, pages, metadataDocument: null);

        var tools = await mcp.ListToolsAsync();
        var call = await mcp.CallToolAsync("update_issue",
            new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["issueId"] = "API-BACKEND-1", ["status"] = "resolved" });

        Assert.DoesNotContain(tools, t => t.Name == "update_issue");
        Assert.NotEqual(true, call.IsError);
        Assert.Equal(2, pages.Count);
        Assert.Equal(["sentry:read"], OurScopes(pages[0].Scope));
        Assert.Equal(["sentry:read", "sentry:triage"], OurScopes(pages[1].Scope));
        Assert.Contains("data-testid=\"new-IssueTriage\"", pages[1].Html);
    }

    [Fact]
    public async Task The_sdk_client_uses_its_metadata_document_url_as_client_id()
    {
        using var browser = server.NewBrowser();
        var pages = new List<(string Scope, string Html)>();
        await using var mcp = await ConnectAsync(browser, pages, new Uri(server.Url("good.json")));

        var whoami = await mcp.CallToolAsync("whoami");

        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
        Assert.Contains("Metadata Client (127.0.0.1)", Assert.Single(pages).Html);
    }

    [Fact]
    public async Task The_sdk_client_signs_in_calls_tools_and_refreshes_its_token()
    {
        using var browser = server.NewBrowser();
        var pages = new List<(string Scope, string Html)>();
        var cache = new InspectableTokenCache();
        await using var mcp = await ConnectAsync(browser, pages, metadataDocument: null, cache);

        var tools = await mcp.ListToolsAsync();
        var whoami = await mcp.CallToolAsync("whoami");

        Assert.Single(pages);
        Assert.Contains(tools, t => t.Name == "find_organizations");
        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
        var first = cache.Current!;
        Assert.False(string.IsNullOrEmpty(first.RefreshToken));

        // Let the access token expire in the client's eyes: its next request refreshes first.
        cache.Expire();
        var afterRefresh = await mcp.CallToolAsync("whoami");

        Assert.NotEqual(true, afterRefresh.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)afterRefresh.Content[0]).Text);
        Assert.Single(pages);
        var second = cache.Current!;
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
    }

    /// <summary>The scopes asked for, without offline_access (the SDK adds it when the server offers refresh tokens).</summary>
    private static IEnumerable<string> OurScopes(string scope) => scope.Split(' ').Where(s => s != "offline_access").Order();

    private async Task<McpClient> ConnectAsync(OAuthBrowser browser, List<(string Scope, string Html)> pages, Uri? metadataDocument, ITokenCache? cache = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(server.BaseUri, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                RedirectUri = new Uri(Redirect),
                ClientMetadataDocumentUri = metadataDocument,
                DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "SDK client" },
                TokenCache = cache,
                AuthorizationCallbackHandler = (context, _) => SignInAsync(browser, context.AuthorizationUri, pages),
            },
        });
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>The user in the browser: approves what the client asks for, signs in at the sandbox.</summary>
    private async Task<AuthorizationResult?> SignInAsync(OAuthBrowser browser, Uri authorizationUri, List<(string Scope, string Html)> pages)
    {
        var scope = QueryHelpers.ParseQuery(authorizationUri.Query)["scope"].ToString();
        var page = await browser.FollowAsync(await browser.GetAsync(authorizationUri.ToString()));
        pages.Add((scope, await page.Content.ReadAsStringAsync()));
        var groups = scope.Split(' ').Contains("sentry:triage") ? new[] { ("group", "IssueTriage") } : [];
        var signIn = page.RequestMessage!.RequestUri!.Authority == server.BaseUri.Authority
            ? await browser.FollowAsync(await browser.SubmitFormAsync(page, [("decision", "approve"), .. groups]))
            : page;
        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "allow"))));
        return new AuthorizationResult { Code = result["code"], State = result.GetValueOrDefault("state"), Iss = result.GetValueOrDefault("iss") };
    }

    /// <summary>The SDK's token store, kept where the test can read it and age it.</summary>
    private sealed class InspectableTokenCache : ITokenCache
    {
        public TokenContainer? Current { get; private set; }

        public void Expire()
        {
            var tokens = Current!;
            Current = new TokenContainer
            {
                TokenType = tokens.TokenType,
                AccessToken = tokens.AccessToken,
                RefreshToken = tokens.RefreshToken,
                ExpiresIn = tokens.ExpiresIn ?? 3600,
                Scope = tokens.Scope,
                ObtainedAt = DateTimeOffset.UtcNow.AddDays(-1),
                ClientId = tokens.ClientId,
                ClientSecret = tokens.ClientSecret,
                TokenEndpointAuthMethod = tokens.TokenEndpointAuthMethod,
                AuthorizationServer = tokens.AuthorizationServer,
            };
        }

        public ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
        {
            Current = tokens;
            return ValueTask.CompletedTask;
        }

        public ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);
    }
}
