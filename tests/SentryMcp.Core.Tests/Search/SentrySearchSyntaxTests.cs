using SentryMcp.Core.Search;

namespace SentryMcp.Core.Tests.Search;

public sealed class SentrySearchSyntaxTests
{
    [Theory]
    [InlineData("")]
    [InlineData("level:error is:unresolved")]
    [InlineData("!environment:staging span.duration:>100")]
    [InlineData("has:user.email message:\"database is locked\"")]
    [InlineData("span.op:db OR span.op:cache.get")]
    [InlineData("tags[customer]:acme count():>5")]
    [InlineData("user.email:jane@acme.example \"exact phrase\"")]
    public void Filters_count_as_sentry_syntax(string input) => Assert.True(SentrySearchSyntax.LooksLikeSentrySyntax(input));

    [Theory]
    [InlineData("slow database queries")]
    [InlineData("how many errors today?")]
    [InlineData("errors with level:error from yesterday")]
    [InlineData("TimeoutException")]
    [InlineData("Level:Error")]
    public void Words_count_as_natural_language(string input) => Assert.False(SentrySearchSyntax.LooksLikeSentrySyntax(input));
}
