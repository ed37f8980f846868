using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SentryMcp.Core.Telemetry;

namespace SentryMcp.Core.Api;

/// <summary>
/// Typed access to Sentry's REST API (<c>/api/0/…</c>) for one credential. Endpoint methods live in
/// the partial files beside this one, one per area. Paths are relative to <c>/api/0/</c>.
/// </summary>
public sealed partial class SentryApiClient
{
    private readonly HttpClient _http;
    private readonly string _accessToken;
    private readonly long _maxResponseBytes;

    public SentryApiClient(HttpClient http, SentryHost host, string accessToken, long maxResponseBytes = 20 * 1024 * 1024)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _http = http;
        Host = host;
        _accessToken = accessToken;
        _maxResponseBytes = maxResponseBytes;
    }

    public SentryHost Host { get; }

    public async Task<T> GetAsync<T>(string path, string? regionUrl, CancellationToken ct)
    {
        var (value, _) = await GetPageAsync<T>(path, regionUrl, ct).ConfigureAwait(false);
        return value;
    }

    /// <summary>GET with Sentry's cursor pagination (<c>Link</c> header with <c>results="true"</c>).</summary>
    public async Task<(T Value, string? NextCursor)> GetPageAsync<T>(string path, string? regionUrl, CancellationToken ct)
    {
        using var response = await SendCoreAsync(HttpMethod.Get, path, null, regionUrl, ct).ConfigureAwait(false);
        var value = await ReadJsonAsync<T>(response, path, ct).ConfigureAwait(false);
        return (value, NextCursor(response));
    }

    public async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, string? regionUrl, CancellationToken ct)
    {
        using var response = await SendCoreAsync(method, path, body, regionUrl, ct).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, path, ct).ConfigureAwait(false);
    }

    /// <summary>Downloads a binary body (attachments), bounded by the configured size.</summary>
    public async Task<(byte[] Bytes, string? ContentType)> GetBytesAsync(string path, string? regionUrl, CancellationToken ct)
    {
        using var response = await SendCoreAsync(HttpMethod.Get, path, null, regionUrl, ct).ConfigureAwait(false);
        var length = response.Content.Headers.ContentLength;
        if (length > _maxResponseBytes)
        {
            throw new UserInputException($"The file is {length} bytes, more than the {_maxResponseBytes} bytes this server downloads.");
        }
        var bytes = await ReadBoundedAsync(response, path, ct).ConfigureAwait(false);
        return (bytes, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, object? body, string? regionUrl, CancellationToken ct)
    {
        var baseUri = Host.ApiBaseFor(regionUrl);
        using var request = new HttpRequestMessage(method, new Uri(baseUri, "api/0/" + path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, SentryJson.Options.GetTypeInfo(body.GetType()));
        }
        HttpResponseMessage response;
        var started = Stopwatch.GetTimestamp();
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            RecordCall(started, method, null, SentryMcpTelemetry.SentryApiOutcomes.Unavailable);
            throw new SentryUnavailableException(method.Method, path, ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            RecordCall(started, method, null, SentryMcpTelemetry.SentryApiOutcomes.Cancelled);
            throw;
        }
        var status = (int)response.StatusCode;
        RecordCall(started, method, status, response.IsSuccessStatusCode ? SentryMcpTelemetry.SentryApiOutcomes.Ok
            : status < 500 ? SentryMcpTelemetry.SentryApiOutcomes.ClientError : SentryMcpTelemetry.SentryApiOutcomes.ServerError);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var detail = await ReadErrorDetailAsync(response, ct).ConfigureAwait(false);
                throw new SentryApiException(response.StatusCode, detail, method.Method, "/api/0/" + path.TrimStart('/'));
            }
        }
        return response;
    }

    /// <summary>Paths carry organization and issue ids, so the metric is tagged by method and status only.</summary>
    private static void RecordCall(long started, HttpMethod method, int? status, string outcome)
    {
        var tags = new TagList { { "http.request.method", method.Method }, { "outcome", outcome } };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }
        SentryMcpTelemetry.SentryApiDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string path, CancellationToken ct)
    {
        var bytes = await ReadBoundedAsync(response, path, ct).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, SentryJson.TypeInfo<T>(SentryJson.Options))
                ?? throw new JsonException("The response body was JSON null.");
        }
        catch (JsonException ex)
        {
            throw new SentryResponseFormatException("/api/0/" + path.TrimStart('/'), ex);
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, string path, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            // Sized from Content-Length when Sentry sends one (absent when the body is compressed), so a
            // typical body is read into one array of its size and returned without a copy. The read chunk
            // is pooled: a fresh 80 KiB array per response was most of the garbage a tool call made.
            var length = response.Content.Headers.ContentLength;
            using var buffer = new MemoryStream(length is > 0 && length <= _maxResponseBytes ? (int)length.Value : 0);
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _maxResponseBytes)
                    {
                        throw new SentryResponseFormatException("/api/0/" + path.TrimStart('/'),
                            new InvalidDataException($"Response larger than {_maxResponseBytes} bytes."));
                    }
                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            return buffer.TryGetBuffer(out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : buffer.ToArray();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or IOException)
        {
            throw new SentryUnavailableException("GET", path, ex);
        }
    }

    private static async Task<string?> ReadErrorDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("detail", out var detail))
                {
                    return detail.ValueKind == JsonValueKind.String ? detail.GetString() : detail.GetRawText();
                }
                return Truncate(doc.RootElement.GetRawText());
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): report a short excerpt.
        }
        return response.StatusCode == HttpStatusCode.NotFound ? null : Truncate(text);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static string? NextCursor(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (var part in string.Join(",", values).Split(','))
        {
            if (part.Contains("rel=\"next\"", StringComparison.Ordinal) && part.Contains("results=\"true\"", StringComparison.Ordinal))
            {
                var marker = part.IndexOf("cursor=\"", StringComparison.Ordinal);
                if (marker >= 0)
                {
                    var start = marker + "cursor=\"".Length;
                    var end = part.IndexOf('"', start);
                    if (end > start)
                    {
                        return part[start..end];
                    }
                }
            }
        }
        return null;
    }
}

/// <summary>Sentry could not be reached, or stopped answering, after all retries.</summary>
public sealed class SentryUnavailableException(string method, string path, Exception inner)
    : Exception($"Sentry did not answer {method} /api/0/{path.TrimStart('/')} ({inner.GetType().Name}).", inner);
