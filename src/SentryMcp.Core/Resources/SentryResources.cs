using ModelContextProtocol.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Resources;

/// <summary>Every <c>[McpServerResource]</c> method (<see cref="SentryServerTypes"/>): fixed resources and URI templates.</summary>
public static class SentryResources
{
    /// <summary>These and the MCP Apps UI resources (<see cref="Apps.McpApps"/>).</summary>
    public static IReadOnlyList<McpServerResource> CreateAll(IServiceProvider services) =>
        [.. SentryServerTypes.ResourceMethods.Select(m => McpServerResource.Create(m, target: null,
            new McpServerResourceCreateOptions { Services = services, SerializerOptions = ToolResults.ToolSerializerOptions })), .. Apps.McpApps.CreateResources()];
}
