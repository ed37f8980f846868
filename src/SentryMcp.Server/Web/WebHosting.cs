using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Web;

/// <summary>
/// Serves the React UI built from web/ into wwwroot: hashed assets cached for a year, index.html never
/// cached, compression for the UI only (API and MCP responses keep their own framing), an SPA fallback
/// that leaves the API prefixes to their ProblemDetails 404, and a page CSP without inline scripts.
/// </summary>
public static class WebHosting
{
    /// <summary>
    /// 'self' only: Vite emits external scripts and one stylesheet; React sets styles through the CSSOM.
    /// With browser error reporting, the UI also posts to the DSN's ingest origin.
    /// </summary>
    public static string PageCsp(string? ingestOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'{(ingestOrigin is null ? "" : " " + ingestOrigin)}; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string[] ReservedPrefixes = [Routes.Api, Routes.Mcp, Routes.Sse, Routes.OAuth, Routes.WellKnown];

    public static void AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
    }

    public static bool IsReserved(PathString path) => ReservedPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Static files and compression; goes before routing so asset requests skip auth and rate limits.</summary>
    public static void UseWeb(this WebApplication app)
    {
        var files = WebRoot(app);
        var csp = PageCsp(app.Services.GetRequiredService<Observability.BrowserErrorReporting>().IngestOrigin);
        // Only the UI's own files are compressed: the UI carries no secrets (no BREACH exposure) and
        // streamed API responses must not be buffered by a compressor.
        app.UseWhen(http => !IsReserved(http.Request.Path), web =>
        {
            web.UseResponseCompression();
            web.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = ctx => ApplyHeaders(ctx.Context, ctx.File.Name, csp),
            });
        });
    }

    public static void MapWeb(this WebApplication app)
    {
        var files = WebRoot(app);
        var csp = PageCsp(app.Services.GetRequiredService<Observability.BrowserErrorReporting>().IngestOrigin);
        app.MapFallback("{*path:nonfile}", (HttpContext http) =>
        {
            if (IsReserved(http.Request.Path))
            {
                // Same as no endpoint at all: an empty 404 that the status-code pages turn into ProblemDetails.
                return Results.StatusCode(StatusCodes.Status404NotFound);
            }
            var index = files.GetFileInfo("index.html");
            if (!index.Exists || index.PhysicalPath is null)
            {
                return Problems.Of(404, ErrorCodes.WebUiNotBuilt,
                    "The web UI is not built. Run the normal build (it runs npm in web/) or 'npm run build' in web/.", title: "NOT_FOUND");
            }
            ApplyHeaders(http, index.Name, csp);
            return Results.File(index.PhysicalPath, "text/html; charset=utf-8");
        }).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
    }

    private static void ApplyHeaders(HttpContext http, string fileName, string csp)
    {
        var headers = http.Response.Headers;
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-cache";
            headers.ContentSecurityPolicy = csp;
        }
        else if (http.Request.Path.StartsWithSegments("/assets"))
        {
            // Vite puts a content hash in every file name under /assets: a changed file is a new URL.
            headers.CacheControl = "public, max-age=31536000, immutable";
        }
        else
        {
            headers.CacheControl = "public, max-age=3600";
        }
    }

    /// <summary>wwwroot next to the project (dotnet run) or next to the binaries (tests, published app).</summary>
    private static IFileProvider WebRoot(WebApplication app)
    {
        var configured = app.Configuration["Web:Root"];
        string[] candidates = [configured ?? "", app.Environment.WebRootPath ?? "", Path.Combine(AppContext.BaseDirectory, "wwwroot")];
        var root = candidates.FirstOrDefault(c => c != "" && File.Exists(Path.Combine(c, "index.html")));
        return root is null ? new NullFileProvider() : new PhysicalFileProvider(Path.GetFullPath(root));
    }
}
