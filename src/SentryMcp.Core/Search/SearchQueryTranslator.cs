using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using OpenAI;

namespace SentryMcp.Core.Search;

/// <summary>A field the events endpoint accepts for a dataset, offered to the model.</summary>
public sealed record SearchAttribute(string Key, string Type);

public sealed record EventQueryTranslation(string Query, IReadOnlyList<string>? Fields, string? Sort, string? Explanation, bool Translated);

public sealed record IssueQueryTranslation(string Query, string? Sort, string? Explanation, bool Translated);

/// <summary>The model could not translate: the tool reports this text as an error and runs no search.</summary>
public sealed class SearchTranslationException(string message)
    : McpException($"**Search Translation Error**: {message}\n\nThe search was not run. Retry, or write the query in Sentry search syntax (e.g. `level:error`), which is used without translation.");

/// <summary>The user's translation budget is spent: no model call, and the text says when to retry.</summary>
public sealed class SearchTranslationBudgetException(int perMinute, TimeSpan retryAfter)
    : McpException($"**Search Translation Limit**: at most {perMinute} natural-language searches per minute are translated for each user. " +
        $"Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s, or write the query in Sentry search syntax (e.g. `is:unresolved level:error`), which needs no translation.");

/// <summary>
/// Natural language → Sentry search syntax through an OpenAI-compatible model (<see cref="IChatClient"/>).
/// Input that already looks like Sentry syntax, or any input when no model is configured, passes
/// through unchanged. Prompts are logged at Trace only: they carry the user's words.
/// </summary>
public sealed class SearchQueryTranslator : IDisposable
{
    private static readonly HashSet<string> IssueSorts = ["date", "freq", "new", "user"];

    private readonly SearchTranslatorOptions _options;
    private readonly ILogger<SearchQueryTranslator> _logger;
    private readonly IChatClient? _chat;
    private readonly ISearchTranslationBudget _budget;

    public SearchQueryTranslator(IOptions<SearchTranslatorOptions> options, ILogger<SearchQueryTranslator> logger, ISearchTranslationBudget? budget = null)
    {
        _options = options.Value;
        _logger = logger;
        _budget = budget ?? new InMemorySearchTranslationBudget(options);
        if (_options.IsConfigured)
        {
            var clientOptions = new OpenAIClientOptions
            {
                NetworkTimeout = _options.Timeout,
                RetryPolicy = new ClientRetryPolicy(_options.MaxRetries),
            };
            if (!string.IsNullOrWhiteSpace(_options.BaseUrl))
            {
                clientOptions.Endpoint = new Uri(_options.BaseUrl);
            }
            // Local OpenAI-compatible servers often need no key, but the client insists on one.
            var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(_options.ApiKey) ? "unused" : _options.ApiKey);
            _chat = Telemetry.LlmTelemetryChatClient.Wrap(
                new OpenAIClient(key, clientOptions).GetChatClient(_options.Model).AsIChatClient(), _options.Model, "search_translation");
        }
    }

    public bool IsConfigured => _chat is not null;

    /// <summary>Translates an events search for one dataset, given the fields that dataset offers.</summary>
    public async Task<EventQueryTranslation> TranslateEventQueryAsync(string input, string dataset, IReadOnlyList<SearchAttribute> attributes, string user, CancellationToken ct)
    {
        if (_chat is null || SentrySearchSyntax.LooksLikeSentrySyntax(input))
        {
            return new EventQueryTranslation(input.Trim(), null, null, null, Translated: false);
        }
        var json = await AskAsync(SearchPrompts.Events(dataset, attributes), input, $"{dataset} events", user, ct).ConfigureAwait(false);
        var fields = ReadStringArray(json, "fields");
        if (fields is { Count: > 30 })
        {
            throw Invalid("it asked for more than 30 fields");
        }
        return new EventQueryTranslation(ReadQuery(json), fields, ReadString(json, "sort"), ReadString(json, "explanation"), Translated: true);
    }

    /// <summary>Translates an issue search (for <c>search_issues</c>); sort is one of date, freq, new, user.</summary>
    public async Task<IssueQueryTranslation> TranslateIssueQueryAsync(string naturalLanguage, string user, CancellationToken ct)
    {
        if (_chat is null || SentrySearchSyntax.LooksLikeSentrySyntax(naturalLanguage))
        {
            return new IssueQueryTranslation(naturalLanguage.Trim(), null, null, Translated: false);
        }
        var json = await AskAsync(SearchPrompts.Issues, naturalLanguage, "issues", user, ct).ConfigureAwait(false);
        var sort = ReadString(json, "sort");
        if (sort is not null && !IssueSorts.Contains(sort))
        {
            throw Invalid($"it chose the unknown issue sort '{sort}'");
        }
        return new IssueQueryTranslation(ReadQuery(json), sort, ReadString(json, "explanation"), Translated: true);
    }

    public void Dispose() => _chat?.Dispose();

    private async Task<JsonElement> AskAsync(string system, string request, string subject, string user, CancellationToken ct)
    {
        if (request.Length > Tools.ToolInputLimits.Text)
        {
            // The tools refuse longer input already; this keeps any other caller from sending it.
            throw new SearchTranslationException($"The request is longer than {Tools.ToolInputLimits.Text:N0} characters.");
        }
        if (await _budget.TryTakeAsync(user, ct).ConfigureAwait(false) is { } retryAfter)
        {
            _logger.LogInformation("Search translation refused: the user's budget of {PerMinute} a minute is spent", _options.TranslationsPerUserPerMinute);
            throw new SearchTranslationBudgetException(_options.TranslationsPerUserPerMinute, retryAfter);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        _logger.LogDebug("Translating a natural-language {Subject} search with model {Model}", subject, _options.Model);
        _logger.LogTrace("Translation prompt: {System} / {Request}", system, request);
        ChatResponse response;
        try
        {
            response = await _chat!.GetResponseAsync(
                [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, request)],
                new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 800 },
                timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SearchTranslationException($"The language model did not answer within {_options.Timeout.TotalSeconds:0} seconds.");
        }
        catch (ClientResultException ex)
        {
            _logger.LogWarning("Search translation failed: the model API answered HTTP {Status}", ex.Status);
            throw new SearchTranslationException(ex.Status switch
            {
                401 or 403 => $"The language model API refused the credentials (HTTP {ex.Status}). Check OPENAI_API_KEY.",
                429 => "The language model API is rate limiting requests (HTTP 429). Wait a little and retry.",
                0 => "The language model API could not be reached.",
                _ => $"The language model API failed (HTTP {ex.Status}).",
            });
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning("Search translation failed: {Error}", ex.Message);
            throw new SearchTranslationException("The language model API could not be reached.");
        }
        _logger.LogTrace("Translation answer: {Answer}", response.Text);
        return Parse(response.Text);
    }

    private static JsonElement Parse(string? text)
    {
        var body = (text ?? string.Empty).Trim();
        if (body.StartsWith("```", StringComparison.Ordinal))
        {
            var start = body.IndexOf('\n');
            var end = body.LastIndexOf("```", StringComparison.Ordinal);
            body = start > 0 && end > start ? body[(start + 1)..end].Trim() : body;
        }
        JsonElement json;
        try
        {
            using var doc = JsonDocument.Parse(body);
            json = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Invalid("its answer was not JSON");
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("its answer was not a JSON object");
        }
        if (ReadString(json, "error") is { } error && !json.TryGetProperty("query", out _))
        {
            throw new SearchTranslationException($"The language model could not translate the request: {error}");
        }
        return json;
    }

    private static string ReadQuery(JsonElement json) =>
        json.TryGetProperty("query", out var query) && query.ValueKind is JsonValueKind.String
            ? query.GetString()!.Trim()
            : throw Invalid("its answer had no \"query\" string");

    private static string? ReadString(JsonElement json, string name) =>
        !json.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? NullIfEmpty(value.GetString())
        : throw Invalid($"its \"{name}\" was not a string");

    private static List<string>? ReadStringArray(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
        {
            throw Invalid($"its \"{name}\" was not a list of field names");
        }
        var list = value.EnumerateArray().Select(v => v.GetString()!.Trim()).Distinct().ToList();
        return list.Count == 0 ? null : list;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static SearchTranslationException Invalid(string why) =>
        new($"The language model returned an unusable translation: {why}.");
}
