
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

    public Task WriteAsync(object chunk, CancellationToken ct) => write(Conversations.UiChunks.Line(chunk));

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
        await write(Conversations.UiChunks.DoneLine);
        Ended = true;
    }
}
