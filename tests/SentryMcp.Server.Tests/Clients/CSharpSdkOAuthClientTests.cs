using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SentryMcp.Server.Tests.Auth;

namespace SentryMcp.Server.Tests.Clients;

/// <summary>
/// The C# SDK's own OAuth client (<c>ClientOAuthOptions</c>) against the real host: it discovers the
/// authorization server from the 401, registers dynamically, sends the user through consent and the
/// sandbox's Sentry sign-in, exchanges the code with PKCE, calls tools and refreshes. The SDK checks the
/// issuer strictly (RFC 8414 §3.3, RFC 9207), so this fails if the metadata documents disagree.
/// </summary>
public sealed class CSharpSdkOAuthClientTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    private const string RedirectUri = "http://127.0.0.1:53682/callback";

    [Fact]
    public async Task The_sdk_client_signs_in_calls_tools_and_refreshes_its_token()
    {
        using var browser = server.NewBrowser();
        var cache = new InspectableTokenCache();
        var authorizations = 0;
        using var http = new HttpClient();
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(server.BaseUri, "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                RedirectUri = new Uri(RedirectUri),
                DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "C# SDK client" },
                TokenCache = cache,
                // The user's part: the consent page and the Sentry sign-in, driven over HTTP.
                AuthorizationCallbackHandler = async (context, _) =>
                {
                    authorizations++;
                    Assert.StartsWith(RedirectUri, context.RedirectUri.ToString());
                    var query = await browser.AuthorizeAsync(context.AuthorizationUri.ToString());
                    return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query.GetValueOrDefault("iss") };
                },
            },
        }, http);

        await using var client = await McpClient.CreateAsync(transport);
        var tools = await client.ListToolsAsync();
        var whoami = await client.CallToolAsync("whoami");

        Assert.Equal(1, authorizations);
        Assert.Contains(tools, t => t.Name == "find_organizations");
        Assert.NotEqual(true, whoami.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)whoami.Content[0]).Text);
        var first = cache.Current!;
        Assert.False(string.IsNullOrEmpty(first.RefreshToken));

        // Let the access token expire in the client's eyes: its next request refreshes first.
        cache.Expire();
        var afterRefresh = await client.CallToolAsync("whoami");

        Assert.NotEqual(true, afterRefresh.IsError);
        Assert.Contains("Jane Doe", ((TextContentBlock)afterRefresh.Content[0]).Text);
        Assert.Equal(1, authorizations);
        var second = cache.Current!;
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
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
