using System.ComponentModel;
using ModelContextProtocol.Server;

namespace SentryMcp.Core.Prompts;

[McpServerPromptType]
public sealed class FindErrorsInFilePrompt
{
    [McpServerPrompt(Name = "find_errors_in_file", Title = "Find errors in a file")]
    [Description("Find the Sentry errors whose stack traces go through a given source file, e.g. the file you are editing.")]
    public static string FindErrorsInFile(
        [Description("The organization's slug. Use find_organizations to list the organizations you can access.")] string organizationSlug,
        [Description("The file to look for in stack traces: a file name or a path ending, e.g. 'users.py' or 'src/components/OrderList.tsx'.")] string filename)
    {
        var org = organizationSlug.Trim();
        var file = filename.Trim();
        return $"""
            Find the errors in the Sentry organization `{org}` whose stack traces include the file `{file}`.

            1. Call `search_issues` with organizationSlug `{org}` and a query for unresolved issues whose stack traces contain `{file}` (Sentry search syntax: `is:unresolved stack.filename:*{file}`), to get the grouped issues.
            2. If you need individual events, their counts or the exact frames, call `search_events` on the errors dataset with organizationSlug `{org}` and a query on `stack.filename:*{file}`.
            3. For the most relevant issues (most events, most users, most recent), call `get_issue_details` to read the stack trace and find the line of `{file}` involved.

            Then summarize: for each issue give its short ID, title, how often it happens, when it was last seen, its link, and the function and line in `{file}` where it fails. Say plainly when no errors were found.
            """;
    }
}
