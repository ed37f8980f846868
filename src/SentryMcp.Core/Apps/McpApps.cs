using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Apps;

/// <summary>
/// The MCP Apps extension (SEP-1865, <c>io.modelcontextprotocol/ui</c>, 2026-01-26): the views of the
/// web UI as <c>ui://sentry/...</c> resources, and <c>_meta.ui.resourceUri</c> on the tools they draw.
/// It is negotiated: only a client that declares the extension with our MIME type in its capabilities
/// sees the resources in <c>resources/list</c> and the tool metadata; every other client sees exactly
/// what it saw before.
/// </summary>
public static class McpApps
{
    public const string ExtensionId = "io.modelcontextprotocol/ui";
    public const string MimeType = "text/html;profile=mcp-app";
    public const string UriPrefix = "ui://sentry/";

    /// <summary>The flat key of drafts before 2026-01-26, still read by some hosts; the spec keeps it as deprecated.</summary>
    private const string LegacyResourceUriKey = "ui/resourceUri";

    private const string PageResourceName = "SentryMcp.Core.McpApp.html";

    private static readonly Lazy<string?> Page = new(() =>
    {
        using var stream = typeof(McpApps).Assembly.GetManifestResourceStream(PageResourceName);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Whether this build carries the view page. A build with <c>-p:SkipWebBuild=true</c> on a fresh
    /// clone has none: then there are no UI resources and no tool metadata, and nothing points at a
    /// resource that does not exist.
    /// </summary>
    public static bool Available => Page.Value is not null;

    /// <summary>The UI resources, one per view; empty when the page was not built.</summary>
    public static IReadOnlyList<McpServerResource> CreateResources() =>
        Page.Value is { } page ? [.. McpAppViews.All.Select(v => new McpAppResource(v, page))] : [];

    /// <summary>Whether the client declared the extension with the HTML profile (per request on 2026-07-28, per session before).</summary>
    public static bool ClientSupports<TParams>(RequestContext<TParams> request)
    {
        var capabilities = request.JsonRpcRequest.Context?.ClientCapabilities ?? request.Server.ClientCapabilities;
        if (capabilities?.Extensions is not { } extensions || !extensions.TryGetValue(ExtensionId, out var settings) || settings is null)
        {
            return false;
        }
        var element = settings is JsonElement json ? json : JsonSerializer.SerializeToElement(settings, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("mimeTypes", out var types)
            && types.ValueKind == JsonValueKind.Array
            && types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && string.Equals(t.GetString(), MimeType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Adds the list filters that show the extension to the clients that declare it.</summary>
    public static void Apply(McpServerOptions options)
    {
        if (!Available)
        {
            return;
        }
        var request = options.Filters.Request;
        if (!request.ListToolsFilters.Contains(AnnotateTools))
        {
            request.ListToolsFilters.Add(AnnotateTools);
        }
        if (!request.ListResourcesFilters.Contains(HideUiResources))
        {
            request.ListResourcesFilters.Add(HideUiResources);
        }
    }

    /// <summary>Tools are shared by every session of a selection: each gets its annotated copy once.</summary>
    private static readonly ConditionalWeakTable<Tool, Tool> Annotated = [];

    private static readonly McpRequestFilter<ListToolsRequestParams, ListToolsResult> AnnotateTools = next => async (request, ct) =>
    {
        var result = await next(request, ct).ConfigureAwait(false);
        if (!ClientSupports(request))
        {
            return result;
        }
        for (var i = 0; i < result.Tools.Count; i++)
        {
            if (McpAppViews.ByTool.TryGetValue(result.Tools[i].Name, out var view))
            {
                var uri = view.Uri;
                result.Tools[i] = Annotated.GetValue(result.Tools[i], tool => WithResourceUri(tool, uri));
            }
        }
        return result;
    };

    private static readonly McpRequestFilter<ListResourcesRequestParams, ListResourcesResult> HideUiResources = next => async (request, ct) =>
    {
        var result = await next(request, ct).ConfigureAwait(false);
        if (!ClientSupports(request))
        {
            result.Resources = [.. result.Resources.Where(r => !r.Uri.StartsWith(UriPrefix, StringComparison.Ordinal))];
        }
        return result;
    };

    private static Tool WithResourceUri(Tool tool, string uri)
    {
        var meta = tool.Meta?.DeepClone().AsObject() ?? [];
        meta["ui"] = new JsonObject { ["resourceUri"] = uri };
        meta[LegacyResourceUriKey] = uri;
        return new Tool
        {
            Name = tool.Name,
            Title = tool.Title,
            Description = tool.Description,
            InputSchema = tool.InputSchema,
            OutputSchema = tool.OutputSchema,
            Annotations = tool.Annotations,
            Icons = tool.Icons,
            Meta = meta,
        };
    }
}
