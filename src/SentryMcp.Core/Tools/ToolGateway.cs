using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Formatting;

namespace SentryMcp.Core.Tools;

/// <summary>
/// <c>search_sentry_tools</c>: finds, among the tools this session may call, those matching a query
/// by exact name first, then by the words of their names and descriptions.
/// </summary>
public sealed class SearchSentryToolsTool : McpServerTool
{
    public const string ToolName = "search_sentry_tools";
    private const int DefaultLimit = 8;
    private const int MaxLimit = 20;

    private readonly IReadOnlyList<SentryMcpTool> _available;

    public SearchSentryToolsTool(IReadOnlyList<SentryMcpTool> available)
    {
        _available = available;
        ProtocolTool = new Tool
        {
            Name = ToolName,
            Title = "Search Sentry tools",
            Description = "Search the Sentry tools available in this session by name and description.\n\n" +
                "Only a small set of Sentry tools is listed directly. Use this tool for any Sentry task without an obvious listed tool: " +
                "replays, alert rules, cron and uptime monitors, dashboards, breadcrumbs, issue activity and notes, user feedback, " +
                "profiles, release details, AI conversations, snapshots, DSNs and project administration.\n\n" +
                "Use this tool when you need to:\n- Find the right Sentry tool for a task\n- Read the input schema of a tool before running it with execute_sentry_tool\n\n" +
                "<examples>\nsearch_sentry_tools(query='replay')\nsearch_sentry_tools(query='uptime monitor', limit=5)\nsearch_sentry_tools(query='get_issue_breadcrumbs')\n</examples>\n\n" +
                "<hints>\n- Results only include tools this session may call, with schemas that already omit the session's pinned organization and project.\n" +
                "- Run a result with execute_sentry_tool(name=..., arguments={...}).\n</hints>",
            Annotations = new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 200, ["description"] = "Keywords describing the Sentry operation or resource, or an exact tool name." },
                    ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = MaxLimit, ["default"] = DefaultLimit, ["description"] = $"Maximum number of tools to return (1–{MaxLimit})." },
                },
                ["required"] = new JsonArray("query"),
            }, SentryMcp.Core.SentryMcpJsonContext.Default.JsonObject),
            OutputSchema = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["type"] = "string" },
                    ["results"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject
                            {
                                ["name"] = new JsonObject { ["type"] = "string" },
                                ["description"] = new JsonObject { ["type"] = "string" },
                                ["inputSchema"] = new JsonObject { ["type"] = "object" },
                                ["annotations"] = new JsonObject { ["type"] = "object" },
                            },
                            ["required"] = new JsonArray("name", "description", "inputSchema", "annotations"),
                        },
                    },
                },
                ["required"] = new JsonArray("query", "results"),
            }, SentryMcp.Core.SentryMcpJsonContext.Default.JsonObject),
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = request.Params?.Arguments;
        ToolInputLimits.Check(arguments);
        string? query = null;
        var limit = DefaultLimit;
        if (arguments is not null && arguments.TryGetValue("query", out var q) && q.ValueKind == JsonValueKind.String)
        {
            query = q.GetString()?.Trim();
        }
        if (string.IsNullOrEmpty(query))
        {
            return ValueTask.FromResult(Gateway.InputError("`query` is required: keywords such as 'replay' or 'uptime monitor', or a tool name."));
        }
        if (arguments!.TryGetValue("limit", out var l) && l.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            if (l.ValueKind != JsonValueKind.Number || !l.TryGetInt32(out limit) || limit is < 1 or > MaxLimit)
            {
                return ValueTask.FromResult(Gateway.InputError($"`limit` must be a whole number from 1 to {MaxLimit}."));
            }
        }
        var matches = Search(query, limit);
        var md = new Markdown().Title($"Sentry tools matching {Markdown.Code(query)}");
        if (matches.Count == 0)
        {
            md.Paragraph("No tool available in this session matches. Try broader words (e.g. 'issue', 'monitor', 'release'); tools of skills this session was not granted are not listed.");
        }
        foreach (var tool in matches)
        {
            var protocol = tool.ProtocolTool;
            md.Heading(protocol.Name)
                .Paragraph(Gateway.FirstParagraph(protocol.Description))
                .Field("Parameters", Gateway.ParameterSummary(protocol.InputSchema))
                .Field("Changes data", protocol.Annotations?.ReadOnlyHint == true ? "no" : protocol.Annotations?.DestructiveHint == true ? "yes (destructive)" : "yes")
                .Line();
        }
        if (matches.Count > 0)
        {
            md.UsingThisInformation(
                $"Run one with `execute_sentry_tool(name='{matches[0].ProtocolTool.Name}', arguments={{...}})`, using the parameter names above.",
                "The structured result carries each tool's full input schema.");
        }
        var structured = new JsonObject
        {
            ["query"] = query,
            ["results"] = new JsonArray([.. matches.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.ProtocolTool.Name,
                ["description"] = t.ProtocolTool.Description ?? "",
                ["inputSchema"] = JsonNode.Parse(t.ProtocolTool.InputSchema.GetRawText()),
                ["annotations"] = JsonSerializer.SerializeToNode(t.ProtocolTool.Annotations ?? new ToolAnnotations(), McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ToolAnnotations))),
            })]),
        };
        return ValueTask.FromResult(new CallToolResult
        {
            Content = [new TextContentBlock { Text = md.ToString() }],
            StructuredContent = JsonSerializer.SerializeToElement(structured, SentryMcp.Core.SentryMcpJsonContext.Default.JsonObject),
        });
    }

    /// <summary>Exact name first; then by how many query words each tool's name and description contain.</summary>
    internal List<SentryMcpTool> Search(string query, int limit)
    {
        var exact = _available.Where(t => string.Equals(t.ProtocolTool.Name, query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }
        var words = Gateway.Words(query).Where(w => w.Length > 1).Distinct().ToList();
        if (words.Count == 0)
        {
            return [];
        }
        return [.. _available
            .Select(t => (Tool: t, Score: Gateway.Score(t, words)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Tool.ProtocolTool.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.Tool)];
    }
}

/// <summary><c>execute_sentry_tool</c>: runs one tool this session may call, by name, with its arguments.</summary>
public sealed class ExecuteSentryToolTool : McpServerTool
{
    public const string ToolName = "execute_sentry_tool";

    private readonly IReadOnlyList<SentryMcpTool> _available;

    public ExecuteSentryToolTool(IReadOnlyList<SentryMcpTool> available)
    {
        _available = available;
        ProtocolTool = new Tool
        {
            Name = ToolName,
            Title = "Run a Sentry tool",
            Description = "Run a Sentry tool found with search_sentry_tools, by name, with arguments matching its input schema.\n\n" +
                "Use this tool when you need to:\n- Call a Sentry tool that is not listed directly\n\n" +
                "<examples>\nexecute_sentry_tool(name='get_issue_breadcrumbs', arguments={'organizationSlug': 'my-org', 'issueId': 'PROJECT-123'})\nexecute_sentry_tool(name='whoami', arguments={})\n</examples>\n\n" +
                "<hints>\n- Use search_sentry_tools first if you are not sure of the name or the arguments.\n" +
                "- The session's pinned organization and project are filled in automatically.\n" +
                "- The tool run answers exactly as it would when called directly, including its errors.\n</hints>",
            // It can run write tools, so clients must treat it like one.
            Annotations = new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true },
            InputSchema = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 128, ["description"] = "The name of the tool to run, as search_sentry_tools returned it." },
                    ["arguments"] = new JsonObject { ["type"] = "object", ["description"] = "The tool's arguments, matching the input schema search_sentry_tools returned.", ["additionalProperties"] = true },
                },
                ["required"] = new JsonArray("name"),
            }, SentryMcp.Core.SentryMcpJsonContext.Default.JsonObject),
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = request.Params?.Arguments;
        if (arguments is null || !arguments.TryGetValue("name", out var n) || n.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(n.GetString()))
        {
            return Gateway.InputError("`name` is required: the name of a tool from search_sentry_tools.");
        }
        var name = n.GetString()!.Trim();
        var target = _available.FirstOrDefault(t => t.ProtocolTool.Name == name);
        if (target is null)
        {
            var suggestion = string.Join(", ", new SearchSentryToolsTool(_available).Search(name.Replace('_', ' '), 3).Select(t => Markdown.Code(t.ProtocolTool.Name)));
            return Gateway.InputError($"The tool {Markdown.Code(name)} is not available in this session." +
                (suggestion.Length > 0 ? $" Similar tools: {suggestion}." : "") + " Use search_sentry_tools to find one.");
        }
        Dictionary<string, JsonElement> inner = new(StringComparer.Ordinal);
        if (arguments.TryGetValue("arguments", out var a) && a.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            if (a.ValueKind != JsonValueKind.Object)
            {
                return Gateway.InputError("`arguments` must be an object of the tool's parameters, e.g. {\"organizationSlug\": \"my-org\"}.");
            }
            foreach (var property in a.EnumerateObject())
            {
                inner[property.Name] = property.Value.Clone();
            }
        }
        request.Params = new CallToolRequestParams { Name = name, Arguments = inner, Meta = request.Params?.Meta };
        return await target.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

internal static class Gateway
{
    public static CallToolResult InputError(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = $"**Input Error**: {message}" }],
    };

    public static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', '_', '-', '/', ',', '.', '(', ')', ':', '\n', '\t', '\'', '`'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Stem);

    /// <summary>Plural to singular, so "monitors" finds find_monitors and "replays" get_replay_details.</summary>
    private static string Stem(string word) =>
        word.Length > 3 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    public static int Score(SentryMcpTool tool, IReadOnlyList<string> words)
    {
        var name = Words(tool.ProtocolTool.Name).ToHashSet();
        var description = Words(FirstParagraph(tool.ProtocolTool.Description) + " " + (tool.ProtocolTool.Title ?? "")).ToHashSet();
        var score = 0;
        foreach (var word in words)
        {
            score += name.Contains(word) ? 3 : description.Contains(word) ? 1 : 0;
        }
        return score;
    }

    public static string FirstParagraph(string? description)
    {
        var text = description ?? "";
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).Trim();
    }

    public static string ParameterSummary(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return "none";
        }
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var names = properties.EnumerateObject().Select(p => required.Contains(p.Name) ? $"`{p.Name}` (required)" : $"`{p.Name}`").ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
