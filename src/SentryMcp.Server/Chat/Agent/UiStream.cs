using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// Writes the AI SDK UI message stream, v1: server-sent events whose data is one JSON chunk each
/// (the shapes of ai@6's <c>uiMessageChunkSchema</c>), ended by <c>data: [DONE]</c>, as lines handed to
/// the turn's live log (which the requests relay: <see cref="Conversations.ChatTurnApi"/>).
/// </summary>
public sealed class UiStream(Func<string, Task> write)
{
    private string? _textId;

    /// <summary>True once <c>[DONE]</c> was written (a finished or failed turn; a stopped one is closed by its runner).</summary>
    public bool Ended { get; private set; }

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

    /// <summary>A stopped answer: the AI SDK's abort chunk (the partial answer stays).</summary>
    public Task AbortAsync(string reason, CancellationToken ct) => WriteAsync(new AbortChunk(reason), UiChunkJson.Default.AbortChunk, ct);

    /// <summary>Closes a text block by its id (a stopped turn closes the blocks it left open).</summary>
    public Task EndTextAsync(string id, CancellationToken ct) => WriteAsync(new TextChunk("text-end", id), UiChunkJson.Default.TextChunk, ct);

    private Task WriteAsync<T>(T chunk, JsonTypeInfo<T> type, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return write("data: " + JsonSerializer.Serialize(chunk, type) + "\n\n");
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
        await write(Conversations.UiChunks.DoneLine);
        Ended = true;
    }
}
