using System.Text.Json;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>
/// The chat's OAuth client for our own authorization server, over HTTP like any other client:
/// code exchange (PKCE), refresh and revocation.
/// </summary>
public sealed class ChatOAuthClient(IHttpClientFactory factory, TimeProvider clock, ILogger<ChatOAuthClient> logger)
{
    public const string HttpClientName = "chat-oauth";

    /// <summary>Null when the authorization server refused the code.</summary>
    public Task<ChatTokens?> ExchangeCodeAsync(string selfUrl, string code, string verifier, string redirectUri, CancellationToken ct) =>
        TokenRequestAsync(selfUrl,
        [
            new("grant_type", "authorization_code"), new("code", code), new("code_verifier", verifier),
            new("redirect_uri", redirectUri), new("client_id", FirstPartyClient.ClientId),
        ], ct);

    /// <summary>Null when the refresh token or the grant behind it is dead.</summary>
    public Task<ChatTokens?> RefreshAsync(string selfUrl, string refreshToken, CancellationToken ct) =>
        TokenRequestAsync(selfUrl,
        [
            new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", FirstPartyClient.ClientId),
        ], ct);

    /// <summary>Best effort: a failure leaves a token that dies with its grant anyway.</summary>
    public async Task RevokeAsync(string selfUrl, string token, CancellationToken ct)
    {
        try
        {
            using var response = await factory.CreateClient(HttpClientName).PostAsync(selfUrl + "/oauth/revoke", new FormUrlEncodedContent(
                [new("token", token), new("client_id", FirstPartyClient.ClientId)]), ct);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Revoking a chat token failed");
        }
    }

    private async Task<ChatTokens?> TokenRequestAsync(string selfUrl, IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        using var response = await factory.CreateClient(HttpClientName).PostAsync(selfUrl + "/oauth/token", new FormUrlEncodedContent(form), ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = json.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
            if ((int)response.StatusCode >= 500)
            {
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
            logger.LogInformation("The authorization server refused a chat token request: {Error}", error);
            return null;
        }
        var expiresIn = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 3600;
        return new ChatTokens(root.GetProperty("access_token").GetString()!, root.GetProperty("refresh_token").GetString()!,
            clock.GetUtcNow().AddSeconds(expiresIn));
    }
}
