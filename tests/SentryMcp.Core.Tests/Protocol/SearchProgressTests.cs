using System.Collections.Concurrent;
using ModelContextProtocol;
using SentryMcp.Core.Tests.Tools;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Protocol;

/// <summary>Progress while a search waits for the language model, with a scripted model over real HTTP.</summary>
public sealed class SearchProgressTests(McpServerFixture server) : TranslatingClientTests(server), IClassFixture<McpServerFixture>
{
    /// <summary>Records progress synchronously, unlike <see cref="Progress{T}"/> which posts to the thread pool.</summary>
    private sealed class RecordingProgress : IProgress<ProgressNotificationValue>
    {
        public ConcurrentQueue<ProgressNotificationValue> Values { get; } = new();

        public void Report(ProgressNotificationValue value) => Values.Enqueue(value);
    }

    [Theory]
    [InlineData("search_issues")]
    [InlineData("search_events")]
    public async Task A_translated_search_reports_the_translation_step(string tool)
    {
        Llm.ReplyJson(tool == "search_issues"
            ? new { query = "is:unresolved level:error", explanation = "Open errors." }
            : new { query = "level:error", explanation = "Errors." });
        var progress = new RecordingProgress();

        var result = await Client.CallToolAsync(tool, new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = "errors that are still open" }, progress);

        Assert.NotEqual(true, result.IsError);
        // The SDK sends progress without waiting, and the client stops listening at the result:
        // the last notification can be lost, the first one cannot.
        await Eventually.UntilAsync(() => !progress.Values.IsEmpty, describe: () => "No progress notification arrived.");
        var first = Assert.Single(progress.Values.Take(1));
        Assert.Equal(0, first.Progress);
        Assert.Equal(2, first.Total);
        Assert.Equal("Translating the query into Sentry search syntax.", first.Message);
        Assert.All(progress.Values.Skip(1), v => Assert.Equal("Searching Sentry.", v.Message));
    }

    [Fact]
    public async Task Sentry_syntax_reports_no_translation_step()
    {
        var progress = new RecordingProgress();

        var result = await Client.CallToolAsync("search_issues", new Dictionary<string, object?> { ["organizationSlug"] = "acme", ["query"] = "is:unresolved" }, progress);

        Assert.NotEqual(true, result.IsError);
        Assert.DoesNotContain(progress.Values, v => v.Message == "Translating the query into Sentry search syntax.");
    }
}
