using System.Text;
using OpenIddict.Abstractions;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Http;

namespace SentryMcp.Server.Auth;

/// <summary>
/// The consent form: who asks (client name and the real redirect host), for what (org/project
/// scope, permission groups), posting the original authorization request back with an anti-forgery token.
/// </summary>
public static class ConsentPage
{
    public const string GroupField = "group";
    public const string DecisionField = "decision";

    /// <summary>Read access, always granted: the Inspect skill.</summary>
    private static readonly SkillDefinition Inspect = SentrySkills.Get(Skill.Inspect);

    /// <summary>
    /// One checkbox per optional permission group, worded as the skill it grants (the words of the
    /// official server's consent page); the OAuth scope behind it stays <c>sentry:triage</c> etc.
    /// </summary>
    private static readonly (PermissionGroup Group, string Label, string Hint, bool Warn)[] Choices =
    [
        .. SentrySkills.All.Where(s => !s.Deprecated && s.Group != PermissionGroup.Read)
            .Select(s => (s.Group, s.Name, s.Description, s.Group == PermissionGroup.Seer)),
    ];

    /// <param name="kept">Groups this browser already approved for this client and redirect URI: a
    /// step-up request (after <c>insufficient_scope</c>) shows them as kept and only the rest as new.</param>
    public static string Render(OpenIddictRequest request, string clientName, Uri redirectUri, SessionConstraints scope, IReadOnlySet<PermissionGroup> kept,
        IEnumerable<KeyValuePair<string, string>> hiddenFields, string antiforgeryField, string antiforgeryToken)
    {
        var requested = PermissionScopes.GroupsFromScopes(request.GetScopes()).ToHashSet();
        var added = Choices.Where(c => requested.Contains(c.Group) && !kept.Contains(c.Group)).Select(c => c.Label).ToList();
        var html = new StringBuilder()
            .Append("<h1>Allow <strong>").Append(AuthPages.Encode(clientName)).Append("</strong> to use Sentry for you?</h1>")
            .Append("<p>After you approve and sign in with Sentry, you will be sent back to ")
            .Append("<span class=\"host\" data-testid=\"redirect-host\">").Append(AuthPages.Encode(DisplayHost(redirectUri))).Append("</span>.</p>");
        if (scope.OrganizationSlug is not null)
        {
            html.Append("<p>Access is limited to organization <span class=\"host\">").Append(AuthPages.Encode(scope.OrganizationSlug)).Append("</span>");
            if (scope.ProjectSlug is not null)
            {
                html.Append(", project <span class=\"host\">").Append(AuthPages.Encode(scope.ProjectSlug)).Append("</span>");
            }
            html.Append(".</p>");
        }
        if (kept.Count > 0 && added.Count > 0)
        {
            html.Append("<p data-testid=\"step-up\">You approved this client before. It now also asks for: <strong>")
                .Append(AuthPages.Encode(string.Join(", ", added))).Append("</strong>.</p>");
        }
        html.Append("<form method=\"post\" action=\"" + Routes.OAuthAuthorize + "\">")
            .Append(Hidden(antiforgeryField, antiforgeryToken));
        foreach (var (name, value) in hiddenFields)
        {
            html.Append(Hidden(name, value));
        }
        html.Append("<fieldset><legend>Permissions</legend>")
            .Append("<label><input type=\"checkbox\" checked disabled> ").Append(AuthPages.Encode(Inspect.Name))
            .Append("<span class=\"hint\">").Append(AuthPages.Encode(Inspect.Description)).Append(" Always included.</span></label>");
        foreach (var (group, label, hint, warn) in Choices)
        {
            var status = kept.Contains(group) ? "kept" : requested.Contains(group) && kept.Count > 0 ? "new" : null;
            html.Append("<label><input type=\"checkbox\" name=\"").Append(GroupField).Append("\" value=\"").Append(group)
                .Append('"').Append(requested.Contains(group) || kept.Contains(group) ? " checked" : "").Append("> ").Append(AuthPages.Encode(label));
            if (status is not null)
            {
                html.Append(" <span class=\"tag ").Append(status).Append("\" data-testid=\"").Append(status).Append('-').Append(group).Append("\">")
                    .Append(status == "kept" ? "already granted" : "new").Append("</span>");
            }
            html.Append("<span class=\"hint").Append(warn ? " warn" : "").Append("\">").Append(AuthPages.Encode(hint)).Append("</span></label>");
        }
        html.Append("</fieldset><div class=\"actions\">")
            .Append("<button type=\"submit\" class=\"secondary\" name=\"").Append(DecisionField).Append("\" value=\"deny\">Cancel</button>")
            .Append("<button type=\"submit\" class=\"primary\" name=\"").Append(DecisionField).Append("\" value=\"approve\">Approve</button>")
            .Append("</div></form>");
        return AuthPages.Layout("Authorize " + clientName, html.ToString());
    }

    /// <summary>The host as the browser will really reach it (punycode), with the Unicode form beside it when they differ.</summary>
    private static string DisplayHost(Uri uri)
    {
        var host = uri.IsDefaultPort || RedirectUris.IsLoopback(uri) ? uri.IdnHost : uri.IdnHost + ":" + uri.Port;
        if (uri.Scheme is not ("http" or "https"))
        {
            host = uri.Scheme + ":" + (string.IsNullOrEmpty(uri.IdnHost) ? "" : "//" + uri.IdnHost);
        }
        return uri.Host != uri.IdnHost ? $"{host} ({uri.Host})" : host;
    }

    private static string Hidden(string name, string value) =>
        $"<input type=\"hidden\" name=\"{AuthPages.Encode(name)}\" value=\"{AuthPages.Encode(value)}\">";
}
