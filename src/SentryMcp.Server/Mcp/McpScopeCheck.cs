using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Mcp;

/// <summary>
/// For <c>/mcp/{org}[/{project}]</c>: before serving, checks the slugs and that the caller can see
/// that organization/project (400 bad slug, 403 no access, 404 unknown), then pins the session to
/// them. Results are cached briefly per caller, with the project's capabilities read from the same
/// project answer (no extra Sentry call), which hide tools for data the project has none of.
/// </summary>
public sealed class McpScopeCheck(SentryApiClientFactory clients, IOptions<SentryHostOptions> server, IMemoryCache cache)
{
    private static readonly TimeSpan CacheTime = TimeSpan.FromMinutes(2);
    private const string CapabilitiesKey = "SentryMcp.ProjectCapabilities";

    private sealed record Probe(int Status, ProjectCapabilities? Capabilities);

    /// <summary>The checked project's capabilities; null for unscoped and organization-scoped URLs.</summary>
    public static ProjectCapabilities? CapabilitiesOf(HttpContext http) => http.Items.TryGetValue(CapabilitiesKey, out var value) ? value as ProjectCapabilities : null;

    public async Task<IResult?> CheckAsync(HttpContext http, McpCaller caller)
    {
        var org = http.GetRouteValue("organizationSlug") as string;
        var project = http.GetRouteValue("projectSlug") as string;
        if (org is null)
        {
            return null;
        }
        if (!IsSlug(org) || (project is not null && !IsSlug(project)))
        {
            return Problem(400, "Invalid organization or project slug", "Slugs contain letters, digits, '-', '_' and '.'.", "INVALID_SLUG");
        }
        if (caller.TokenScope.OrganizationSlug is { } boundOrg &&
            (!string.Equals(boundOrg, org, StringComparison.Ordinal) || (caller.TokenScope.ProjectSlug is { } boundProject && boundProject != project)))
        {
            return Problem(403, "Token not valid for this scope", "This token was granted for a different organization or project. Sign in again for this URL.", "SCOPE_MISMATCH");
        }
        var key = $"scope:{caller.UserId}:{org}:{project}";
        if (!cache.TryGetValue(key, out Probe? probe) || probe is null)
        {
            probe = await ProbeAsync(caller, org, project, http.RequestAborted);
            cache.Set(key, probe, CacheTime);
        }
        if (probe.Capabilities is not null)
        {
            http.Items[CapabilitiesKey] = probe.Capabilities;
        }
        return probe.Status switch
        {
            200 => null,
            401 => Problem(401, "Sentry rejected the credentials", "The Sentry token is no longer valid. Sign in again.", "AUTH_EXPIRED"),
            403 => Problem(403, "No access", $"You do not have access to '{org}{(project is null ? "" : "/" + project)}' in Sentry.", "FORBIDDEN"),
            _ => Problem(404, "Not found", $"No organization '{org}'{(project is null ? "" : $" with project '{project}'")} is visible to you in Sentry.", "NOT_FOUND"),
        };
    }

    public static SessionConstraints ConstraintsFor(HttpContext http) =>
        new(http.GetRouteValue("organizationSlug") as string, http.GetRouteValue("projectSlug") as string);

    private async Task<Probe> ProbeAsync(McpCaller caller, string org, string? project, CancellationToken ct)
    {
        var client = clients.Create(server.Value.SentryHost, caller.SentryAccessToken);
        try
        {
            await client.GetOrganizationAsync(org, ct);
            if (project is null)
            {
                return new Probe(200, null);
            }
            var details = await client.GetAsync<System.Text.Json.JsonElement>(ApiPath.Of("projects", org, project), null, ct);
            return new Probe(200, ProjectCapabilities.FromProject(details));
        }
        catch (SentryApiException ex) when (ex.IsClientError)
        {
            return new Probe((int)ex.StatusCode is 401 or 403 ? (int)ex.StatusCode : 404, null);
        }
    }

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 100 && value is not ("." or "..") && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
