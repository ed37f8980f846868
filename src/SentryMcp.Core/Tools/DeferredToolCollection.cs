using System.Diagnostics.CodeAnalysis;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Tools;

/// <summary>
/// A session's tool collection that creates its tools on first use (the first <c>tools/list</c> or
/// <c>tools/call</c>) instead of when the server is configured. Creating the 54 tools (reflection over
/// their methods, JSON schemas) was 215 of the Native AOT stdio server's 255 ms to answer
/// <c>initialize</c>, which needs none of them (docs/benchmarks.md). The SDK reads a collection only
/// through its virtual members (enumeration, look-up by name); <see cref="McpServerPrimitiveCollection{T}.Count"/>
/// and <c>IsEmpty</c> are not virtual and stay 0 here, so this is only for a host that sets
/// <c>ToolCollection</c> itself after the SDK's own options set-up (the stdio host).
/// </summary>
public sealed class DeferredToolCollection(Func<McpServerPrimitiveCollection<McpServerTool>> create)
    : McpServerPrimitiveCollection<McpServerTool>
{
    private readonly Lazy<McpServerPrimitiveCollection<McpServerTool>> _tools = new(create);

    /// <summary>The tools, created by the first call.</summary>
    public McpServerPrimitiveCollection<McpServerTool> Tools => _tools.Value;

    public override bool TryGetPrimitive(string name, [NotNullWhen(true)] out McpServerTool? primitive) =>
        Tools.TryGetPrimitive(name, out primitive);

    public override bool Contains(McpServerTool primitive) => Tools.Contains(primitive);

    public override ICollection<string> PrimitiveNames => Tools.PrimitiveNames;

    public override McpServerTool[] ToArray() => Tools.ToArray();

    public override void CopyTo(McpServerTool[] array, int arrayIndex) => Tools.CopyTo(array, arrayIndex);

    public override IEnumerator<McpServerTool> GetEnumerator() => Tools.GetEnumerator();

    // Sessions never change their tools after they are built (SessionPrimitives); mutations go to
    // the created collection so that nothing is lost if something does.
    public override bool TryAdd(McpServerTool primitive)
    {
        var added = Tools.TryAdd(primitive);
        if (added)
        {
            RaiseChanged();
        }
        return added;
    }

    public override bool Remove(McpServerTool primitive)
    {
        var removed = Tools.Remove(primitive);
        if (removed)
        {
            RaiseChanged();
        }
        return removed;
    }

    public override void Clear()
    {
        Tools.Clear();
        RaiseChanged();
    }
}
