using SentryMcp.Core.Prompts;

namespace SentryMcp.Core.Tests.Prompts;

public sealed class FixIssueWithSeerPromptTests
{
    [Fact]
    public void Prompt_with_an_issue_id_tells_the_model_to_run_seer_on_it_then_apply_the_fix()
    {
        var text = FixIssueWithSeerPrompt.FixIssueWithSeer(organizationSlug: "acme", issueId: "API-BACKEND-1");

        Assert.Contains("Sentry issue API-BACKEND-1 in organization 'acme'", text);
        Assert.Contains("analyze_issue_with_seer(organizationSlug='acme', issueId='API-BACKEND-1')", text);
        Assert.Contains("Apply the proposed fix", text);
        Assert.Contains("test that reproduces the failure", text);
    }

    [Fact]
    public void Prompt_with_an_issue_url_passes_the_url_alone()
    {
        var text = FixIssueWithSeerPrompt.FixIssueWithSeer(issueUrl: "https://acme.sentry.io/issues/API-BACKEND-1/");

        Assert.Contains("analyze_issue_with_seer(issueUrl='https://acme.sentry.io/issues/API-BACKEND-1/')", text);
        Assert.DoesNotContain("organizationSlug=", text);
    }

    [Fact]
    public void Prompt_without_an_issue_asks_the_user_for_one()
    {
        var text = FixIssueWithSeerPrompt.FixIssueWithSeer();

        Assert.Contains("ask me for its URL or short ID", text);
    }
}
