using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace SentryMcp.Sandbox;

/// <summary>One item of a received envelope: its type, its JSON payload (events, sessions) or its text.</summary>
public sealed record IngestItem(string Type, JsonElement? Payload, string? Text);

/// <summary>An envelope as the sandbox received it, with the public key the sender used.</summary>
public sealed record IngestEnvelope(long ProjectId, string? PublicKey, DateTimeOffset ReceivedAt, JsonElement Header, IReadOnlyList<IngestItem> Items);

/// <summary>Received envelopes, newest <see cref="MaxStored"/> kept.</summary>
public sealed class IngestStore
{
    public const int MaxStored = 200;
    private readonly ConcurrentQueue<IngestEnvelope> _envelopes = new();

    public IReadOnlyList<IngestEnvelope> Envelopes => [.. _envelopes];

    public void Add(IngestEnvelope envelope)
    {
        _envelopes.Enqueue(envelope);
        while (_envelopes.Count > MaxStored && _envelopes.TryDequeue(out _))
        {
        }
    }

    public void Clear() => _envelopes.Clear();
}

/// <summary>
/// A minimal Sentry ingest (<c>POST /api/{projectId}/envelope/</c>) so the server's and the web UI's
/// SDKs can be tested end to end: envelopes (plain or gzip/deflate/br, at most 1 MiB either way) are
/// parsed and kept in memory for <c>GET /__sandbox/envelopes</c>. Like Sentry's ingest, it answers
/// browsers' CORS requests from any origin.
/// </summary>
public static class IngestEndpoints
{
    public const int MaxEnvelopeBytes = 1024 * 1024;

    public static void MapIngestEndpoints(this WebApplication app)
    {
        app.MapPost("/api/{projectId:long}/envelope", ReceiveAsync);
        app.MapMethods("/api/{projectId:long}/envelope", ["OPTIONS"], (HttpContext http) =>
        {
            AllowBrowsers(http);
            http.Response.Headers.AccessControlAllowMethods = "POST";
            http.Response.Headers.AccessControlAllowHeaders = "content-type, x-sentry-auth";
            http.Response.Headers.AccessControlMaxAge = "3600";
            return Results.Ok();
        });
    }

    private static async Task<IResult> ReceiveAsync(long projectId, HttpContext http, IngestStore store)
    {
        AllowBrowsers(http);
        var key = PublicKey(http);
        if (key is null)
        {
            return Results.Json(new { detail = "missing authorization information" }, statusCode: 401);
        }
        var body = await ReadAsync(http);
        if (body is null)
        {
            return Results.Json(new { detail = $"envelope exceeded size limits ({MaxEnvelopeBytes} bytes) or uses an unknown Content-Encoding" }, statusCode: 400);
        }
        var envelope = Parse(projectId, key, body);
        if (envelope is null)
        {
            return Results.Json(new { detail = "invalid envelope" }, statusCode: 400);
        }
        store.Add(envelope);
        var id = envelope.Header.TryGetProperty("event_id", out var eventId) && eventId.ValueKind == JsonValueKind.String ? eventId.GetString() : null;
        return Results.Json(new { id });
    }

    private static void AllowBrowsers(HttpContext http)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.AccessControlExposeHeaders = "x-sentry-error, x-sentry-rate-limits, retry-after";
    }

    /// <summary><c>sentry_key</c> from the query (browsers) or the <c>X-Sentry-Auth</c> header (server SDKs).</summary>
    private static string? PublicKey(HttpContext http)
    {
        if (http.Request.Query["sentry_key"].ToString() is { Length: > 0 } query)
        {
            return query;
        }
        foreach (var part in http.Request.Headers["X-Sentry-Auth"].ToString().Replace("Sentry ", "", StringComparison.Ordinal).Split(','))
        {
            var pair = part.Trim().Split('=', 2);
            if (pair.Length == 2 && pair[0] == "sentry_key" && pair[1].Length > 0)
            {
                return pair[1];
            }
        }
        return null;
    }

    /// <summary>The decompressed body, or null when it is too large or compressed in an unknown way.</summary>
    private static async Task<byte[]?> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxEnvelopeBytes)
        {
            return null;
        }
        var encoding = http.Request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        Stream source = http.Request.Body;
        source = encoding switch
        {
            "" or "identity" => source,
            "gzip" => new GZipStream(source, CompressionMode.Decompress, leaveOpen: true),
            "deflate" => new ZLibStream(source, CompressionMode.Decompress, leaveOpen: true),
            "br" => new BrotliStream(source, CompressionMode.Decompress, leaveOpen: true),
            _ => Stream.Null,
        };
        if (source == Stream.Null)
        {
            return null;
        }
        await using (source)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await source.ReadAsync(chunk, http.RequestAborted)) > 0)
                {
                    if (buffer.Length + read > MaxEnvelopeBytes)
                    {
                        return null;
                    }
                    buffer.Write(chunk, 0, read);
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
            return buffer.ToArray();
        }
    }

    /// <summary>Envelope format: a JSON header line, then items of a JSON header line and a payload (<c>length</c> bytes, or up to the next newline).</summary>
    private static IngestEnvelope? Parse(long projectId, string key, byte[] body)
    {
        var position = 0;
        if (ParseObject(NextLine(body, ref position)) is not { } header)
        {
            return null;
        }
        var items = new List<IngestItem>();
        while (position < body.Length)
        {
            var line = NextLine(body, ref position);
            if (line.Length == 0)
            {
                continue;
            }
            if (ParseObject(line) is not { } itemHeader || !itemHeader.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            ReadOnlySpan<byte> payload;
            if (itemHeader.TryGetProperty("length", out var length))
            {
                if (!length.TryGetInt32(out var size) || size < 0 || position + size > body.Length)
                {
                    return null;
                }
                payload = body.AsSpan(position, size);
                position += size;
                if (position < body.Length && body[position] == (byte)'\n')
                {
                    position++;
                }
            }
            else
            {
                payload = NextLine(body, ref position);
            }
            items.Add(ParsePayload(type.GetString()!, payload));
        }
        return new IngestEnvelope(projectId, key, DateTimeOffset.UtcNow, header, items);
    }

    private static IngestItem ParsePayload(string type, ReadOnlySpan<byte> payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload.ToArray());
            return new IngestItem(type, json.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return new IngestItem(type, null, Encoding.UTF8.GetString(payload));
        }
    }

    private static ReadOnlySpan<byte> NextLine(byte[] body, scoped ref int position)
    {
        var rest = body.AsSpan(position);
        var end = rest.IndexOf((byte)'\n');
        var line = end < 0 ? rest : rest[..end];
        position += end < 0 ? rest.Length : end + 1;
        return line;
    }

    private static JsonElement? ParseObject(ReadOnlySpan<byte> line)
    {
        try
        {
            using var json = JsonDocument.Parse(line.ToArray());
            return json.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
