using ModelContextProtocol.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Resources;

/// <summary>Every <c>[McpServerResource]</c> method (<see cref="SentryServerTypes"/>): fixed resources and URI templates.</summary>
public static class SentryResources
{
    public static IReadOnlyList<McpServerResource> CreateAll(IServiceProvider services) =>
        [.. SentryServerTypes.ResourceMethods.Select(m => McpServerResource.Create(m, target: null,
            new McpServerResourceCreateOptions { Services = services, SerializerOptions = ToolResults.ToolSerializerOptions }))];
}
