using SentryMcp.Core.Docs;

namespace SentryMcp.Core.Tests.Docs;

public sealed class DocsOptionsTests
{
    [Theory]
    [InlineData("https://docs.sentry.io")]
    [InlineData("http://127.0.0.1:5055/")]
    [InlineData("https://docs.example.com/sentry")]
    public void Absolute_http_urls_are_accepted(string url) => new DocsOptions { BaseUrl = url }.Validate();

    [Theory]
    [InlineData("docs.sentry.io")]
    [InlineData("ftp://docs.sentry.io")]
    [InlineData("file:///srv/docs")]
    [InlineData("https://docs.sentry.io/?x=1")]
    [InlineData("")]
    public void Other_values_are_refused_with_the_setting_name(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DocsOptions { BaseUrl = url }.Validate());

        Assert.Contains("SENTRY_DOCS_URL", error.Message);
    }
}
