using System.Text;
using System.Text.Encodings.Web;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Server-rendered pages of the sign-in flow: no script, no inline style (one stylesheet), every
/// value HTML-encoded, and a CSP that says so.
/// </summary>
public static class AuthPages
{
    public const string StylesheetPath = Routes.OAuth + "/consent/consent.css";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string Layout(string title, string body) => new StringBuilder()
        .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(Encode(title)).Append(" · Sentry MCP</title>")
        .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\"></head>")
        .Append("<body><main class=\"card\">").Append(body).Append("</main></body></html>")
        .ToString();

    public static IResult Html(HttpContext http, int status, string html, string formAction = "'self'")
    {
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; img-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static Task ErrorAsync(HttpContext http, int status, string title, string message) =>
        Html(http, status, Layout(title, $"<h1>{Encode(title)}</h1><p>{Encode(message)}</p>")).ExecuteAsync(http);

    public static void MapStylesheet(IEndpointRouteBuilder app) =>
        app.MapGet(StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(Stylesheet, "text/css; charset=utf-8");
        });

    private const string Stylesheet = """
        :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
        body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f2f7; color: #2b2233; }
        .card { max-width: 34rem; margin: 2rem 1rem; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 2px 12px rgb(0 0 0 / 10%); }
        h1 { font-size: 1.4rem; margin-top: 0; }
        .host { font-family: ui-monospace, monospace; background: #eee8f5; padding: 0 .3rem; border-radius: 4px; word-break: break-all; }
        fieldset { border: 1px solid #ddd5e6; border-radius: 8px; margin: 1rem 0; }
        label { display: block; margin: .5rem 0; }
        .hint { display: block; margin-left: 1.6rem; font-size: .9rem; color: #6b5f78; }
        .warn { color: #a4461a; }
        .tag { font-size: .75rem; padding: 0 .4rem; border-radius: .6rem; background: #ece6f2; color: #4b3f57; }
        .tag.new { background: #fde7d9; color: #7a3410; }
        .actions { display: flex; gap: .75rem; justify-content: flex-end; }
        button { font: inherit; padding: .55rem 1.2rem; border-radius: 6px; border: 1px solid #6c5fc7; cursor: pointer; }
        button.primary { background: #6c5fc7; color: #fff; }
        button.secondary { background: transparent; color: #6c5fc7; }
        @media (prefers-color-scheme: dark) {
          body { background: #1a1620; color: #ebe6ef; }
          .card { background: #261f2e; }
          .host { background: #3a3145; }
          .hint { color: #b5a9c2; }
        }
        """;
}
