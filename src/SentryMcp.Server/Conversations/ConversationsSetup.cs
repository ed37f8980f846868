using Microsoft.Extensions.DependencyInjection.Extensions;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Server.Conversations;

/// <summary>Stored conversations: their store, limits, live turns (in memory unless Redis replaced them), titles and retention.</summary>
public static class ConversationsSetup
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConversationOptions>().BindConfiguration("Chat").ValidateWith<ConversationOptions, ConversationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILiveTurns, InMemoryLiveTurns>();
        services.AddScoped<ConversationStore>();
        services.AddSingleton<ConversationTitles>();
        services.AddSingleton<ChatTurns>();
        services.AddHostedService<ConversationCleanup>();
        return builder;
    }

    /// <summary>The conversation routes, inside the chat's signed-in group.</summary>
    public static void MapConversationRoutes(this RouteGroupBuilder session)
    {
        session.MapConversations();
        session.MapChatTurns();
    }
}
