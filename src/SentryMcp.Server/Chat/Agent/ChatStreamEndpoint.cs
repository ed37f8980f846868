using System.Globalization;
using Microsoft.Extensions.Options;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;
using SentryMcp.Server.Security;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// <c>POST /api/chat</c>: everything is checked before the first byte (session, rate limit, body,
/// model, MCP connection, prompt expansion), then the answer streams as the AI SDK UI message stream.
/// </summary>
public static class ChatStreamEndpoint
{
    public static void MapChatStream(this RouteGroupBuilder api) => api.MapPost("/chat", PostAsync);

    private static async Task PostAsync(HttpContext http, IOptions<ChatApiOptions> options, IRateLimitStore rateLimits, ChatClientHolder llm, ChatAgent agent)
    {
        var settings = options.Value;
        var user = ChatAuthenticator.UserOf(http);
        var retryAfter = await rateLimits.TryAcquireAsync("chat:" + user.UserId, settings.MessagesPerMinute, TimeSpan.FromMinutes(1), http.RequestAborted);
        if (retryAfter is { } wait)
        {
            RateLimits.CountRejection("chat");
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Of(429, ErrorCodes.RateLimitExceeded, $"At most {settings.MessagesPerMinute} messages per minute. Retry in {seconds} s.").ExecuteAsync(http);
            return;
        }
        var body = await RequestBody.ReadAsync(http, settings.MaxBodyBytes);
        var (request, error) = body is null ? (null, $"The body is larger than {settings.MaxBodyBytes:N0} bytes.") : ChatRequest.Parse(body.Value, settings);
        if (request is null)
        {
            await Problems.Of(400, ErrorCodes.InvalidMessagesFormat, error!).ExecuteAsync(http);
            return;
        }
        if (llm.Client is null)
        {
            await Problems.Of(503, ErrorCodes.AiServiceUnavailable,
                "No language model is configured. Set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for an OpenAI-compatible server " +
                "(Ollama, vLLM, LM Studio, Azure OpenAI v1), and optionally OPENAI_MODEL; then restart. Tools and prompts work without one.").ExecuteAsync(http);
            return;
        }
        var (lease, problem) = await McpConnector.ConnectAsync(http, user);
        if (lease is null)
        {
            await problem!.ExecuteAsync(http);
            return;
        }
        using (lease)
        {
            var (conversation, promptProblem) = await ChatConversation.BuildAsync(request, lease.Connection, settings.MaxToolResultChars, http.RequestAborted);
            if (conversation is null)
            {
                await promptProblem!.ExecuteAsync(http);
                return;
            }
            await agent.StreamAsync(http, user, lease.Connection, request, conversation);
        }
    }
}
