using SentryMcp.Server.Http;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// GET and DELETE on the Streamable HTTP endpoints. /mcp is stateless: there is no server-to-client
/// stream to open and no session to end, so the transport specification's answer is 405 with
/// <c>Allow: POST</c> (a client then just POSTs). Without this, the SDK maps no GET in stateless mode and
/// the UI fallback answered 404, which clients read as a broken server. Authorization comes first, as on
/// every MCP request: a client without credentials gets its 401 challenge and can discover the sign-in.
/// </summary>
internal static class McpStatelessMethods
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Delete];

    public static void MapStatelessMethods(this IEndpointRouteBuilder app, string pattern) =>
        app.MapMethods(pattern, Methods, (HttpContext http) =>
        {
            http.Response.Headers.Allow = HttpMethods.Post;
            return Problems.Of(405, ErrorCodes.MethodNotAllowed,
                "This MCP endpoint is stateless: send JSON-RPC messages with POST. It opens no SSE stream on GET and has no session to DELETE.", title: "Method not allowed");
        }).RequireAuthorization();
}
