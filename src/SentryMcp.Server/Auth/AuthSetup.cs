using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using SentryMcp.Core.Hosting;
using SentryMcp.Sandbox;
using SentryMcp.Server.Hosting;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Storage;
using SentryMcp.Server.Http;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SentryMcp.Server.Auth;

/// <summary>
/// The OAuth 2.1 authorization server for MCP clients (OpenIddict: code + PKCE S256, refresh
/// rotation, revocation, RFC 8414 metadata, RFC 8707 resources), dynamic registration, consent,
/// upstream sign-in with Sentry, and validation of our tokens on the MCP endpoints.
/// </summary>
public static class AuthSetup
{
    public static WebApplicationBuilder AddSentryMcpAuth(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        var settings = config.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration("Auth").PostConfigure(o =>
        {
            o.SentryClientId ??= config["SENTRY_CLIENT_ID"];
            o.SentryClientSecret ??= config["SENTRY_CLIENT_SECRET"];
            if (o.SentryClientId is null && config.GetValue<bool>("Sentry:UsingSandbox"))
            {
                o.SentryClientId = SandboxOptions.OAuthClientId;
                o.SentryClientSecret = SandboxOptions.OAuthClientSecret;
            }
            o.ClientMetadataAllowPrivateAddresses ??= builder.Environment.IsDevelopment();
        }).ValidateWith<AuthOptions, AuthOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SentryTokenClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sentry-mcp.antiforgery";
            o.Cookie.Path = Routes.OAuth;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<ConsentCookie>();
        services.AddSingleton<IGrantLock, InProcessGrantLock>();
        services.AddScoped<GrantStore>();
        services.AddScoped<IMcpGrantStatus>(sp => sp.GetRequiredService<GrantStore>());
        services.AddScoped<SentryTokenClient>();
        services.AddScoped<SentryTokenLifecycle>();
        services.AddScoped<GrantRevocation>();
        services.AddScoped<IMcpBearerTokenValidator, OAuthBearerTokenValidator>();
        services.AddScoped<Core.Tools.ISentryCredentialObserver, GrantCredentialObserver>();
        ClientMetadataFetcher.Add(services);
        services.AddSingleton<ClientMetadataDocuments>();
        services.AddSingleton<RegistrationCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationCleanup>());
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyStore>();
        UpstreamSentry.Add(services.AddAuthentication());

        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<AppDbContext>();
                o.ReplaceApplicationManager(typeof(LoopbackAwareApplicationManager<>));
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(Routes.OAuthAuthorize)
                    .SetTokenEndpointUris(Routes.OAuthToken)
                    .SetRevocationEndpointUris(Routes.OAuthRevoke)
                    .SetConfigurationEndpointUris(AuthorizationServerMetadataPaths.OAuthPath, AuthorizationServerMetadataPaths.OpenIdPath);
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes([.. PermissionScopes.AllScopes, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess]);
                // Resources are /mcp URLs on this server's (possibly request-derived) base URL: checked below.
                o.DisableResourceValidation().IgnoreResourcePermissions();
                o.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(settings.AuthorizationCodeLifetime)
                    .SetRefreshTokenReuseLeeway(settings.RefreshTokenReuseLeeway);
                o.Configure(options => options.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                if ((config["Sentry:PublicUrl"] ?? config["PUBLIC_URL"]) is { } publicUrl)
                {
                    o.SetIssuer(new Uri(publicUrl.TrimEnd('/') + "/"));
                }
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
                o.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(ValidateResource));
                o.AddEventHandler(GrantRevocation.RevokeWholeGrant.Descriptor);
                o.AddEventHandler<HandleConfigurationRequestContext>(b => b.UseInlineHandler(AddMetadata).SetOrder(int.MaxValue - 100_000));
                // After extraction, before OpenIddict looks the client up: URL client ids become applications.
                o.AddEventHandler<ExtractAuthorizationRequestContext>(b => b.UseInlineHandler(c => ResolveClientMetadataAsync(c, c.Request, OpenIddictConstants.Errors.InvalidRequest)).SetOrder(int.MaxValue - 100_000));
                o.AddEventHandler<ExtractTokenRequestContext>(b => b.UseInlineHandler(c => ResolveClientMetadataAsync(c, c.Request, OpenIddictConstants.Errors.InvalidClient)).SetOrder(int.MaxValue - 100_000));
                o.AddEventHandler<ExtractRevocationRequestContext>(b => b.UseInlineHandler(c => ResolveClientMetadataAsync(c, c.Request, OpenIddictConstants.Errors.InvalidClient)).SetOrder(int.MaxValue - 100_000));
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
            });
        // Codes, tokens and the refresh reuse leeway expire on the host's clock, as the sign-in state does.
        services.AddOptions<OpenIddict.Core.OpenIddictCoreOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<OpenIddict.Validation.OpenIddictValidationOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        return builder;
    }

    public static void MapSentryMcpAuth(this WebApplication app)
    {
        app.MapMethods(Routes.OAuthAuthorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync);
        app.MapPost(Routes.OAuthToken, TokenEndpoint.HandleAsync);
        app.MapPost(Routes.OAuthRegister, ClientRegistrationEndpoint.HandleAsync);
        AuthPages.MapStylesheet(app);
    }

    /// <summary>Only this server's /mcp URLs are acceptable resources, at most one per request.</summary>
    private static ValueTask ValidateResource(ValidateAuthorizationRequestContext context)
    {
        var resources = context.Request.GetResources();
        if (resources.Length == 0)
        {
            return default;
        }
        var http = context.Transaction.GetHttpRequest()!.HttpContext;
        var baseUrl = ProtectedResourceMetadata.BaseUrl(http, http.RequestServices.GetRequiredService<IOptions<SentryHostOptions>>().Value);
        if (resources.Length > 1 || McpResources.Parse(resources[0], baseUrl) is null)
        {
            context.Reject(OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidTarget,
                $"The resource must be this server's MCP endpoint ({baseUrl}/mcp, optionally followed by /organization[/project]).");
        }
        return default;
    }

    /// <summary>
    /// Authorization requests that cannot be redirected get a 400 page with <c>invalid_request</c>, as
    /// for any unknown client; the token and revocation endpoints answer <c>invalid_client</c>.
    /// </summary>
    private static async ValueTask ResolveClientMetadataAsync(OpenIddict.Server.OpenIddictServerEvents.BaseValidatingContext context, OpenIddictRequest? request, string error)
    {
        if (context.IsRejected || !ClientMetadataDocuments.IsDocumentUrl(request?.ClientId))
        {
            return;
        }
        var http = context.Transaction.GetHttpRequest()!.HttpContext;
        var documents = http.RequestServices.GetRequiredService<ClientMetadataDocuments>();
        var applications = http.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
        if (await documents.EnsureApplicationAsync(request!.ClientId!, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", applications, http.RequestAborted) is { } problem)
        {
            context.Reject(error, "The client metadata document cannot be used: " + problem);
        }
    }

    private static ValueTask AddMetadata(HandleConfigurationRequestContext context)
    {
        context.Metadata["client_id_metadata_document_supported"] = true;
        var http = context.Transaction.GetHttpRequest()!.HttpContext;
        var baseUrl = ProtectedResourceMetadata.BaseUrl(http, http.RequestServices.GetRequiredService<IOptions<SentryHostOptions>>().Value);
        context.Metadata["registration_endpoint"] = baseUrl + Routes.OAuthRegister;
        context.TokenEndpointAuthenticationMethods.Add("none");
        context.RevocationEndpointAuthenticationMethods.Add("none");
        return default;
    }
}
