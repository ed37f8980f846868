using System.Reflection;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Resources;

/// <summary>Every <c>[McpServerResource]</c> method of this assembly: fixed resources and URI templates.</summary>
public static class SentryResources
{
    private static readonly Lazy<MethodInfo[]> Methods = new(() => [.. typeof(SentryResources).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<McpServerResourceTypeAttribute>() is not null)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .Where(m => m.GetCustomAttribute<McpServerResourceAttribute>() is not null)]);

    /// <summary>These and the MCP Apps UI resources (<see cref="Apps.McpApps"/>).</summary>
    public static IReadOnlyList<McpServerResource> CreateAll(IServiceProvider services) =>
        [.. Methods.Value.Select(m => McpServerResource.Create(m, target: null, new McpServerResourceCreateOptions { Services = services })), .. Apps.McpApps.CreateResources()];
}
