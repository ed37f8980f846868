using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Fetches a Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document): https only,
/// every resolved address checked before connecting (no private, loopback or link-local addresses
/// unless <see cref="AuthOptions.ClientMetadataAllowPrivateAddresses"/>), no proxy, no redirects,
/// JSON only, size and total time bounded. The URL is chosen by whoever starts a sign-in, so this is
/// an SSRF surface: it connects only to the addresses it checked.
/// </summary>
public sealed class ClientMetadataFetcher(IHttpClientFactory factory, IOptions<AuthOptions> options)
{
    public const string HttpClientName = "client-metadata";

    /// <summary>The parsed document and how long it may be cached.</summary>
    public sealed record Fetched(JsonElement Document, TimeSpan? MaxAge);

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<ClientMetadataFetcher>();
        services.AddHttpClient(HttpClientName, c =>
        {
            // The whole fetch is bounded by ClientMetadataTimeout below.
            c.Timeout = Timeout.InfiniteTimeSpan;
            c.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            c.DefaultRequestHeaders.UserAgent.ParseAdd("sentry-mcp-authorization-server");
        }).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var allowPrivate = sp.GetRequiredService<IOptions<AuthOptions>>().Value.ClientMetadataAllowPrivateAddresses == true;
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                MaxResponseHeadersLength = 16,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
            };
        });
    }

    /// <summary>Why this URL may not be fetched at all, or null.</summary>
    public string? UrlProblem(Uri url)
    {
        var allowPrivate = options.Value.ClientMetadataAllowPrivateAddresses == true;
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return "client_id URLs must use https.";
        }
        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment) || url.AbsolutePath is "" or "/")
        {
            return "client_id URLs need a path and no user information or fragment.";
        }
        if (!allowPrivate && IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && !IsPublic(literal))
        {
            return "client_id URLs must not point to private, loopback or link-local addresses.";
        }
        return null;
    }

    /// <summary>The document, or throws <see cref="ClientMetadataException"/> saying why not.</summary>
    public async Task<Fetched> FetchAsync(Uri url, CancellationToken ct)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.ClientMetadataTimeout);
        try
        {
            using var response = await factory.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw new ClientMetadataException("the document URL redirects; redirects are not followed.");
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new ClientMetadataException($"fetching the document answered HTTP {(int)response.StatusCode}.");
            }
            if (response.Content.Headers.ContentType?.MediaType is not { } type ||
                !(type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ClientMetadataException("the document is not served as application/json.");
            }
            if (response.Content.Headers.ContentLength > settings.ClientMetadataMaxBytes)
            {
                throw TooLarge(settings);
            }
            var body = await ReadBoundedAsync(await response.Content.ReadAsStreamAsync(timeout.Token), settings, timeout.Token);
            JsonElement document;
            try
            {
                using var parsed = JsonDocument.Parse(body);
                document = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new ClientMetadataException("the document is not valid JSON.");
            }
            if (document.ValueKind != JsonValueKind.Object)
            {
                throw new ClientMetadataException("the document is not a JSON object.");
            }
            return new Fetched(document, MaxAge(response.Headers.CacheControl));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ClientMetadataException($"the document did not arrive within {settings.ClientMetadataTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            throw ex.InnerException as ClientMetadataException ?? new ClientMetadataException("the document could not be fetched (connection failed).");
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, AuthOptions settings, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > settings.ClientMetadataMaxBytes)
            {
                throw TooLarge(settings);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ClientMetadataException TooLarge(AuthOptions settings) =>
        new($"the document is larger than {settings.ClientMetadataMaxBytes} bytes.");

    private static TimeSpan? MaxAge(CacheControlHeaderValue? cacheControl) =>
        cacheControl is null ? null : cacheControl.NoStore || cacheControl.NoCache ? TimeSpan.Zero : cacheControl.MaxAge;

    /// <summary>Resolves the host and connects only to an address that passed the check (no DNS rebinding between check and use).</summary>
    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new ClientMetadataException("the document's host resolves only to private, loopback or link-local addresses.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Globally routable unicast addresses only.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return false;
        }
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224 ||
                (b[0] == 100 && b[1] is >= 64 and < 128) || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and < 32) ||
                (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) || (b[0] == 198 && b[1] is 18 or 19) ||
                (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        return !(address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast ||
            address.IsIPv6UniqueLocal || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) ||
            b.Take(12).All(x => x == 0));
    }
}

/// <summary>A Client ID Metadata Document that cannot be used; the message completes "The client metadata document cannot be used: …".</summary>
public sealed class ClientMetadataException(string message) : Exception(message);
