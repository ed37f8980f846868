using System.ComponentModel;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Prompts;

[McpServerPromptType]
public sealed class FixIssueWithSeerPrompt
{
    [McpServerPrompt(Name = "fix_issue_with_seer", Title = "Fix an issue with Seer")]
    [Description("Analyze a Sentry issue with Seer and apply the proposed fix to the codebase.")]
    public static string FixIssueWithSeer(
        [Description("The organization's slug. Not needed when issueUrl is given.")] string? organizationSlug = null,
        [Description("The issue's short ID, e.g. 'PROJECT-123'.")] string? issueId = null,
        [Description("The issue's Sentry URL, e.g. https://my-org.sentry.io/issues/PROJECT-123/.")] string? issueUrl = null)
    {
        string target;
        string call;
        if (!string.IsNullOrWhiteSpace(issueUrl))
        {
            target = $"the Sentry issue at {issueUrl.Trim()}";
            call = $"analyze_issue_with_seer(issueUrl='{issueUrl.Trim()}')";
        }
        else if (!string.IsNullOrWhiteSpace(issueId))
        {
            var org = string.IsNullOrWhiteSpace(organizationSlug) ? "<organizationSlug>" : organizationSlug.Trim();
            target = $"Sentry issue {issueId.Trim()}" + (string.IsNullOrWhiteSpace(organizationSlug) ? "" : $" in organization '{org}'");
            call = $"analyze_issue_with_seer(organizationSlug='{org}', issueId='{issueId.Trim()}')";
        }
        else
        {
            target = "the Sentry issue I describe (ask me for its URL or short ID if I have not given one)";
            call = "analyze_issue_with_seer(issueUrl='<issue URL>')";
        }
        return $"""
            Fix {target} with the help of Seer, Sentry's AI debugger.

            1. Run `{call}` to get Seer's root cause analysis and proposed solution. It reuses an existing analysis or starts one and waits for it, which can take a few minutes.
            2. Read the root cause and check it against the code in this workspace: open the files and lines Seer points to.
            3. Apply the proposed fix with the smallest change that addresses the root cause, following the codebase's conventions. If Seer's solution does not fit the code as it is now, adapt it and say why.
            4. Add or update a test that reproduces the failure and passes with the fix, then run the tests.
            5. Summarize the root cause, the change you made and how you verified it. If the analysis failed or is still running, say so and use `get_issue_details` to reason about the issue yourself.
            """;
    }
}
