using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Talks to Sentry about a grant's credentials: refresh (<c>/oauth/token/</c>), probe
/// (<c>/api/0/auth/</c>) and revoke (<c>/oauth/revoke/</c>, RFC 7009).
/// </summary>
public sealed class SentryTokenClient(IHttpClientFactory http, IOptions<SentryHostOptions> server, IOptions<AuthOptions> auth, TimeProvider clock, ILogger<SentryTokenClient> logger)
{
    public const string HttpClientName = "sentry-oauth";

    public enum ProbeResult { Valid, Rejected, Unknown }

    /// <summary>New credentials, or null when Sentry refused or could not be reached.</summary>
    public async Task<SentryCredentials?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = auth.Value.SentryClientId ?? "",
            ["client_secret"] = auth.Value.SentryClientSecret ?? "",
        };
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(new Uri(server.Value.SentryHost.BaseUri, "oauth/token/"), new FormUrlEncodedContent(form), ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Sentry refused to refresh a token: HTTP {Status}", (int)response.StatusCode);
                return null;
            }
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = document.RootElement;
            var access = root.TryGetProperty("access_token", out var a) ? a.GetString() : null;
            if (string.IsNullOrEmpty(access))
            {
                return null;
            }
            var refresh = root.TryGetProperty("refresh_token", out var r) ? r.GetString() : null;
            DateTimeOffset? expires = root.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds)
                ? clock.GetUtcNow().AddSeconds(seconds)
                : null;
            return new SentryCredentials(access, refresh ?? refreshToken, expires);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Refreshing a Sentry token failed: {Error}", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Revokes a grant's Sentry token at Sentry, best effort: a revoked grant is dead here whatever
    /// Sentry answers. Sentry's token row holds both tokens, so revoking the refresh token ends both.
    /// </summary>
    public async Task RevokeAsync(SentryCredentials credentials, CancellationToken ct)
    {
        var (token, hint) = credentials.RefreshToken is { } refresh ? (refresh, "refresh_token") : (credentials.AccessToken, "access_token");
        var form = new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = hint,
            ["client_id"] = auth.Value.SentryClientId ?? "",
            ["client_secret"] = auth.Value.SentryClientSecret ?? "",
        };
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(new Uri(server.Value.SentryHost.BaseUri, "oauth/revoke/"), new FormUrlEncodedContent(form), ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Sentry did not revoke a token: HTTP {Status}", (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Revoking a token at Sentry failed: {Error}", ex.GetType().Name);
        }
    }

    public async Task<ProbeResult> ProbeAsync(string accessToken, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Value.SentryHost.BaseUri, "api/0/auth/"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode ? ProbeResult.Valid
                : (int)response.StatusCode is 401 or 403 ? ProbeResult.Rejected
                : ProbeResult.Unknown;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ProbeResult.Unknown;
        }
    }
}
