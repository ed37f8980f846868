using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ModelContextProtocol.Server;
using SentryMcp.Core.Prompts;
using SentryMcp.Core.Resources;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Hosting;

/// <summary>
/// The methods this server serves as tools, prompts and resources, listed by their types instead of
/// found by scanning the assembly: trimming (Native AOT) keeps only what code names, and a type named
/// here through <see cref="Of"/> keeps its public static methods and their attributes. A new tool type
/// goes in this list (a test compares it with every <c>[McpServerToolType]</c> in the assembly).
/// </summary>
public static class SentryServerTypes
{
    /// <summary>Every <c>[McpServerTool]</c> method.</summary>
    public static IReadOnlyList<MethodInfo> ToolMethods { get; } = Marked<McpServerToolAttribute>(
    [
        .. Of(typeof(AddIssueNoteTool)),
        .. Of(typeof(AddTeamToProjectTool)),
        .. Of(typeof(AnalyzeIssueWithSeerTool)),
        .. Of(typeof(CreateDsnTool)),
        .. Of(typeof(CreateProjectTool)),
        .. Of(typeof(CreateTeamTool)),
        .. Of(typeof(CreateUptimeMonitorTool)),
        .. Of(typeof(DeleteUptimeMonitorTool)),
        .. Of(typeof(FindAlertRulesTool)),
        .. Of(typeof(FindDashboardsTool)),
        .. Of(typeof(FindDsnsTool)),
        .. Of(typeof(FindMonitorsTool)),
        .. Of(typeof(FindOrganizationsTool)),
        .. Of(typeof(FindProjectsTool)),
        .. Of(typeof(FindReleasesTool)),
        .. Of(typeof(FindTeamsTool)),
        .. Of(typeof(FindUptimeMonitorsTool)),
        .. Of(typeof(GetAiConversationDetailsTool)),
        .. Of(typeof(GetAlertRuleTool)),
        .. Of(typeof(GetDashboardDetailsTool)),
        .. Of(typeof(GetDocTool)),
        .. Of(typeof(GetEventAttachmentTool)),
        .. Of(typeof(GetEventStacktraceTool)),
        .. Of(typeof(GetIssueActivityTool)),
        .. Of(typeof(GetIssueBreadcrumbsTool)),
        .. Of(typeof(GetIssueDetailsTool)),
        .. Of(typeof(GetIssueTagValuesTool)),
        .. Of(typeof(GetIssueUserReportsTool)),
        .. Of(typeof(GetLatestBaseSnapshotTool)),
        .. Of(typeof(GetMonitorDetailsTool)),
        .. Of(typeof(GetProfileDetailsTool)),
        .. Of(typeof(GetProfileTool)),
        .. Of(typeof(GetReleaseDetailsTool)),
        .. Of(typeof(GetReplayDetailsTool)),
        .. Of(typeof(GetSentryResourceTool)),
        .. Of(typeof(GetSnapshotImageTool)),
        .. Of(typeof(GetSnapshotTool)),
        .. Of(typeof(GetSpanDetailsTool)),
        .. Of(typeof(GetTraceDetailsTool)),
        .. Of(typeof(GetUptimeMonitorDetailsTool)),
        .. Of(typeof(OnboardingStatusUpdateTool)),
        .. Of(typeof(RemoveTeamFromProjectTool)),
        .. Of(typeof(SearchAiConversationsTool)),
        .. Of(typeof(SearchDocsTool)),
        .. Of(typeof(SearchEventsTool)),
        .. Of(typeof(SearchIssueEventsTool)),
        .. Of(typeof(SearchIssuesTool)),
        .. Of(typeof(UpdateDsnTool)),
        .. Of(typeof(UpdateIssueTool)),
        .. Of(typeof(UpdateProjectTool)),
        .. Of(typeof(UpdateUptimeMonitorTool)),
        .. Of(typeof(WhoamiTool)),
    ]);

    /// <summary>Every <c>[McpServerPrompt]</c> method.</summary>
    public static IReadOnlyList<MethodInfo> PromptMethods { get; } = Marked<McpServerPromptAttribute>(
    [
        .. Of(typeof(FindErrorsInFilePrompt)),
        .. Of(typeof(FixIssueWithSeerPrompt)),
    ]);

    /// <summary>Every <c>[McpServerResource]</c> method (fixed resources and URI templates).</summary>
    public static IReadOnlyList<MethodInfo> ResourceMethods { get; } = Marked<McpServerResourceAttribute>(
    [
        .. Of(typeof(AboutResource)),
        .. Of(typeof(DocsResources)),
    ]);

    private static MethodInfo[] Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static);

    private static MethodInfo[] Marked<TAttribute>(MethodInfo[] methods) where TAttribute : Attribute =>
        [.. methods.Where(m => m.GetCustomAttribute<TAttribute>() is not null)];
}
