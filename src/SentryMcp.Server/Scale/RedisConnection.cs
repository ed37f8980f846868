using StackExchange.Redis;

namespace SentryMcp.Server.Scale;

/// <summary>
/// The Redis connection shared by the scale-out features, and this process's instance id (used to
/// address SSE messages to the instance that owns a stream).
/// </summary>
public sealed class RedisConnection(IConnectionMultiplexer multiplexer) : IDisposable
{
    public const string KeyPrefix = "sentry-mcp:";

    public IConnectionMultiplexer Multiplexer => multiplexer;

    public IDatabase Database => multiplexer.GetDatabase();

    public string InstanceId { get; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// <c>redis://[user:password@]host[:port][/db]</c>, <c>rediss://…</c> (TLS), or a
    /// StackExchange.Redis configuration string (<c>host:port,password=…</c>).
    /// </summary>
    public static ConfigurationOptions ParseUrl(string url)
    {
        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(url);
            options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
            if (uri.UserInfo.Length > 0)
            {
                var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    options.Password = Uri.UnescapeDataString(uri.UserInfo);
                }
                else
                {
                    var user = Uri.UnescapeDataString(uri.UserInfo[..colon]);
                    options.User = user.Length > 0 ? user : null;
                    options.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
                }
            }
            if (int.TryParse(uri.AbsolutePath.Trim('/'), System.Globalization.CultureInfo.InvariantCulture, out var db))
            {
                options.DefaultDatabase = db;
            }
        }
        else
        {
            options = ConfigurationOptions.Parse(url);
        }
        // Start even when Redis is briefly unreachable; the client reconnects on its own.
        options.AbortOnConnectFail = false;
        options.ClientName = "sentry-mcp";
        return options;
    }

    public void Dispose() => multiplexer.Dispose();
}
