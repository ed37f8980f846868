using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SentryMcp.TestDoubles;

/// <summary>A tool call the scripted model makes: its id, the tool's name and the JSON arguments.</summary>
public sealed record ScriptedToolCall(string Id, string Name, string ArgumentsJson = "{}");

/// <summary>
/// One canned answer: assistant text and/or tool calls, or an HTTP error status, optionally after a
/// delay, streamed in chunks of <see cref="ChunkSize"/> characters every <see cref="ChunkInterval"/>;
/// <see cref="CutAfterChunks"/> drops the connection after that many text chunks, and
/// <see cref="PauseAfterChunks"/> goes silent for <see cref="Pause"/> after that many.
/// </summary>
public sealed record ScriptedReply(string? Content, int Status = 200, TimeSpan Delay = default)
{
    public IReadOnlyList<ScriptedToolCall> ToolCalls { get; init; } = [];
    public TimeSpan ChunkInterval { get; init; }
    public int ChunkSize { get; init; } = 8;
    public int? CutAfterChunks { get; init; }
    public int? PauseAfterChunks { get; init; }
    public TimeSpan Pause { get; init; }

    /// <summary>After <see cref="HoldAfterChunks"/> text chunks the stream waits for this task (the test releases it).</summary>
    public Task? Hold { get; init; }
    public int? HoldAfterChunks { get; init; }
    public int PromptTokens { get; init; } = 10;

    /// <summary>The <c>Retry-After</c> header of an error answer (429 gets "0" unless set).</summary>
    public string? RetryAfter { get; init; }
    public int CompletionTokens { get; init; } = 5;
}

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback that replays queued answers, as JSON or
/// as SSE chunks when the client asks for <c>stream: true</c>, and records the latest request bodies
/// and the requests the client abandoned. With nothing queued it asks the <see cref="Respond"/> rule
/// (for concurrent or endless conversations); without one it answers 500, so an unexpected call
/// fails the test loudly. Safe for concurrent requests.
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    /// <summary>Recorded requests kept (the oldest are dropped): a soak must not grow the heap.</summary>
    public const int MaxRecorded = 256;

    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private volatile Func<JsonObject, ScriptedReply>? _rule;
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private readonly ConcurrentQueue<JsonObject> _cancelled = new();
    private WebApplication _app = null!;

    /// <summary>The API root to configure as <c>OPENAI_BASE_URL</c> (ends with <c>/v1</c>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<JsonObject> Requests => [.. _requests];

    /// <summary>Requests whose client went away before the answer was complete.</summary>
    public IReadOnlyList<JsonObject> CancelledRequests => [.. _cancelled];

    /// <summary>Starts on loopback, on <paramref name="port"/> or a free one (0).</summary>
    public static async Task<ScriptedLlmServer> StartAsync(int port = 0)
    {
        var server = new ScriptedLlmServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // Writes wait until the socket took the bytes (the flush completes once at most one byte is left,
        // i.e. none), so a cut right after a flush is behind everything the stream sent.
        builder.WebHost.UseSockets(sockets => sockets.MaxWriteBufferSize = 2);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        server._app = builder.Build();
        server._app.MapPost("/v1/chat/completions", server.HandleAsync);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void Enqueue(ScriptedReply reply) => _replies.Enqueue(reply);

    /// <summary>
    /// Answers every request the queue does not cover with <paramref name="rule"/>, chosen from the
    /// request itself (e.g. a text answer once the last message is a tool result), so concurrent
    /// conversations each get the right reply whatever order they arrive in.
    /// </summary>
    public void Respond(Func<JsonObject, ScriptedReply> rule) => _rule = rule;

    public void Reply(string content) => Enqueue(new ScriptedReply(content));

    /// <summary>Answers with a JSON object serialized as the assistant's text.</summary>
    public void ReplyJson(object value) => Reply(JsonSerializer.Serialize(value));

    /// <summary>Answers with tool calls (and optional text before them), finishing with <c>tool_calls</c>.</summary>
    public void ReplyWithToolCalls(string? text, params ScriptedToolCall[] calls) => Enqueue(new ScriptedReply(text) { ToolCalls = calls });

    public void Fail(int status, string? retryAfter = null) => Enqueue(new ScriptedReply(null, status) { RetryAfter = retryAfter });

    public void Stall(TimeSpan delay, string content = "{}") => Enqueue(new ScriptedReply(content, 200, delay));

    /// <summary>Streams <paramref name="content"/> and drops the connection after <paramref name="chunks"/> chunks.</summary>
    public void Cut(string content, int chunks) => Enqueue(new ScriptedReply(content) { CutAfterChunks = chunks });

    /// <summary>Streams <paramref name="chunks"/> chunks of <paramref name="content"/>, then sends nothing for <paramref name="pause"/>, then the rest.</summary>
    public void StallMidway(string content, int chunks, TimeSpan pause) =>
        Enqueue(new ScriptedReply(content) { PauseAfterChunks = chunks, Pause = pause });

    /// <summary>
    /// Streams the first <paramref name="chunks"/> chunks of <paramref name="content"/> (0: nothing, and
    /// a non-streaming answer waits too), then waits until the returned source is completed (by the
    /// test: no timing involved), then the rest.
    /// </summary>
    public TaskCompletionSource Held(string content, int chunks, int chunkSize = 8)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new ScriptedReply(content) { HoldAfterChunks = chunks, Hold = release.Task, ChunkSize = chunkSize });
        return release;
    }

    /// <summary>Streams <paramref name="content"/> one chunk every <paramref name="interval"/>.</summary>
    public void Slow(string content, TimeSpan interval, int chunkSize = 8) =>
        Enqueue(new ScriptedReply(content) { ChunkInterval = interval, ChunkSize = chunkSize });

    public void Clear()
    {
        _rule = null;
        _replies.Clear();
        _requests.Clear();
        _cancelled.Clear();
    }

    /// <summary>Waits until a request was abandoned by its client.</summary>
    public async Task<bool> WaitForCancellationAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_cancelled.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return !_cancelled.IsEmpty;
    }

    /// <summary>The text of every message the latest request carried, system prompt included.</summary>
    public string LastPrompt() => string.Join("\n", Requests[^1]["messages"]!.AsArray().Select(m => MessageText(m!["content"])));

    private static string MessageText(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Join("", parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        Record(_requests, body);
        var reply = _replies.TryDequeue(out var next) ? next : _rule?.Invoke(body) ?? new ScriptedReply(null, 500);
        try
        {
            await AnswerAsync(http, body, reply);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Record(_cancelled, body);
        }
        catch (IOException) when (http.RequestAborted.IsCancellationRequested)
        {
            Record(_cancelled, body);
        }
    }

    private static void Record(ConcurrentQueue<JsonObject> queue, JsonObject body)
    {
        queue.Enqueue(body);
        while (queue.Count > MaxRecorded && queue.TryDequeue(out _))
        {
        }
    }

    private async Task AnswerAsync(HttpContext http, JsonObject body, ScriptedReply reply)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, http.RequestAborted);
        }
        if (reply.Hold is { } held && reply.HoldAfterChunks is null or 0)
        {
            await held.WaitAsync(http.RequestAborted);
        }
        var model = body["model"]?.GetValue<string>() ?? "scripted";
        if (reply.Status != 200)
        {
            await ErrorAsync(http, reply.Status, reply.RetryAfter);
            return;
        }
        if (body["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(http, model, reply);
            return;
        }
        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-scripted",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
        });
    }

    private static async Task ErrorAsync(HttpContext http, int status, string? retryAfter)
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null || status == 429)
        {
            http.Response.Headers.RetryAfter = retryAfter ?? "0";
        }
        var (type, message) = status switch
        {
            401 => ("invalid_request_error", "Incorrect API key provided."),
            429 => ("rate_limit_error", "Rate limit reached."),
            _ => ("server_error", "The server had an error while processing your request."),
        };
        await http.Response.WriteAsJsonAsync(new { error = new { message, type, code = (string?)null } });
    }

    private static async Task StreamAsync(HttpContext http, string model, ScriptedReply reply)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        async Task Send(object chunk)
        {
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }
        Task Delta(object delta, string? finish) => Send(new
        {
            id = "chatcmpl-scripted",
            @object = "chat.completion.chunk",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        });

        await Delta(new { role = "assistant", content = "" }, null);
        var content = reply.Content ?? "";
        var sent = 0;
        for (var i = 0; i < content.Length; i += reply.ChunkSize)
        {
            if (reply.ChunkInterval > TimeSpan.Zero)
            {
                await Task.Delay(reply.ChunkInterval, ct);
            }
            await Delta(new { content = content.Substring(i, Math.Min(reply.ChunkSize, content.Length - i)) }, null);
            if (++sent == reply.CutAfterChunks)
            {
                await CutAsync(http);
                return;
            }
            if (sent == reply.PauseAfterChunks)
            {
                await Task.Delay(reply.Pause, ct);
            }
            if (sent == reply.HoldAfterChunks && reply.Hold is { } hold)
            {
                await hold.WaitAsync(ct);
            }
        }
        for (var index = 0; index < reply.ToolCalls.Count; index++)
        {
            var call = reply.ToolCalls[index];
            await Delta(new { tool_calls = new[] { new { index, id = call.Id, type = "function", function = new { name = call.Name, arguments = "" } } } }, null);
            var half = call.ArgumentsJson.Length / 2;
            foreach (var piece in new[] { call.ArgumentsJson[..half], call.ArgumentsJson[half..] })
            {
                await Delta(new { tool_calls = new[] { new { index, function = new { arguments = piece } } } }, null);
            }
        }
        await Delta(new { }, reply.ToolCalls.Count > 0 ? "tool_calls" : "stop");
        await Send(new
        {
            id = "chatcmpl-scripted",
            @object = "chat.completion.chunk",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = Array.Empty<object>(),
            usage = new { prompt_tokens = reply.PromptTokens, completion_tokens = reply.CompletionTokens, total_tokens = reply.PromptTokens + reply.CompletionTokens },
        });
        await http.Response.WriteAsync("data: [DONE]\n\n", ct);
    }

    /// <summary>
    /// Breaks the answer off as a dropped connection would, without losing what was sent: a FIN behind
    /// the chunks already in the socket (a reset would discard those the client has not read yet), so
    /// the client reads them all and then finds the body unfinished. Waits until the client gave up
    /// and closed its end, then lets go of the connection.
    /// </summary>
    private static async Task CutAsync(HttpContext http)
    {
        var socket = http.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("Kestrel's socket transport no longer exposes the connection's socket.");
        socket.Shutdown(SocketShutdown.Send);
        try
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client closed the connection: it has seen the cut.
        }
        http.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
