using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Tests.Docs;

/// <summary>
/// docs/tools.md is generated from the tool catalog, so the documentation cannot drift from the
/// code. Regenerate with <c>UPDATE_DOCS=1 dotnet test --filter ToolReferenceTests</c>.
/// </summary>
public sealed class ToolReferenceTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SentryMcp.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), relative);
    }

    private static string Generate()
    {
        var services = new ServiceCollection().AddSentryMcpCore();
        services.AddScoped<SentryToolContext>(_ => throw new InvalidOperationException("Not used: the catalog only reads metadata."));
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<SentryToolCatalog>();
        var sb = new StringBuilder()
            .AppendLine("# Tools")
            .AppendLine()
            .AppendLine("Generated from the tool catalog by `ToolReferenceTests` (do not edit by hand).")
            .AppendLine("Permission groups decide which tools a grant can see; scopes are the Sentry OAuth scopes the tool's API calls need.")
            .AppendLine()
            .AppendLine("## Skills")
            .AppendLine()
            .AppendLine("A tool is available when any of its skills is enabled. A grant enables the skills of its permission groups;")
            .AppendLine("`--skills`/`--disable-skills` (stdio, or `MCP_SKILLS`/`MCP_DISABLE_SKILLS`) and `?skills=`/`?disable-skills=` (HTTP) narrow them, never widen.")
            .AppendLine()
            .AppendLine("| Skill | Name | Permission group | stdio default | Description |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var skill in SentrySkills.All)
        {
            sb.AppendLine($"| `{skill.Id}` | {skill.Name}{(skill.Deprecated ? " (deprecated)" : "")} | {skill.Group} | {(skill.Deprecated ? "off" : "on")} | {skill.Description} |");
        }
        sb.AppendLine()
            .AppendLine("## Visible tools")
            .AppendLine()
            .AppendLine($"`tools/list` shows the tools marked \"listed by default\" (at most {ToolSurfaces.DirectBudget}) that the session may call; every other available tool")
            .AppendLine("is reached through `search_sentry_tools` (find by name or words of its description) and `execute_sentry_tool` (run it),")
            .AppendLine("which are listed only when there is such a tool. To list every available tool directly: `--all-tools` (stdio, or `MCP_ALL_TOOLS=true`)")
            .AppendLine("or `?tools=all` (HTTP; the chat always uses it). Scoped sessions hide `find_organizations`, `find_projects` and `create_project`, and on")
            .AppendLine("a project-scoped URL the replay, profile and trace tools when the project has no such data.")
            .AppendLine()
            .AppendLine("## Catalog")
            .AppendLine()
            .AppendLine("| Tool | Group | Skills | Listed by default | Read-only | Destructive | Sentry scopes | Summary |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var tool in catalog.All)
        {
            var annotations = tool.Tool.ProtocolTool.Annotations;
            var summary = (tool.Tool.ProtocolTool.Description ?? "").Split('\n')[0].Replace("|", "\\|", StringComparison.Ordinal);
            var skills = string.Join(", ", tool.Skills.Order().Select(k => $"`{SentrySkills.Id(k)}`"));
            var listed = tool.IsDirect ? "yes" : "no";
            sb.AppendLine($"| `{tool.Name}` | {tool.Group} | {skills} | {listed} | {(annotations?.ReadOnlyHint == true ? "yes" : "no")} | {(annotations?.DestructiveHint == true ? "yes" : "no")} | {(tool.Scopes.Count == 0 ? "none" : string.Join(", ", tool.Scopes.Select(s => $"`{s}`")))} | {summary} |");
        }
        sb.AppendLine().AppendLine("## Prompts").AppendLine();
        foreach (var prompt in catalog.Prompts)
        {
            var args = string.Join(", ", (prompt.ProtocolPrompt.Arguments ?? []).Select(a => a.Required == true ? a.Name : a.Name + "?"));
            sb.AppendLine($"- `{prompt.ProtocolPrompt.Name}({args})`: {(prompt.ProtocolPrompt.Description ?? "").Split('\n')[0]}");
        }
        sb.AppendLine().AppendLine("## Resources").AppendLine();
        foreach (var resource in catalog.Resources.Where(r => r is not SentryMcp.Core.Apps.McpAppResource))
        {
            var name = resource.ProtocolResource?.Uri ?? resource.ProtocolResourceTemplate.UriTemplate;
            sb.AppendLine($"- `{name}`: {(resource.ProtocolResourceTemplate.Description ?? "").Split('\n')[0]}");
        }
        // From the view list rather than the catalog: a build without the web UI has the views but not their page.
        sb.AppendLine().AppendLine($"MCP Apps UI resources (`{SentryMcp.Core.Apps.McpApps.MimeType}`), listed only for hosts that declare the extension:").AppendLine();
        foreach (var view in SentryMcp.Core.Apps.McpAppViews.All)
        {
            sb.AppendLine($"- `{view.Uri}` ({string.Join(", ", view.Tools.Select(t => $"`{t}`"))}): {view.Description}");
        }
        return sb.ToString();
    }

    [Fact]
    public void Docs_tools_md_lists_every_tool_prompt_and_resource_as_the_code_declares_them()
    {
        var expected = Generate();
        var path = RepoFile("docs/tools.md");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.Exists(path) ? File.ReadAllText(path) : "");
    }

    [Fact]
    public void Every_write_tool_is_outside_the_read_group_and_every_read_group_tool_is_read_only()
    {
        var services = new ServiceCollection().AddSentryMcpCore();
        services.AddScoped<SentryToolContext>(_ => throw new InvalidOperationException());
        using var provider = services.BuildServiceProvider();

        foreach (var tool in provider.GetRequiredService<SentryToolCatalog>().All)
        {
            // onboarding_status_update is in every skill (so the Read group grants it) but is not
            // read-only: it sets the progress Sentry's onboarding UI shows. It changes no Sentry data and
            // needs only org:read, which is why it stays in the Read group; it is the one exception.
            if (tool.Name == "onboarding_status_update")
            {
                Assert.False(tool.IsReadOnly);
                Assert.Equal(PermissionGroup.Read, tool.Group);
                Assert.Equal(["org:read"], tool.Scopes);
                continue;
            }
            // Not the converse: a read-only tool may sit in a wider group when the official server puts it
            // there (find_dsns is project-management only).
            Assert.True(tool.Group != PermissionGroup.Read || tool.IsReadOnly, $"{tool.Name}: read-only={tool.IsReadOnly}, group={tool.Group}");
        }
    }
}
