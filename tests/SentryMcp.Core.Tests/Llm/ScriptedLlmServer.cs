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

namespace SentryMcp.Core.Tests.Llm;

/// <summary>One canned answer: assistant text, or an HTTP error status, optionally after a delay.</summary>
public sealed record ScriptedReply(string? Content, int Status = 200, TimeSpan Delay = default);

/// <summary>
/// An OpenAI-compatible chat-completions server on loopback that replays queued answers, as JSON or
/// as SSE chunks when the client asks for <c>stream: true</c>, and records every request body.
/// With nothing queued it answers 500, so an unexpected call fails the test loudly.
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private readonly ConcurrentQueue<JsonObject> _requests = new();
    private WebApplication _app = null!;

    /// <summary>The API root to configure as <c>OPENAI_BASE_URL</c> (ends with <c>/v1</c>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<JsonObject> Requests => [.. _requests];

    public static async Task<ScriptedLlmServer> StartAsync()
    {
        var server = new ScriptedLlmServer();
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

    public void Reply(string content) => _replies.Enqueue(new ScriptedReply(content));

    /// <summary>Answers with a JSON object serialized as the assistant's text.</summary>
    public void ReplyJson(object value) => Reply(JsonSerializer.Serialize(value));

    public void Fail(int status) => _replies.Enqueue(new ScriptedReply(null, status));

    public void Stall(TimeSpan delay, string content = "{}") => _replies.Enqueue(new ScriptedReply(content, 200, delay));

    public void Clear()
    {
        _replies.Clear();
        _requests.Clear();
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
        _requests.Enqueue(body);
        var reply = _replies.TryDequeue(out var next) ? next : new ScriptedReply(null, 500);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var model = body["model"]?.GetValue<string>() ?? "scripted";
        if (reply.Status != 200)
        {
            http.Response.StatusCode = reply.Status;
            if (reply.Status == 429)
            {
                http.Response.Headers.RetryAfter = "0";
            }
            var (type, message) = reply.Status switch
            {
                401 => ("invalid_request_error", "Incorrect API key provided."),
                429 => ("rate_limit_error", "Rate limit reached."),
                _ => ("server_error", "The server had an error while processing your request."),
            };
            await http.Response.WriteAsJsonAsync(new { error = new { message, type, code = (string?)null } });
            return;
        }
        if (body["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(http, model, reply.Content ?? "");
            return;
        }
        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-scripted",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        });
    }

    private static async Task StreamAsync(HttpContext http, string model, string content)
    {
        http.Response.ContentType = "text/event-stream";
        async Task Send(object? delta, string? finish)
        {
            var chunk = new
            {
                id = "chatcmpl-scripted",
                @object = "chat.completion.chunk",
                created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                model,
                choices = new[] { new { index = 0, delta, finish_reason = finish } },
            };
            await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");
            await http.Response.Body.FlushAsync();
        }
        await Send(new { role = "assistant", content = "" }, null);
        for (var i = 0; i < content.Length; i += 8)
        {
            await Send(new { content = content.Substring(i, Math.Min(8, content.Length - i)) }, null);
        }
        await Send(new { }, "stop");
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
