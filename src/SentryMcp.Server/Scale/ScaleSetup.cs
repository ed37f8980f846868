using Microsoft.Extensions.DependencyInjection.Extensions;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Security;
using StackExchange.Redis;

namespace SentryMcp.Server.Scale;

/// <summary>
/// Scale-out by configuration: with <c>REDIS_URL</c> (or <c>Redis:Url</c>), rate limits, the
/// Sentry-token refresh lock, <c>/sse</c> session routing and the chat's live answers are shared through Redis. Without it
/// the in-process implementations registered by the features stay in place.
/// </summary>
public static class ScaleSetup
{
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var url = builder.Configuration["REDIS_URL"] ?? builder.Configuration["Redis:Url"];
        if (!string.IsNullOrWhiteSpace(url))
        {
            AddRedis(builder.Services, url);
        }
        return builder;
    }

    // Its own method, so a single instance never loads StackExchange.Redis (RSS at rest, docs/benchmarks.md).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddRedis(IServiceCollection services, string url)
    {
        var options = RedisConnection.ParseUrl(url);
        services.AddSingleton(_ => new RedisConnection(ConnectionMultiplexer.Connect(options)));
        services.Replace(ServiceDescriptor.Singleton<IRateLimitStore, RedisRateLimitStore>());
        services.Replace(ServiceDescriptor.Singleton<IGrantLock, RedisGrantLock>());
        services.AddSingleton<RedisSseRouter>();
        services.Replace(ServiceDescriptor.Singleton<ISseSessionRouter>(sp => sp.GetRequiredService<RedisSseRouter>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisSseRouter>());
        services.Replace(ServiceDescriptor.Singleton<Conversations.ILiveTurns, RedisLiveTurns>());
    }
}
