using System.Net;
using SentryMcp.Core.Api;
using SentryMcp.Core.Api.Models;
using SentryMcp.Core.Formatting;
using SentryMcp.Core.Tools.Output;

namespace SentryMcp.Core.Tools;

/// <summary>What add_team_to_project and remove_team_from_project share: reading a project's teams and the answer.</summary>
internal static class ProjectTeamSupport
{
    public static async Task<List<SentryTeam>> TeamsAsync(SentryToolContext context, string org, string project, string? regionUrl, CancellationToken ct)
    {
        try
        {
            return await context.Api.ListProjectTeamsAsync(org, project, regionUrl, ct).ConfigureAwait(false);
        }
        catch (SentryApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new UserInputException($"Project '{project}' was not found in '{org}'. `find_projects(organizationSlug='{org}')` lists the projects.");
        }
    }

    public static string List(IEnumerable<SentryTeam> teams)
    {
        var slugs = teams.Select(t => Markdown.Code(t.Slug)).ToList();
        return slugs.Count == 0 ? "none" : string.Join(", ", slugs);
    }

    public static ProjectTeamsOutput Output(bool changed, IEnumerable<SentryTeam> teams) =>
        new(changed, [.. teams.Select(t => new ProjectTeamOutput(t.Id, t.Slug, t.Name ?? t.Slug))]);

    public static string Answer(string title, string outcome, string org, string project, IReadOnlyList<SentryTeam> teams, params string[] hints)
    {
        var md = new Markdown().Title(title).Paragraph(outcome).Heading("Teams with access");
        foreach (var team in teams)
        {
            md.Bullet($"{Markdown.Code(team.Slug)}" + (string.IsNullOrWhiteSpace(team.Name) || team.Name == team.Slug ? "" : $" ({team.Name})"));
        }
        if (teams.Count == 0)
        {
            md.Paragraph("No team has access to this project.");
        }
        return md.UsingThisInformation([.. hints,
            $"Members of these teams can see the project's issues and settings; `find_teams(organizationSlug='{org}')` lists every team.",
            $"The project with its teams: `find_projects(organizationSlug='{org}', query='{project}')`."]).ToString();
    }
}
