using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SentryMcp.E2E;

/// <summary>One scripted model turn: text streamed in pieces, or one tool call.</summary>
public sealed record LlmTurn(string? Text = null, string? ToolName = null, object? ToolArguments = null, TimeSpan ChunkDelay = default, int Pieces = 4);

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on loopback that streams queued turns (text or a
/// tool call) as chat.completion.chunk SSE, so the real chat API drives a real browser.
/// With nothing queued it answers 500, so an unexpected call shows up as an error in the UI.
/// </summary>
public sealed class ScriptedChatLlm : IAsyncDisposable
{
    private readonly ConcurrentQueue<LlmTurn> _turns = new();
    private WebApplication _app = null!;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<ScriptedChatLlm> StartAsync()
    {
        var server = new ScriptedChatLlm();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        server._app = builder.Build();
        server._app.MapPost("/v1/chat/completions", server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void Text(string text, TimeSpan chunkDelay = default, int pieces = 4) => _turns.Enqueue(new LlmTurn(text, ChunkDelay: chunkDelay, Pieces: pieces));

    public void ToolCall(string name, object arguments) => _turns.Enqueue(new LlmTurn(ToolName: name, ToolArguments: arguments));

    public void Clear() => _turns.Clear();

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        if (!_turns.TryDequeue(out var turn))
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "no scripted reply", type = "server_error" } });
            return;
        }
        var stream = body["stream"]?.GetValue<bool>() == true;
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..8];
        if (!stream)
        {
            await http.Response.WriteAsJsonAsync(Completion(id, turn));
            return;
        }
        http.Response.ContentType = "text/event-stream";
        var ct = http.RequestAborted;
        try
        {
            await WriteChunkAsync(http, Chunk(id, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null), ct);
            if (turn.ToolName is not null)
            {
                var call = new JsonObject
                {
                    ["index"] = 0,
                    ["id"] = "call_" + Guid.NewGuid().ToString("N")[..8],
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = turn.ToolName, ["arguments"] = JsonSerializer.Serialize(turn.ToolArguments ?? new { }) },
                };
                await WriteChunkAsync(http, Chunk(id, new JsonObject { ["tool_calls"] = new JsonArray(call) }, null), ct);
                await WriteChunkAsync(http, Chunk(id, [], "tool_calls"), ct);
            }
            else
            {
                foreach (var piece in Split(turn.Text ?? "", turn.Pieces))
                {
                    if (turn.ChunkDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(turn.ChunkDelay, ct);
                    }
                    await WriteChunkAsync(http, Chunk(id, new JsonObject { ["content"] = piece }, null), ct);
                }
                await WriteChunkAsync(http, Chunk(id, [], "stop"), ct);
            }
            await http.Response.WriteAsync("data: [DONE]\n\n", ct);
        }
        catch (OperationCanceledException)
        {
            // The chat API stopped reading (the user pressed Stop): that is the point of the test.
        }
    }

    private static IEnumerable<string> Split(string text, int pieces)
    {
        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)Math.Max(1, pieces)));
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private static JsonObject Chunk(string id, JsonObject delta, string? finish) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = 0,
        ["model"] = "scripted",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        ["usage"] = finish is null ? null : new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    };

    private static JsonObject Completion(string id, LlmTurn turn) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion",
        ["created"] = 0,
        ["model"] = "scripted",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = turn.Text ?? "" },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    };

    private static async Task WriteChunkAsync(HttpContext http, JsonObject chunk, CancellationToken ct)
    {
        await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
