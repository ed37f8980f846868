using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Tools;

namespace SentryMcp.Core.Prompts;

/// <summary>
/// Every <c>[McpServerPrompt]</c> method (<see cref="Hosting.SentryServerTypes"/>), as a session sees it: arguments pinned by
/// the session's constraints are hidden and filled in.
/// </summary>
public static class SentryPrompts
{
    /// <summary>Creates every prompt once; sessions then get cheap constrained views of them.</summary>
    public static IReadOnlyList<McpServerPrompt> CreateAll(IServiceProvider services)
    {
        var prompts = Hosting.SentryServerTypes.PromptMethods
            .Select(m => McpServerPrompt.Create(m, target: null, new McpServerPromptCreateOptions { Services = services, SerializerOptions = ToolResults.ToolSerializerOptions }))
            .ToList();
        prompts.Sort((a, b) => string.CompareOrdinal(a.ProtocolPrompt.Name, b.ProtocolPrompt.Name));
        return prompts;
    }

    public static IReadOnlyList<McpServerPrompt> ForSession(IReadOnlyList<McpServerPrompt> all, SessionConstraints constraints)
    {
        var pinned = constraints.PinnedParameters().Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (pinned.Count == 0)
        {
            return all;
        }
        var prompts = new List<McpServerPrompt>(all.Count);
        foreach (var prompt in all)
        {
            var applicable = pinned.Where(p => prompt.ProtocolPrompt.Arguments?.Any(a => a.Name == p.Key) == true)
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            prompts.Add(applicable.Count == 0 ? prompt : new ConstrainedPrompt(prompt, applicable));
        }
        return prompts;
    }

    private sealed class ConstrainedPrompt : DelegatingMcpServerPrompt
    {
        private readonly IReadOnlyDictionary<string, string> _pinned;
        private readonly Prompt _protocolPrompt;

        public ConstrainedPrompt(McpServerPrompt inner, IReadOnlyDictionary<string, string> pinned) : base(inner)
        {
            _pinned = pinned;
            var original = inner.ProtocolPrompt;
            _protocolPrompt = new Prompt
            {
                Name = original.Name,
                Title = original.Title,
                Description = original.Description,
                Icons = original.Icons,
                Meta = original.Meta,
                Arguments = original.Arguments?.Where(a => !pinned.ContainsKey(a.Name)).ToList(),
            };
        }

        public override Prompt ProtocolPrompt => _protocolPrompt;

        public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
        {
            if (request.Params is { } parameters)
            {
                var arguments = parameters.Arguments is null
                    ? new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                    : new Dictionary<string, JsonElement>(parameters.Arguments, StringComparer.Ordinal);
                // The session is pinned: a value the client sends for a hidden argument does not widen it.
                foreach (var (name, value) in _pinned)
                {
                    arguments[name] = JsonSerializer.SerializeToElement(value, SentryMcp.Core.SentryMcpJsonContext.Default.String);
                }
                parameters.Arguments = arguments;
            }
            return base.GetAsync(request, cancellationToken);
        }
    }
}
