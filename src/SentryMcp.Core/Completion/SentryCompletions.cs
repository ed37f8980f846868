using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Completion;

/// <summary>
/// <c>completion/complete</c> for prompt arguments and resource-template variables, from the caller's
/// Sentry data. Unknown prompts, templates or arguments and oversized values are JSON-RPC
/// <c>-32602</c> errors, as the specification lists them; arguments with nothing to suggest
/// (a file name, say) complete to an empty list.
/// </summary>
public static partial class SentryCompletions
{
    /// <summary>The specification caps one response at 100 values.</summary>
    public const int MaxValues = 100;

    /// <summary>Longer than any slug or issue id; bounds what a client can make us filter and forward.</summary>
    public const int MaxValueLength = 200;

    private const int MaxContextArguments = 16;

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex TemplateVariable();

    public static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken ct)
    {
        var parameters = request.Params ?? throw Invalid("completion/complete needs params with 'ref' and 'argument'.");
        var argument = parameters.Argument ?? throw Invalid("completion/complete needs an 'argument' with 'name' and 'value'.");
        var value = argument.Value ?? string.Empty;
        if (value.Length > MaxValueLength)
        {
            throw Invalid($"The value of '{argument.Name}' is {value.Length} characters long; completion accepts at most {MaxValueLength}.");
        }
        IReadOnlyDictionary<string, string> context = parameters.Context?.Arguments is { } given
            ? new Dictionary<string, string>(given, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        if (context.Count > MaxContextArguments || context.Any(a => (a.Value?.Length ?? 0) > MaxValueLength || a.Key.Length > MaxValueLength))
        {
            throw Invalid($"context.arguments accepts at most {MaxContextArguments} arguments of at most {MaxValueLength} characters each.");
        }

        var names = parameters.Ref switch
        {
            PromptReference prompt => PromptArguments(request.Server, prompt.Name),
            ResourceTemplateReference template => TemplateVariables(request.Server, template.Uri),
            _ => throw Invalid("'ref' must be a ref/prompt or a ref/resource reference."),
        };
        if (!names.Contains(argument.Name, StringComparer.Ordinal))
        {
            throw Invalid($"{Describe(parameters.Ref)} has no argument '{Shorten(argument.Name)}'. Its arguments: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
        }

        var services = request.Services ?? throw new InvalidOperationException("Completion needs the request's services.");
        var source = new CompletionSource(services.GetRequiredService<SentryToolContext>(), services.GetRequiredService<CompletionCache>());
        var candidates = await source.CandidatesAsync(argument.Name, value, context, ct).ConfigureAwait(false);
        return Rank(candidates, value);
    }

    /// <summary>
    /// Checks the shape of a <c>completion/complete</c> request before the SDK reads it: a missing
    /// argument or an unknown reference type would otherwise be a bare <c>-32603</c>.
    /// </summary>
    public static readonly McpMessageFilter RejectMalformedRequests = next => async (context, ct) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.CompletionComplete } request)
        {
            CheckShape(request.Params);
        }
        await next(context, ct).ConfigureAwait(false);
    };

    private static void CheckShape(JsonNode? parameters)
    {
        if (parameters is not JsonObject body)
        {
            throw Invalid("completion/complete needs params with 'ref' and 'argument'.");
        }
        var type = body["ref"] is JsonObject reference ? Text(reference["type"]) : null;
        var named = type switch
        {
            "ref/prompt" => Text(body["ref"]!["name"]) is not null,
            "ref/resource" => Text(body["ref"]!["uri"]) is not null,
            _ => false,
        };
        if (!named)
        {
            throw Invalid("'ref' must be {\"type\": \"ref/prompt\", \"name\": …} or {\"type\": \"ref/resource\", \"uri\": …}.");
        }
        if (body["argument"] is not JsonObject argument || Text(argument["name"]) is null || Text(argument["value"]) is null)
        {
            throw Invalid("'argument' must be an object with string 'name' and 'value'.");
        }
        if (body["context"] is { } context && (context is not JsonObject contextObject
            || contextObject["arguments"] is { } arguments && (arguments is not JsonObject map || map.Any(a => Text(a.Value) is null))))
        {
            throw Invalid("'context.arguments' must map argument names to strings.");
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Prefix matches first, then values that merely contain the text; at most 100.</summary>
    internal static CompleteResult Rank(Candidates candidates, string value)
    {
        var prefix = candidates.Values.Where(v => v.StartsWith(value, StringComparison.OrdinalIgnoreCase));
        var contains = value.Length == 0 ? [] : candidates.Values.Where(v => !v.StartsWith(value, StringComparison.OrdinalIgnoreCase) && v.Contains(value, StringComparison.OrdinalIgnoreCase));
        var matches = prefix.Concat(contains).Distinct(StringComparer.Ordinal).ToList();
        return new CompleteResult
        {
            Completion = new ModelContextProtocol.Protocol.Completion
            {
                Values = [.. matches.Take(MaxValues)],
                // When Sentry's list was cut short, how many values match is unknown: no total, and there may be more.
                Total = candidates.Complete ? matches.Count : null,
                HasMore = matches.Count > MaxValues || !candidates.Complete,
            },
        };
    }

    private static List<string> PromptArguments(McpServer server, string name)
    {
        var prompts = server.ServerOptions.PromptCollection;
        if (prompts is null || !prompts.TryGetPrimitive(name, out var prompt))
        {
            throw Invalid($"Unknown prompt '{Shorten(name)}'. prompts/list shows the prompts of this server.");
        }
        return [.. prompt.ProtocolPrompt.Arguments?.Select(a => a.Name) ?? []];
    }

    private static List<string> TemplateVariables(McpServer server, string? uri)
    {
        var template = server.ServerOptions.ResourceCollection?
            .FirstOrDefault(r => r.IsTemplated && string.Equals(r.ProtocolResourceTemplate.UriTemplate, uri, StringComparison.Ordinal));
        if (template is null)
        {
            throw Invalid($"Unknown resource template '{Shorten(uri ?? "")}'. resources/templates/list shows the templates of this server.");
        }
        return [.. TemplateVariable().Matches(template.ProtocolResourceTemplate.UriTemplate).Select(m => m.Groups[1].Value).Distinct()];
    }

    private static string Describe(Reference reference) => reference switch
    {
        PromptReference p => $"Prompt '{p.Name}'",
        ResourceTemplateReference r => $"Resource template '{r.Uri}'",
        _ => "The reference",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    internal static McpProtocolException Invalid(string message) => new(message, McpErrorCode.InvalidParams);
}

/// <summary>Values to choose from, and whether they are all there are.</summary>
internal sealed record Candidates(IReadOnlyList<string> Values, bool Complete)
{
    public static Candidates None { get; } = new([], true);
}
