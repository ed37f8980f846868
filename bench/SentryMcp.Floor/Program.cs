// The floor of the HTTP benchmark: the least an HTTP front for Sentry can do per call. It takes the
// caller's Sentry token, makes the one sandbox request that `whoami` makes (GET /api/0/auth/) and
// returns Sentry's body. No MCP, no JSON-RPC, no authentication cache, no rate limits.
using System.Net.Http.Headers;

var builder = WebApplication.CreateBuilder(args);
// As the ASP.NET Core template's appsettings.json: no per-request log lines.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var sentry = new Uri(builder.Configuration["SENTRY_HOST"] ?? throw new InvalidOperationException("Set SENTRY_HOST to the sandbox URL."));
builder.Services.AddHttpClient("sentry", c => c.BaseAddress = sentry);

var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.MapPost("/floor", async (HttpContext http, IHttpClientFactory clients) =>
{
    var header = http.Request.Headers.Authorization.ToString();
    const string Scheme = "Sentry-Bearer ";
    if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
    {
        return Results.Unauthorized();
    }
    using var request = new HttpRequestMessage(HttpMethod.Get, "api/0/auth/");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", header[Scheme.Length..].Trim());
    using var response = await clients.CreateClient("sentry").SendAsync(request, http.RequestAborted);
    var body = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
    return response.IsSuccessStatusCode ? Results.Bytes(body, "application/json") : Results.StatusCode((int)response.StatusCode);
});
app.Run();
