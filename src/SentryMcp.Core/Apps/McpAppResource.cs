using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Apps;

/// <summary>
/// A <c>ui://sentry/...</c> resource: the self-contained view page (built from web/mcp-app and embedded
/// in this assembly) with the view's name and tools written into it.
/// </summary>
public sealed class McpAppResource : McpServerResource
{
    private readonly McpAppView _view;
    private readonly Resource _resource;
    private readonly ResourceTemplate _template;
    private readonly Lazy<string> _html;

    public McpAppResource(McpAppView view, string page)
    {
        _view = view;
        _resource = new Resource
        {
            Uri = view.Uri,
            Name = "ui-" + view.Key,
            Title = view.Title,
            Description = view.Description,
            MimeType = McpApps.MimeType,
            Meta = McpAppViews.ResourceMeta(),
        };
        _template = new ResourceTemplate
        {
            UriTemplate = view.Uri,
            Name = _resource.Name,
            Title = _resource.Title,
            Description = _resource.Description,
            MimeType = _resource.MimeType,
            Meta = McpAppViews.ResourceMeta(),
        };
        // Tool names are [a-z_] and keys are [a-z-], so neither needs escaping inside the attribute.
        _html = new Lazy<string>(() => page
            .Replace("__SENTRY_MCP_APP_VIEW__", view.Key, StringComparison.Ordinal)
            .Replace("__SENTRY_MCP_APP_TOOLS__", string.Join(',', view.Tools), StringComparison.Ordinal));
    }

    public McpAppView View => _view;

    public override ResourceTemplate ProtocolResourceTemplate => _template;

    public override Resource? ProtocolResource => _resource;

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => string.Equals(uri, _view.Uri, StringComparison.Ordinal);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        if (request.Params is not { } parameters || !IsMatch(parameters.Uri))
        {
            throw new McpProtocolException($"Unknown resource {request.Params?.Uri}.", McpErrorCode.ResourceNotFound);
        }
        return ValueTask.FromResult(new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = _view.Uri, MimeType = McpApps.MimeType, Text = _html.Value, Meta = McpAppViews.ResourceMeta() }],
        });
    }
}
