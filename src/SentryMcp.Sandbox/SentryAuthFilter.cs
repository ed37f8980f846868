namespace SentryMcp.Sandbox;

/// <summary>Endpoint metadata: the Sentry scope a route needs (any one of them).</summary>
public sealed record RequiresScope(params string[] Scopes);

/// <summary>
/// Sentry's bearer-token check: 401 <c>{"detail": …}</c> for a missing or unknown token, 403 when
/// the token lacks the route's scope.
/// </summary>
public sealed class SentryAuthFilter(SandboxOptions options) : IEndpointFilter
{
    public const string TokenItem = "sandbox.token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return SentryErrors.Json(401, "Authentication credentials were not provided.");
        }
        var value = header["Bearer ".Length..].Trim();
        var token = options.Tokens.FirstOrDefault(t => t.Token == value);
        if (token is null)
        {
            return SentryErrors.Json(401, "Invalid token");
        }
        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiresScope>();
        if (required is not null && !required.Scopes.Any(token.Scopes.Contains))
        {
            return SentryErrors.Json(403, "You do not have permission to perform this action.");
        }
        http.Items[TokenItem] = token;
        return await next(context);
    }
}

public static class SentryErrors
{
    public static IResult Json(int status, string detail) => Results.Json(new { detail }, statusCode: status);

    public static IResult NotFound(string detail = "The requested resource does not exist") => Json(404, detail);

    public static IResult BadRequest(string detail) => Json(400, detail);

    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder builder, params string[] scopes) =>
        builder.WithMetadata(new RequiresScope(scopes));
}
