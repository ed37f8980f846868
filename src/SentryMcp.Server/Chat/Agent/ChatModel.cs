using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using SentryMcp.Server.Chat.Config;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>The chat's language model, built from <see cref="ChatApiOptions"/>.</summary>
public static class ChatModel
{
    /// <summary>Null when no model is configured: the chat then answers 503 and everything else still works.</summary>
    public static ChatClientHolder CreateChatClient(ChatApiOptions options)
    {
        return options.LlmConfigured ? Create(options) : new ChatClientHolder(null);
    }

    // Its own method, so a host without a model never loads the OpenAI client's assemblies (RSS at rest, docs/benchmarks.md).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ChatClientHolder Create(ChatApiOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // A backstop only: ChatAgent bounds each call by LlmTimeout and LlmIdleTimeout itself and says which ran out.
            NetworkTimeout = options.LlmTimeout + TimeSpan.FromSeconds(30),
            // The chat streams to a waiting user and reports failures itself: no silent retries.
            RetryPolicy = new ClientRetryPolicy(0),
        };
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            clientOptions.Endpoint = new Uri(options.BaseUrl);
        }
        // Local OpenAI-compatible servers (Ollama, vLLM) need no key, but the client requires one.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        var client = new OpenAIClient(key, clientOptions).GetChatClient(options.Model).AsIChatClient();
        return new ChatClientHolder(SentryMcp.Core.Telemetry.LlmTelemetryChatClient.Wrap(client, options.Model, "chat"));
    }
}

/// <summary>The configured model, if any.</summary>
public sealed record ChatClientHolder(IChatClient? Client);
