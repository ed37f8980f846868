using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Resources;

/// <summary>
/// A URI-template resource whose SDK resource is created on first use. The SDK compiles each template
/// into a non-backtracking regex when the resource is created, and the two docs templates held about
/// 2 MB of its tables in every process; most sessions list the templates and never read one. Listing
/// needs only <paramref name="template"/>; the first URI with the template's literal prefix creates the
/// SDK resource, which then matches and reads as before.
/// </summary>
public sealed class DeferredTemplateResource(ResourceTemplate template, Func<McpServerResource> create) : McpServerResource
{
    private readonly Lazy<McpServerResource> _resource = new(create);
    private readonly string _prefix = template.UriTemplate[..Math.Max(0, template.UriTemplate.IndexOf('{', StringComparison.Ordinal))];

    public override ResourceTemplate ProtocolResourceTemplate => template;

    public override Resource? ProtocolResource => null;

    public override IReadOnlyList<object> Metadata => _resource.Value.Metadata;

    public override bool IsMatch(string uri) =>
        uri.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase) && _resource.Value.IsMatch(uri);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
        _resource.Value.ReadAsync(request, cancellationToken);
}
