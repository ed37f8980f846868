using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// Writes the AI SDK UI message stream, v1: server-sent events whose data is one JSON chunk each
/// (the shapes of ai@6's <c>uiMessageChunkSchema</c>), ended by <c>data: [DONE]</c>.
/// </summary>
public sealed class UiStream(HttpResponse response)
{
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

    public Task StartAsync(string messageId, string model, CancellationToken ct) =>
        WriteAsync(new StartChunk(messageId, new ModelMetadata(model)), UiChunkJson.Default.StartChunk, ct);

    public Task StartStepAsync(CancellationToken ct) => WriteAsync(new StepChunk("start-step"), UiChunkJson.Default.StepChunk, ct);

    public Task FinishStepAsync(CancellationToken ct) => WriteAsync(new StepChunk("finish-step"), UiChunkJson.Default.StepChunk, ct);

    public Task FinishAsync(string finishReason, string model, TokenUsage usage, CancellationToken ct) =>
        WriteAsync(new FinishChunk(finishReason, new ModelMetadata(model, usage)), UiChunkJson.Default.FinishChunk, ct);

    public Task ErrorAsync(string errorText, CancellationToken ct) => WriteAsync(new ErrorChunk(errorText), UiChunkJson.Default.ErrorChunk, ct);

    /// <summary>A tool call the model made: its start, then its complete input.</summary>
    public async Task ToolInputAsync(string toolCallId, string toolName, JsonElement input, CancellationToken ct)
    {
        await WriteAsync(new ToolInputChunk("tool-input-start", toolCallId, toolName, null), UiChunkJson.Default.ToolInputChunk, ct);
        await WriteAsync(new ToolInputChunk("tool-input-available", toolCallId, toolName, input), UiChunkJson.Default.ToolInputChunk, ct);
    }

    public Task ToolApprovalRequestAsync(string approvalId, string toolCallId, CancellationToken ct) =>
        WriteAsync(new ToolApprovalRequestChunk(approvalId, toolCallId), UiChunkJson.Default.ToolApprovalRequestChunk, ct);

    public Task ToolOutputAsync(string toolCallId, ToolOutput output, CancellationToken ct) =>
        WriteAsync(new ToolOutputChunk(toolCallId, output), UiChunkJson.Default.ToolOutputChunk, ct);

    public Task ToolOutputErrorAsync(string toolCallId, string errorText, CancellationToken ct) =>
        WriteAsync(new ToolOutputErrorChunk(toolCallId, errorText), UiChunkJson.Default.ToolOutputErrorChunk, ct);

    public Task ToolOutputDeniedAsync(string toolCallId, CancellationToken ct) =>
        WriteAsync(new ToolOutputDeniedChunk(toolCallId), UiChunkJson.Default.ToolOutputDeniedChunk, ct);

    private async Task WriteAsync<T>(T chunk, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes("data: " + JsonSerializer.Serialize(chunk, type) + "\n\n");
        await response.Body.WriteAsync(bytes, ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>Text as it comes: the first delta opens a text block (one id per block).</summary>
    public async Task TextDeltaAsync(string delta, CancellationToken ct)
    {
        if (_textId is null)
        {
            _textId = "text-" + Guid.NewGuid().ToString("N");
            await WriteAsync(new TextChunk("text-start", _textId), UiChunkJson.Default.TextChunk, ct);
        }
        await WriteAsync(new TextChunk("text-delta", _textId, delta), UiChunkJson.Default.TextChunk, ct);
    }

    /// <summary>Closes the open text block, if any (also before an error part).</summary>
    public async Task EndTextAsync(CancellationToken ct)
    {
        if (_textId is { } id)
        {
            _textId = null;
            await WriteAsync(new TextChunk("text-end", id), UiChunkJson.Default.TextChunk, ct);
        }
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await response.Body.WriteAsync(Done, ct);
        await response.Body.FlushAsync(ct);
    }
}
