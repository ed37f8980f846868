using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using SentryMcp.Server.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Dynamic client registration (RFC 7591) on OpenIddict's application manager: public clients
/// (PKCE, no secret) and confidential ones (secret returned once, stored hashed by OpenIddict).
/// Bodies are capped and registrations rate-limited per IP.
/// </summary>
public static class ClientRegistrationEndpoint
{
    public const int MaxBodyBytes = 16 * 1024;
    public const string CreatedAtProperty = "created_at";
    private static readonly string[] SupportedGrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];
    private static readonly string[] AuthMethods = ["none", ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost];

    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, IRateLimitStore limits,
        IOptions<AuthOptions> options, TimeProvider clock)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limits.TryAcquireAsync("register:" + ip, options.Value.RegistrationsPerHourPerIp, TimeSpan.FromHours(1), http.RequestAborted) is { } retry)
        {
            RateLimits.CountRejection("registration");
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(429, "rate_limit_exceeded", "Too many registrations from this address. Try again later.");
        }
        if (await ReadBodyAsync(http) is not { } body)
        {
            return Error(400, "invalid_client_metadata", $"The registration must be a JSON object of at most {MaxBodyBytes} bytes.");
        }
        var metadata = ClientMetadata.Parse(body, options.Value.AllowedCustomSchemes, out var problem);
        if (metadata is null)
        {
            return Error(400, problem!.Value.Code, problem.Value.Description);
        }
        if (!AuthMethods.Contains(metadata.AuthMethod) || metadata.GrantTypes.Except(SupportedGrantTypes).Any() || metadata.ResponseTypes.Any(r => r != ResponseTypes.Code))
        {
            return Error(400, "invalid_client_metadata", "Supported: grant_types authorization_code and refresh_token, response_types code, token_endpoint_auth_method none, client_secret_basic or client_secret_post.");
        }

        var confidential = metadata.AuthMethod != "none";
        var clientId = "mcp_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var secret = confidential ? Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) : null;
        var now = clock.GetUtcNow();
        var descriptor = ClientDescriptors.Create(clientId, metadata.ClientName ?? "Unnamed MCP client", metadata.RedirectUris.Select(u => new Uri(u)), secret);
        descriptor.Properties[CreatedAtProperty] = JsonSerializer.SerializeToElement(now.ToUnixTimeSeconds());
        await applications.CreateAsync(descriptor, http.RequestAborted);

        var response = new Dictionary<string, object?>
        {
            ["client_id"] = clientId,
            ["client_id_issued_at"] = now.ToUnixTimeSeconds(),
            ["client_name"] = descriptor.DisplayName,
            ["redirect_uris"] = metadata.RedirectUris,
            ["grant_types"] = metadata.GrantTypes,
            ["response_types"] = new[] { ResponseTypes.Code },
            ["token_endpoint_auth_method"] = metadata.AuthMethod,
            ["scope"] = string.Join(' ', PermissionScopes.AllScopes),
        };
        if (secret is not null)
        {
            response["client_secret"] = secret;
            response["client_secret_expires_at"] = 0;
        }
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(response, statusCode: 201);
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes || http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}

/// <summary>The RFC 7591 fields we use, read leniently but validated strictly.</summary>
internal sealed record ClientMetadata(string[] RedirectUris, string AuthMethod, string[] GrantTypes, string[] ResponseTypes, string? ClientName)
{
    public static ClientMetadata? Parse(JsonElement body, IReadOnlyCollection<string> allowedSchemes, out (string Code, string Description)? problem)
    {
        problem = null;
        if (!body.TryGetProperty("redirect_uris", out var uris) || uris.ValueKind != JsonValueKind.Array || uris.GetArrayLength() is 0 or > 10 ||
            uris.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String))
        {
            problem = ("invalid_redirect_uri", "redirect_uris must be an array of 1 to 10 URIs.");
            return null;
        }
        var redirectUris = uris.EnumerateArray().Select(u => u.GetString()!).ToArray();
        foreach (var uri in redirectUris)
        {
            if (Auth.RedirectUris.Problem(uri, allowedSchemes) is { } reason)
            {
                problem = ("invalid_redirect_uri", reason);
                return null;
            }
        }
        if (!TryStrings(body, "grant_types", ["authorization_code", "refresh_token"], out var grantTypes) ||
            !TryStrings(body, "response_types", ["code"], out var responseTypes) ||
            !TryString(body, "token_endpoint_auth_method", "client_secret_basic", 64, out var authMethod) ||
            !TryString(body, "client_name", null, 200, out var clientName))
        {
            problem = ("invalid_client_metadata", "grant_types/response_types must be arrays of strings; token_endpoint_auth_method and client_name strings (client_name at most 200 characters).");
            return null;
        }
        clientName = clientName is null ? null : new string([.. clientName.Where(c => !char.IsControl(c))]).Trim();
        return new ClientMetadata(redirectUris, authMethod!, grantTypes, responseTypes, string.IsNullOrEmpty(clientName) ? null : clientName);
    }

    private static bool TryStrings(JsonElement body, string name, string[] fallback, out string[] values)
    {
        values = fallback;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 10 || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return false;
        }
        values = [.. value.EnumerateArray().Select(v => v.GetString()!).Distinct()];
        return true;
    }

    private static bool TryString(JsonElement body, string name, string? fallback, int maxLength, out string? result)
    {
        result = fallback;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > maxLength)
        {
            return false;
        }
        result = value.GetString();
        return true;
    }
}
