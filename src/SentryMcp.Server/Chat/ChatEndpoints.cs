using System.ClientModel;
using System.ClientModel.Primitives;
using System.Reflection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace SentryMcp.Server.Chat;

/// <summary>The chat API: sign-in, chat stream, metadata, tool runner, prompts and public config under <c>/api</c>.</summary>
public static class ChatEndpoints
{
    public static readonly string Version =
        typeof(ChatEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<ChatApiOptions>().BindConfiguration("Chat").PostConfigure(o =>
        {
            o.ApiKey = NonEmpty(config["OPENAI_API_KEY"]) ?? o.ApiKey;
            o.BaseUrl = NonEmpty(config["OPENAI_BASE_URL"]) ?? o.BaseUrl;
            o.Model = NonEmpty(config["Chat:Model"]) ?? NonEmpty(config["OPENAI_MODEL"]) ?? o.Model;
        }).Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddHttpClient(ChatOAuthClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddHttpClient(McpConnections.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<LoginStateCookie>();
        services.AddSingleton<FirstPartyClient>();
        services.AddSingleton<McpConnections>();
        services.AddSingleton<ApprovalTokens>();
        services.AddSingleton<ApprovalLedger>();
        services.AddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<ChatApiOptions>>().Value));
        services.AddScoped<ChatSessionStore>();
        services.AddScoped<ChatOAuthClient>();
        services.AddScoped<ChatAuthenticator>();
        services.AddScoped<ChatAgent>();
        return builder;
    }

    public static void MapChat(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapChatAuth();
        api.MapGet("/config", ConfigApi.Get);
        var session = api.MapGroup("").AddEndpointFilter(SessionFilter);
        session.MapMetadata();
        session.MapChatStream();
    }

    /// <summary>Null when no model is configured: the chat then answers 503 and everything else still works.</summary>
    public static ChatClientHolder CreateChatClient(ChatApiOptions options)
    {
        if (!options.LlmConfigured)
        {
            return new ChatClientHolder(null);
        }
        var clientOptions = new OpenAIClientOptions
        {
            // A backstop only: ChatAgent bounds each call by LlmTimeout and LlmIdleTimeout itself and says which ran out.
            NetworkTimeout = options.LlmTimeout + TimeSpan.FromSeconds(30),
            // The chat streams to a waiting user and reports failures itself: no silent retries.
            RetryPolicy = new ClientRetryPolicy(0),
        };
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            clientOptions.Endpoint = new Uri(options.BaseUrl);
        }
        // Local OpenAI-compatible servers (Ollama, vLLM) need no key, but the client requires one.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        var client = new OpenAIClient(key, clientOptions).GetChatClient(options.Model).AsIChatClient();
        return new ChatClientHolder(new SentryMcp.Core.Telemetry.LlmTelemetryChatClient(client, options.Model, "chat"));
    }

    /// <summary>Every route below needs a live chat session; state-changing ones also a same-origin request.</summary>
    private static async ValueTask<object?> SessionFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !IsSameOrigin(http))
        {
            return ForeignOrigin();
        }
        var (outcome, _) = await http.RequestServices.GetRequiredService<ChatAuthenticator>().AuthenticateAsync(http);
        return outcome switch
        {
            ChatAuthenticator.Outcome.Ok when HttpMethods.IsPost(http.Request.Method) && !http.Request.HasJsonContentType() => JsonOnly(),
            ChatAuthenticator.Outcome.Ok => await next(context),
            ChatAuthenticator.Outcome.Expired => ChatProblems.AuthExpired(),
            _ => ChatProblems.MissingAuth(),
        };
    }

    /// <summary>
    /// For cookie-authenticated POSTs outside the session group (logout): our own origin, and JSON, which
    /// another origin can only send after a CORS preflight this server never grants.
    /// </summary>
    public static async ValueTask<object?> SameOriginJsonFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsSameOrigin(http))
        {
            return ForeignOrigin();
        }
        return http.Request.HasJsonContentType() ? await next(context) : JsonOnly();
    }

    // A form or text/plain POST is what a cross-site page can send without a CORS preflight.
    private static IResult JsonOnly() => ChatProblems.Of(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json).");

    private static IResult ForeignOrigin() => ChatProblems.Of(403, "FORBIDDEN_ORIGIN", "Requests from another origin are not allowed.");

    /// <summary>
    /// Cookie-authenticated writes must come from our own pages when the browser names an origin
    /// (SameSite=Lax already keeps cross-site POSTs cookie-less; this also covers same-site subdomains).
    /// Loopback origins on another port are accepted: that is a local dev server proxying to us. A browser
    /// that says the request is not same-origin (<c>Sec-Fetch-Site</c>) is believed whatever the Origin says:
    /// another loopback port is "same-site", never "same-origin", and a dev proxy forwards "same-origin".
    /// </summary>
    private static bool IsSameOrigin(HttpContext http)
    {
        var fetchSite = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var publicUrl = http.RequestServices.GetRequiredService<IOptions<Hosting.ServerOptions>>().Value.PublicUrl;
        if (publicUrl is not null && Uri.TryCreate(publicUrl, UriKind.Absolute, out var configured) &&
            string.Equals(configured.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase) && uri.Scheme == http.Request.Scheme)
        {
            return true;
        }
        return SessionCookie.IsLocalDevelopment(http) && uri.IsLoopback;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The configured model, if any.</summary>
public sealed record ChatClientHolder(IChatClient? Client);
