using System.ComponentModel;
using System.Reflection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Resources;

/// <summary>Every <c>[McpServerResource]</c> method (<see cref="SentryServerTypes"/>): fixed resources and URI templates.</summary>
public static class SentryResources
{
    /// <summary>These and the MCP Apps UI resources (<see cref="Apps.McpApps"/>). URI templates are created on first use (<see cref="DeferredTemplateResource"/>).</summary>
    public static IReadOnlyList<McpServerResource> CreateAll(IServiceProvider services) =>
        [.. SentryServerTypes.ResourceMethods.Select(m => Create(m, services)), .. Apps.McpApps.CreateResources()];

    private static McpServerResource Create(MethodInfo method, IServiceProvider services)
    {
        McpServerResource Sdk() => McpServerResource.Create(method, target: null,
            new McpServerResourceCreateOptions { Services = services, SerializerOptions = ToolResults.ToolSerializerOptions });
        var attribute = method.GetCustomAttribute<McpServerResourceAttribute>()!;
        if (attribute.UriTemplate is not { } uriTemplate || !uriTemplate.Contains('{', StringComparison.Ordinal))
        {
            return Sdk();
        }
        return new DeferredTemplateResource(new ResourceTemplate
        {
            UriTemplate = uriTemplate,
            Name = attribute.Name ?? method.Name,
            Title = attribute.Title,
            Description = method.GetCustomAttribute<DescriptionAttribute>()?.Description,
            MimeType = attribute.MimeType ?? "application/octet-stream",
        }, Sdk);
    }
}
