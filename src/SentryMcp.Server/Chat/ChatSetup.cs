using System.Reflection;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Chat.Agent;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;
using SentryMcp.Server.Chat.Tools;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Chat;

/// <summary>
/// The chat API under <c>/api</c>: <c>SignIn</c> (sign-in and the session), <c>McpConnection</c>
/// (the chat's MCP client to this server), <c>Agent</c> (the model loop and its UI stream),
/// <c>Tools</c> (metadata and running tools and prompts without the model) and <c>Config</c>;
/// the stored conversations and the chat turn over them are <see cref="Conversations"/>.
/// </summary>
public static class ChatSetup
{
    public static readonly string Version =
        typeof(ChatSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<ChatApiOptions>().BindConfiguration("Chat").PostConfigure(o =>
        {
            o.ApiKey = NonEmpty(config["OPENAI_API_KEY"]) ?? o.ApiKey;
            o.BaseUrl = NonEmpty(config["OPENAI_BASE_URL"]) ?? o.BaseUrl;
            o.Model = NonEmpty(config["Chat:Model"]) ?? NonEmpty(config["OPENAI_MODEL"]) ?? o.Model;
        }).ValidateWith<ChatApiOptions, ChatApiOptionsValidator>();
        services.AddHttpClient(ChatOAuthClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(McpConnections.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<LoginStateCookie>();
        services.AddSingleton<FirstPartyClient>();
        services.AddSingleton<McpConnections>();
        services.AddSingleton<ApprovalTokens>();
        services.AddSingleton<ApprovalLedger>();
        services.AddSingleton(sp => ChatModel.CreateChatClient(sp.GetRequiredService<IOptions<ChatApiOptions>>().Value));
        services.AddScoped<ChatSessionStore>();
        services.AddScoped<ChatOAuthClient>();
        services.AddScoped<ChatAuthenticator>();
        services.AddScoped<ChatAgent>();
        builder.AddConversations();
        return builder;
    }

    public static void MapChat(this WebApplication app)
    {
        var api = app.MapGroup(Routes.Api);
        api.MapSignIn();
        api.MapGet("/config", PublicConfigEndpoint.Get);
        var session = api.MapGroup("").AddEndpointFilter(SessionFilters.RequireSession);
        session.MapMetadata();
        session.MapDirectRuns();
        session.MapConversationRoutes();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
