using ModelContextProtocol.Client;
using SentryMcp.Server.Chat.McpConnection;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// The one rule for which tool calls wait for the user: every tool that does not declare itself
/// read-only (its own <c>readOnlyHint</c> annotation), whether the model or the UI's direct run calls it.
/// </summary>
public static class ApprovalPolicy
{
    public static bool NeedsApproval(McpClientTool tool) => !McpSessionConnection.IsReadOnly(tool);
}
