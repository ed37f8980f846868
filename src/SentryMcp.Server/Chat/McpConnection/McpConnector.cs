using Microsoft.Extensions.Options;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Chat.McpConnection;

/// <summary>Opens (or reuses) the signed-in user's MCP connection, turning failures into the API's problems.</summary>
public static class McpConnector
{
    public static Uri EndpointFor(ChatUser user, ChatApiOptions options) =>
        // The session's resource is this server's /mcp URL, as the browser reached it.
        WithEveryTool(options.McpUrl ?? (options.McpTransport == McpTransportKind.Sse ? user.Resource[..^"/mcp".Length] + "/sse" : user.Resource));

    /// <summary>
    /// The chat asks the user before every write, keyed on each tool's own annotations, so it lists
    /// every tool directly (<c>?tools=all</c>): through <c>execute_sentry_tool</c> a model could run a
    /// write tool behind a read-only gateway without that approval step.
    /// </summary>
    private static Uri WithEveryTool(string endpoint)
    {
        var uri = new Uri(endpoint);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        query["tools"] = "all";
        var builder = new UriBuilder(uri) { Query = "" };
        return new Uri(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(builder.Uri.AbsoluteUri, query));
    }

    public static async Task<(McpLease? Lease, IResult? Problem)> ConnectAsync(HttpContext http, ChatUser user)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<ChatApiOptions>>().Value;
        try
        {
            return (await services.GetRequiredService<McpConnections>().AcquireAsync(user, EndpointFor(user, options), http.RequestAborted), null);
        }
        catch (McpAuthRejectedException)
        {
            await services.GetRequiredService<ChatAuthenticator>().EndAsync(http, user.SessionId);
            return (null, ChatProblems.AuthExpired());
        }
        catch (McpRateLimitedException)
        {
            return (null, ChatProblems.McpRateLimited(http));
        }
        catch (McpUnreachableException ex)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(McpConnector))
                .LogWarning(ex.InnerException, "The chat could not connect to the MCP server at {Endpoint}", EndpointFor(user, options));
            return (null, ChatProblems.McpUnavailable());
        }
    }
}
