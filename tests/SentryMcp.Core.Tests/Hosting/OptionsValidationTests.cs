using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Api;
using SentryMcp.Core.Docs;
using SentryMcp.Core.Hosting;
using SentryMcp.Core.Search;
using SentryMcp.Core.Tools;
using SentryMcp.Stdio;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Hosting;

/// <summary>Each validator reports every bad setting of its options at once, each with how to fix it.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Docs_options_report_the_url_and_every_non_positive_limit()
    {
        var result = new DocsOptionsValidator().Validate(null, new DocsOptions
        {
            BaseUrl = "ftp://docs.sentry.io", RequestTimeout = TimeSpan.Zero, IndexTtl = TimeSpan.FromSeconds(-1), MaxIndexBytes = 0, MaxPageBytes = -5,
        });

        OptionsAssert.Failures(result, "SENTRY_DOCS_URL", "Docs:RequestTimeout", "Docs:IndexTtl", "Docs:MaxIndexBytes", "Docs:MaxPageBytes");
    }

    [Theory]
    [InlineData("https://docs.sentry.io")]
    [InlineData("http://127.0.0.1:5055/")]
    [InlineData("https://docs.example.com/sentry")]
    public void Absolute_http_docs_urls_are_accepted(string url) =>
        Assert.True(new DocsOptionsValidator().Validate(null, new DocsOptions { BaseUrl = url }).Succeeded);

    [Theory]
    [InlineData("docs.sentry.io")]
    [InlineData("ftp://docs.sentry.io")]
    [InlineData("file:///srv/docs")]
    [InlineData("https://docs.sentry.io/?x=1")]
    [InlineData("")]
    public void Other_docs_urls_are_refused_with_the_setting_name(string url) =>
        OptionsAssert.Failures(new DocsOptionsValidator().Validate(null, new DocsOptions { BaseUrl = url }), "SENTRY_DOCS_URL");

    [Fact]
    public void Sentry_client_options_report_every_bad_timeout_retry_and_limit()
    {
        var result = new SentryClientOptionsValidator().Validate(null, new SentryClientOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(10), MaxRetryAttempts = 11,
            RetryBaseDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromSeconds(1), MaxResponseBytes = 0, UserAgent = " ",
        });

        OptionsAssert.Failures(result, "Sentry:Client:TotalTimeout", "Sentry:Client:MaxRetryAttempts", "Sentry:Client:MaxRetryDelay",
            "Sentry:Client:MaxResponseBytes", "Sentry:Client:UserAgent");
        Assert.True(new SentryClientOptionsValidator().Validate(null, new SentryClientOptions()).Succeeded);
        OptionsAssert.Failures(new SentryClientOptionsValidator().Validate(null, new SentryClientOptions { AttemptTimeout = TimeSpan.Zero, RetryBaseDelay = TimeSpan.Zero }),
            "Sentry:Client:AttemptTimeout", "Sentry:Client:RetryBaseDelay");
    }

    [Fact]
    public void Search_translator_options_report_url_model_timeout_retries_and_budget_together()
    {
        var result = new SearchTranslatorOptionsValidator().Validate(null, new SearchTranslatorOptions
        {
            BaseUrl = "localhost:11434", Model = "", Timeout = TimeSpan.FromMinutes(6), MaxRetries = -1, TranslationsPerUserPerMinute = 10_001,
        });

        OptionsAssert.Failures(result, "OPENAI_BASE_URL", "OPENAI_MODEL", "Sentry:SearchTranslator:Timeout", "Sentry:SearchTranslator:MaxRetries",
            "Sentry:SearchTranslator:TranslationsPerUserPerMinute");
        Assert.True(new SearchTranslatorOptionsValidator().Validate(null, new SearchTranslatorOptions()).Succeeded);
    }

    [Fact]
    public void Seer_and_confirmation_options_report_each_non_positive_wait()
    {
        OptionsAssert.Failures(new SeerOptionsValidator().Validate(null, new SeerOptions { PollInterval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(-1) }),
            "Seer:PollInterval", "Seer:Timeout");
        OptionsAssert.Failures(new ConfirmationOptionsValidator().Validate(null, new ConfirmationOptions { Timeout = TimeSpan.Zero }), "Confirmation:Timeout");
        Assert.True(new SeerOptionsValidator().Validate(null, new SeerOptions()).Succeeded);
        Assert.True(new ConfirmationOptionsValidator().Validate(null, new ConfirmationOptions()).Succeeded);
    }

    [Fact]
    public async Task The_stdio_host_refuses_to_start_and_names_every_bad_setting_of_every_section()
    {
        var options = StdioOptions.Parse(["--access-token", "sntryu_test", "--host", "sentry.example.com"], _ => null, out var error, out _)
            ?? throw new InvalidOperationException(error);
        using var host = StdioServerHost.Build(options, configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seer:PollInterval"] = "-00:00:01",
            ["Seer:Timeout"] = "00:00:00",
            ["Docs:MaxPageBytes"] = "0",
            ["Sentry:Client:MaxRetryAttempts"] = "99",
        }), new MemoryStream(), new MemoryStream());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(CancellationToken.None));

        var messages = OptionsProblems.Of(failure);
        Assert.Equal(messages.Count, OptionsAssert.Flatten(failure).Sum(e => e.Failures.Count()));
        Assert.Contains(messages, m => m.StartsWith("Seer:PollInterval", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Seer:Timeout", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Docs:MaxPageBytes", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Sentry:Client:MaxRetryAttempts", StringComparison.Ordinal));
        var report = OptionsProblems.Report(messages);
        Assert.All(messages, m => Assert.Contains("  - " + m, report));
    }

    [Fact]
    public void A_failure_that_is_not_about_settings_has_no_problems_to_report()
    {
        Assert.Empty(OptionsProblems.Of(new InvalidOperationException("port in use")));
        Assert.Empty(OptionsProblems.Of(new AggregateException(new OptionsValidationException("x", typeof(SeerOptions), ["Seer:Timeout must be positive"]), new IOException())));
    }
}
