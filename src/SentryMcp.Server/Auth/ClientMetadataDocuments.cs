using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Client ID Metadata Documents (MCP 2025-11-25 authorization): a client may use an https URL as its
/// <c>client_id</c>. Before OpenIddict validates an authorization, token or revocation request with
/// such an id, the document is fetched (<see cref="ClientMetadataFetcher"/>), validated with the
/// registration rules (redirect URIs by <see cref="RedirectUris"/>; public clients only) and stored
/// as an OpenIddict application with that client id, so the rest of the flow is the one every
/// client takes. Documents are cached as their Cache-Control says, within bounds; failures briefly.
/// </summary>
public sealed class ClientMetadataDocuments(ClientMetadataFetcher fetcher, IMemoryCache cache, IOptions<AuthOptions> options,
    Security.IRateLimitStore limits, TimeProvider clock, ILogger<ClientMetadataDocuments> logger)
{
    public const string SourceProperty = "client_id_metadata_document";

    /// <summary>OpenIddict keeps client ids in a 100-character column.</summary>
    public const int MaxUrlLength = 100;

    private static readonly TimeSpan MinCacheTime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan DefaultCacheTime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxCacheTime = TimeSpan.FromHours(24);
    private static readonly TimeSpan FailureCacheTime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _fetches = new(16, 16);

    private sealed record Outcome(string? Problem);

    /// <summary>True for client ids this feature handles: absolute http(s) URLs (DCR ids and the chat's id are not).</summary>
    public static bool IsDocumentUrl(string? clientId) =>
        clientId is not null && (clientId.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || clientId.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Makes sure an application exists for the document at <paramref name="clientId"/>; returns why not, or null.</summary>
    /// <param name="clientAddress">Who asked: fetches (cache misses) count against the per-IP registration limit,
    /// as each stored document is a registration.</param>
    public async Task<string?> EnsureApplicationAsync(string clientId, string clientAddress, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        if (clientId.Length > MaxUrlLength || !Uri.TryCreate(clientId, UriKind.Absolute, out var url))
        {
            return $"client_id URLs must be absolute and at most {MaxUrlLength} characters.";
        }
        if (fetcher.UrlProblem(url) is { } urlProblem)
        {
            return urlProblem;
        }
        var key = "cimd:" + clientId;
        if (cache.TryGetValue(key, out Outcome? cached) && (cached!.Problem is not null || await applications.FindByClientIdAsync(clientId, ct) is not null))
        {
            return cached.Problem;
        }
        if (await limits.TryAcquireAsync("client-metadata:" + clientAddress, options.Value.RegistrationsPerHourPerIp, TimeSpan.FromHours(1), ct) is not null)
        {
            Security.RateLimits.CountRejection("client-metadata");
            return "too many client metadata documents were fetched for this address; try again later.";
        }
        if (!await _fetches.WaitAsync(options.Value.ClientMetadataTimeout, ct))
        {
            return "too many client metadata documents are being fetched; try again shortly.";
        }
        try
        {
            var fetched = await fetcher.FetchAsync(url, ct);
            var descriptor = Describe(clientId, url, fetched.Document);
            await StoreAsync(applications, descriptor, ct);
            var lifetime = Clamp(fetched.MaxAge ?? DefaultCacheTime);
            cache.Set(key, new Outcome(null), lifetime);
            return null;
        }
        catch (ClientMetadataException ex)
        {
            logger.LogInformation("Client metadata document {Url} refused: {Reason}", clientId, ex.Message);
            cache.Set(key, new Outcome(ex.Message), FailureCacheTime);
            return ex.Message;
        }
        finally
        {
            _fetches.Release();
        }
    }

    private static TimeSpan Clamp(TimeSpan value) => value < MinCacheTime ? MinCacheTime : value > MaxCacheTime ? MaxCacheTime : value;

    private OpenIddictApplicationDescriptor Describe(string clientId, Uri url, JsonElement document)
    {
        if (!document.TryGetProperty("client_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() != clientId)
        {
            throw new ClientMetadataException("the document's client_id is not its own URL.");
        }
        if (document.TryGetProperty("client_secret", out _) || document.TryGetProperty("client_secret_expires_at", out _))
        {
            throw new ClientMetadataException("the document must not contain a client secret.");
        }
        var metadata = ClientMetadata.Parse(document, options.Value.AllowedCustomSchemes, out var problem)
            ?? throw new ClientMetadataException(problem!.Value.Description);
        var authMethod = document.TryGetProperty("token_endpoint_auth_method", out _) ? metadata.AuthMethod : "none";
        if (authMethod != "none" || metadata.GrantTypes.Except([GrantTypes.AuthorizationCode, GrantTypes.RefreshToken]).Any() ||
            metadata.ResponseTypes.Any(r => r != ResponseTypes.Code))
        {
            throw new ClientMetadataException("supported: public clients (token_endpoint_auth_method none) with grant_types authorization_code and refresh_token, response_types code.");
        }
        // The name is the document's claim; the host is what the URL proves.
        var descriptor = ClientDescriptors.Create(clientId, metadata.ClientName is null ? url.IdnHost : $"{metadata.ClientName} ({url.IdnHost})",
            metadata.RedirectUris.Select(u => new Uri(u)));
        descriptor.Properties[SourceProperty] = JsonSerializer.SerializeToElement(true);
        // Refreshed on every fetch, so the unused-registration cleanup only removes documents nobody fetched for a while.
        descriptor.Properties[ClientRegistrationEndpoint.CreatedAtProperty] = JsonSerializer.SerializeToElement(clock.GetUtcNow().ToUnixTimeSeconds());
        return descriptor;
    }

    private static async Task StoreAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await applications.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
                {
                    await applications.PopulateAsync(existing, descriptor, ct);
                    await applications.UpdateAsync(existing, ct);
                }
                else
                {
                    await applications.CreateAsync(descriptor, ct);
                }
                return;
            }
            catch (Exception ex) when (attempt == 0 && ex is Microsoft.EntityFrameworkCore.DbUpdateException or OpenIddictExceptions.ConcurrencyException)
            {
                // Another instance (or request) stored the same document at the same moment: update theirs.
            }
        }
    }
}
