namespace SentryMcp.Core.Tools;

/// <summary>
/// Turns a user's skill choice (<c>--skills</c>/<c>MCP_SKILLS</c>, <c>--disable-skills</c>,
/// <c>?skills=</c>, <c>?disable-skills=</c>) into a set of skills, the way the official server
/// resolves it: a skill list replaces the default set (every active, non-deprecated skill), a
/// disable list removes from it, and an empty result is refused rather than silently serving nothing.
/// </summary>
public static class SkillChoice
{
    /// <summary>The default set: every skill that is not deprecated (so not the legacy <c>docs</c>).</summary>
    public static IReadOnlySet<Skill> Active { get; } = SentrySkills.All.Where(s => !s.Deprecated).Select(s => s.Skill).ToHashSet();

    /// <param name="skills">The skill list, or null when none was given (then <see cref="Active"/> applies).</param>
    /// <param name="disable">Skills to remove, or null.</param>
    /// <param name="skillsSource">How the user wrote the list, for messages (<c>--skills</c>, <c>skills</c>).</param>
    /// <param name="disableSource">How the user wrote the disable list, for messages.</param>
    public static (IReadOnlySet<Skill>? Skills, string? Error) Resolve(string? skills, string? disable, string skillsSource, string disableSource)
    {
        HashSet<Skill> chosen;
        if (skills is null)
        {
            chosen = [.. Active];
        }
        else
        {
            var (valid, invalid) = SentrySkills.Parse(skills);
            if (invalid.Count > 0)
            {
                return (null, Unknown(skillsSource, invalid));
            }
            if (valid.Count == 0)
            {
                return (null, $"{skillsSource} names no skill. Valid skills: {SentrySkills.ValidIds}.");
            }
            chosen = valid;
        }
        if (disable is not null)
        {
            var (valid, invalid) = SentrySkills.Parse(disable);
            if (invalid.Count > 0)
            {
                return (null, Unknown(disableSource, invalid));
            }
            chosen.ExceptWith(valid);
            if (chosen.Count == 0)
            {
                return (null, $"{disableSource} disables every skill; at least one must stay enabled. Valid skills: {SentrySkills.ValidIds}.");
            }
        }
        return (chosen, null);
    }

    private static string Unknown(string source, List<string> invalid) =>
        $"{source} names unknown skill{(invalid.Count == 1 ? "" : "s")} {string.Join(", ", invalid.Select(s => $"'{s}'"))}. Valid skills: {SentrySkills.ValidIds}.";
}
