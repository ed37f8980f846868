using Microsoft.Extensions.Options;
using SentryMcp.Core.Search;

namespace SentryMcp.Core.Tests.Search;

public sealed class SearchTranslationBudgetTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Each_user_gets_the_configured_translations_per_sliding_minute_and_is_told_when_to_retry()
    {
        var clock = new ManualClock();
        var budget = new InMemorySearchTranslationBudget(Options.Create(new SearchTranslatorOptions { TranslationsPerUserPerMinute = 2 }), clock);

        Assert.Null(await budget.TryTakeAsync("ann", CancellationToken.None));
        clock.Now += TimeSpan.FromSeconds(20);
        Assert.Null(await budget.TryTakeAsync("ann", CancellationToken.None));
        var refused = await budget.TryTakeAsync("ann", CancellationToken.None);
        Assert.Null(await budget.TryTakeAsync("bob", CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(40), refused);
        clock.Now += TimeSpan.FromSeconds(40);
        Assert.Null(await budget.TryTakeAsync("ann", CancellationToken.None));
        Assert.NotNull(await budget.TryTakeAsync("ann", CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void A_budget_outside_1_to_10000_is_refused_at_start_up(int perMinute)
    {
        var result = new SearchTranslatorOptionsValidator().Validate(null, new SearchTranslatorOptions { TranslationsPerUserPerMinute = perMinute });
        Assert.Contains("TranslationsPerUserPerMinute", Assert.Single(result.Failures!));
    }
}
