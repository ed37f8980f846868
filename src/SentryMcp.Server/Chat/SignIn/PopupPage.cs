using SentryMcp.Server.Auth;

namespace SentryMcp.Server.Chat.SignIn;

/// <summary>
/// The page a sign-in popup lands on: it tells the opener the result by postMessage (to our own
/// origin only) and closes. CSP-clean: the script is external and the result rides on data attributes.
/// </summary>
public static class PopupPage
{
    public const string Script = """
        (function () {
          var body = document.body;
          var message = { type: "sentry-mcp-auth", ok: body.getAttribute("data-ok") === "true" };
          var error = body.getAttribute("data-error");
          if (error) { message.error = error; }
          if (window.opener && !window.opener.closed) {
            window.opener.postMessage(message, location.origin);
            window.close();
          } else {
            location.replace(message.ok ? "/" : "/?authError=" + encodeURIComponent(error || "sign_in_failed"));
          }
        })();
        """;

    public static IResult Result(HttpContext http, bool ok, string? error)
    {
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sentry MCP sign-in</title>" +
            "<script src=\"/api/auth/popup.js\" defer></script></head>" +
            $"<body data-ok=\"{(ok ? "true" : "false")}\" data-error=\"{AuthPages.Encode(error)}\">" +
            $"<p>{(ok ? "Signed in. You can close this window." : "Sign-in did not complete. You can close this window and try again.")}</p></body></html>";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
