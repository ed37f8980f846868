using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// Writes the AI SDK UI message stream, v1: server-sent events whose data is one JSON chunk each
/// (the shapes of ai@6's <c>uiMessageChunkSchema</c>), ended by <c>data: [DONE]</c>.
/// </summary>
public sealed class UiStream(HttpResponse response)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();
    private string? _textId;

    public async Task BeginAsync(CancellationToken ct)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["x-vercel-ai-ui-message-stream"] = "v1";
        // Reverse proxies (nginx) must pass chunks on as they come.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(ct);
    }

    public async Task WriteAsync(object chunk, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes("data: " + JsonSerializer.Serialize(chunk, chunk.GetType(), Json) + "\n\n");
        await response.Body.WriteAsync(bytes, ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>Text as it comes: the first delta opens a text block (one id per block).</summary>
    public async Task TextDeltaAsync(string delta, CancellationToken ct)
    {
        if (_textId is null)
        {
            _textId = "text-" + Guid.NewGuid().ToString("N");
            await WriteAsync(new { type = "text-start", id = _textId }, ct);
        }
        await WriteAsync(new { type = "text-delta", id = _textId, delta }, ct);
    }

    /// <summary>Closes the open text block, if any (also before an error part).</summary>
    public async Task EndTextAsync(CancellationToken ct)
    {
        if (_textId is { } id)
        {
            _textId = null;
            await WriteAsync(new { type = "text-end", id }, ct);
        }
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await response.Body.WriteAsync(Done, ct);
        await response.Body.FlushAsync(ct);
    }
}
