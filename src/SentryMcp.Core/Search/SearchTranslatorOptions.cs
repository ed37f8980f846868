using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Core.Search;

/// <summary>
/// The OpenAI-compatible model that turns natural language into Sentry search syntax. Read from
/// <c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c> and <c>OPENAI_MODEL</c> (default <c>gpt-4o-mini</c>:
/// the task is short and structured, so a small model is enough), with timing under
/// <c>Sentry:SearchTranslator</c>. With neither key nor base URL, queries are passed through as Sentry syntax.
/// </summary>
public sealed class SearchTranslatorOptions
{
    public const string SectionName = "Sentry:SearchTranslator";
    public const string DefaultModel = "gpt-4o-mini";

    public string? ApiKey { get; set; }

    /// <summary>Base URL of an OpenAI-compatible API including its version path, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? BaseUrl { get; set; }

    public string Model { get; set; } = DefaultModel;

    /// <summary>Upper bound for one translation, retries included: the tool never waits longer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of 429/5xx answers by the OpenAI client.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Natural-language searches translated per user per minute (sliding); more are refused with the wait.</summary>
    public int TranslationsPerUserPerMinute { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) || !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary>Every unusable <see cref="SearchTranslatorOptions"/> setting, with how to fix it.</summary>
public sealed class SearchTranslatorOptionsValidator : IValidateOptions<SearchTranslatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchTranslatorOptions options) => new OptionsProblems()
        .Require(string.IsNullOrWhiteSpace(options.BaseUrl) || OptionsProblems.IsHttpUrl(options.BaseUrl),
            $"OPENAI_BASE_URL '{options.BaseUrl}' is not an http(s) URL. Use the API root, e.g. https://api.openai.com/v1.")
        .Require(!string.IsNullOrWhiteSpace(options.Model), "OPENAI_MODEL is empty. Unset it to use gpt-4o-mini, or name a chat model.")
        .Require(options.Timeout > TimeSpan.Zero && options.Timeout <= TimeSpan.FromMinutes(5), "Sentry:SearchTranslator:Timeout must be between 0 and 5 minutes.")
        .Require(options.MaxRetries is >= 0 and <= 5, "Sentry:SearchTranslator:MaxRetries must be between 0 and 5.")
        .Require(options.TranslationsPerUserPerMinute is >= 1 and <= 10_000, "Sentry:SearchTranslator:TranslationsPerUserPerMinute must be between 1 and 10000.")
        .Result;
}

public static class SearchTranslatorServiceCollectionExtensions
{
    public static IServiceCollection AddSearchQueryTranslator(this IServiceCollection services)
    {
        services.AddOptions<SearchTranslatorOptions>()
            .BindConfiguration(SearchTranslatorOptions.SectionName)
            .Configure<IConfiguration>((options, config) =>
            {
                options.ApiKey = NonEmpty(config["OPENAI_API_KEY"]) ?? options.ApiKey;
                options.BaseUrl = NonEmpty(config["OPENAI_BASE_URL"]) ?? options.BaseUrl;
                options.Model = NonEmpty(config["OPENAI_MODEL"]) ?? options.Model;
            })
            .ValidateWith<SearchTranslatorOptions, SearchTranslatorOptionsValidator>();
        services.TryAddSingleton<ISearchTranslationBudget, InMemorySearchTranslationBudget>();
        services.AddSingleton<SearchQueryTranslator>();
        return services;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
