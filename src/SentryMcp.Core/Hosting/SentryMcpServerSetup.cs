// Logging (notifications/message) is deprecated from MCP 2026-07-28 (SEP-2577) but current for the
// 2025-06-18 and 2025-11-25 clients we serve, and 2026-07-28 clients may still ask per request.
#pragma warning disable MCP9005
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Prompts;
using SentryMcp.Core.Resources;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Hosting;

/// <summary>Fills an MCP server's options with this server's identity, tools, prompts and resources.</summary>
public static class SentryMcpServerSetup
{
    public const string ServerName = "sentry-mcp";

    public static string Version { get; } =
        typeof(SentryMcpServerSetup).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public const string Instructions =
        "Tools for Sentry: find organizations, projects and releases; search and inspect issues, events and traces; " +
        "triage issues; ask Seer for root causes; search Sentry's documentation. Start with whoami or find_organizations.";

    /// <summary>
    /// Tools hidden because the session's constraints make them meaningless: org/project finders and
    /// <c>create_project</c> in scoped sessions, and in a project-scoped session the tools for data
    /// the project has none of. <paramref name="capabilities"/> is null when they are not known (the
    /// project could not be read, or the host does not look): then those tools stay listed.
    /// </summary>
    public static ToolSelection SelectionFor(SessionConstraints constraints, IReadOnlySet<PermissionGroup> groups, ProjectCapabilities? capabilities = null)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        if (constraints.OrganizationSlug is not null)
        {
            hidden.Add("find_organizations");
        }
        if (constraints.ProjectSlug is not null)
        {
            hidden.Add("find_projects");
            // A project-scoped session works inside one existing project, as the official server does.
            hidden.Add("create_project");
            if (capabilities is not null)
            {
                hidden.UnionWith(capabilities.UnavailableTools());
            }
        }
        return new ToolSelection(constraints, groups, hidden);
    }

    private static readonly Implementation ServerIdentity = new() { Name = ServerName, Title = "Sentry MCP", Version = Version };

    /// <param name="deferTools">
    /// Create the tools on the session's first tool request (<see cref="DeferredToolCollection"/>)
    /// rather than now: the stdio server, which serves one session and should answer <c>initialize</c> at once.
    /// </param>
    public static void Apply(McpServerOptions options, SentryToolCatalog tools, ToolSelection selection, bool deferTools = false)
    {
        options.ServerInfo = ServerIdentity;
        options.ServerInstructions = Instructions;
        if (deferTools)
        {
            var deferred = new DeferredToolCollection(() => tools.Primitives(selection).Tools);
            options.ToolCollection = deferred;
            SessionTools.Register(deferred, () => tools.AvailableNames(selection));
            var (prompts, resources) = SessionPrimitives.CreatePromptsAndResources(tools.Prompts, tools.Resources, selection.Constraints);
            options.PromptCollection = prompts;
            options.ResourceCollection = resources;
        }
        else
        {
            var primitives = tools.Primitives(selection);
            options.ToolCollection = primitives.Tools;
            SessionTools.Register(primitives.Tools, () => tools.AvailableNames(selection));
            options.PromptCollection = primitives.Prompts;
            options.ResourceCollection = primitives.Resources;
        }
        options.Handlers.CompleteHandler = Completion.SentryCompletions.CompleteAsync;
        Apps.McpApps.Apply(options);
        var incoming = options.Filters.Message.IncomingFilters;
        if (!incoming.Contains(Completion.SentryCompletions.RejectMalformedRequests))
        {
            incoming.Add(Completion.SentryCompletions.RejectMalformedRequests);
        }
    }

    /// <summary>
    /// Stateless HTTP: no session outlives the request, so <c>logging/setLevel</c> is kept per
    /// credential (<see cref="ClientLogLevels"/>) for the calls that follow.
    /// </summary>
    public static void RememberLogLevelPerCredential(McpServerOptions options) =>
        options.Handlers.SetLoggingLevelHandler = (request, _) =>
        {
            if (request.Params is { } parameters && request.Services is { } services)
            {
                var credential = services.GetRequiredService<SentryToolContext>().Api.CredentialKey;
                services.GetRequiredService<ClientLogLevels>().Set(credential, parameters.Level);
            }
            return ValueTask.FromResult(new EmptyResult());
        };
}
