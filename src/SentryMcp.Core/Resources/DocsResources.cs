using System.ComponentModel;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Docs;

namespace SentryMcp.Core.Resources;

/// <summary>Sentry's per-platform and per-framework setup guides, read through the same allowlisted docs client as get_doc.</summary>
[McpServerResourceType]
public sealed partial class DocsResources
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Slug();

    [McpServerResource(UriTemplate = "sentry-docs://platform/{platform}", Name = "sentry-docs-platform", Title = "Sentry docs: platform", MimeType = "text/markdown")]
    [Description("Sentry's setup guide for a platform, e.g. sentry-docs://platform/python or sentry-docs://platform/javascript.")]
    public static Task<string> Platform(
        DocsClient client,
        [Description("The platform, e.g. javascript, python, dotnet, react-native.")] string platform,
        CancellationToken cancellationToken) =>
        ReadAsync(client, $"/platforms/{CheckSlug(platform, "platform")}.md", cancellationToken);

    [McpServerResource(UriTemplate = "sentry-docs://platform/{platform}/guide/{guide}", Name = "sentry-docs-platform-guide", Title = "Sentry docs: framework guide", MimeType = "text/markdown")]
    [Description("Sentry's setup guide for a framework of a platform, e.g. sentry-docs://platform/python/guide/django or sentry-docs://platform/dotnet/guide/aspnetcore.")]
    public static Task<string> Guide(
        DocsClient client,
        [Description("The platform, e.g. javascript, python, dotnet.")] string platform,
        [Description("The framework guide, e.g. react, django, aspnetcore.")] string guide,
        CancellationToken cancellationToken) =>
        ReadAsync(client, $"/platforms/{CheckSlug(platform, "platform")}/guides/{CheckSlug(guide, "guide")}.md", cancellationToken);

    private static async Task<string> ReadAsync(DocsClient client, string path, CancellationToken ct)
    {
        var page = await client.GetPageAsync(path, ct).ConfigureAwait(false)
            ?? throw new McpProtocolException($"Sentry documentation has no page {path}. Use the search_docs tool to find the right platform and guide names.", McpErrorCode.ResourceNotFound);
        return page.Markdown;
    }

    private static string CheckSlug(string value, string name)
    {
        var slug = Uri.UnescapeDataString(value ?? string.Empty).Trim().ToLowerInvariant();
        return Slug().IsMatch(slug)
            ? slug
            : throw new McpProtocolException($"Invalid {name} '{value}': use a lowercase name such as 'python' or 'react-native'.", McpErrorCode.InvalidParams);
    }
}
