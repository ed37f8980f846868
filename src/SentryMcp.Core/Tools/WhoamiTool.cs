using System.ComponentModel;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

[McpServerToolType]
public sealed class WhoamiTool
{
    [McpServerTool(Name = "whoami", Title = "Who am I", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Identify the authenticated user in Sentry.\n\nUse this tool when you need to:\n- Get the user's name and email address.\n- Check which organization or project this session is pinned to.")]
    [SentryTool(PermissionGroup.Read)]
    public static async Task<string> Whoami(SentryToolContext context, CancellationToken cancellationToken)
    {
        var user = await context.Api.GetAuthenticatedUserAsync(cancellationToken).ConfigureAwait(false);
        var md = new Markdown()
            .Line($"You are authenticated as {user.Name ?? user.Username ?? "an unnamed user"} ({user.Email ?? "no email"}).")
            .Line()
            .Field("User ID", user.Id)
            .Field("Username", user.Username);
        var constraints = context.Constraints;
        if (!constraints.IsEmpty)
        {
            md.Line().Heading("Session Constraints")
                .Field("Organization", constraints.OrganizationSlug)
                .Field("Project", constraints.ProjectSlug)
                .Field("Region URL", constraints.RegionUrl);
        }
        return md.ToString();
    }
}
