using System.Net;
using System.Text;
using System.Text.Json;
using SentryMcp.Core.Api;

namespace SentryMcp.Core.Tests.Api;

/// <summary>
/// How the API client reads Sentry's response bodies: whole, in several reads, sized from
/// Content-Length when there is one, and never past the configured bound.
/// </summary>
public sealed class ResponseBodyTests
{
    // Larger than one pooled read chunk, so every body below takes several reads.
    private static readonly string LongName = new('x', 100_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = LongName }));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_larger_than_one_read_is_read_whole_with_or_without_a_content_length(bool withLength)
    {
        var api = Client(withLength, Body, maxResponseBytes: 1024 * 1024);

        var json = await api.GetAsync<JsonElement>("organizations/acme/", null, CancellationToken.None);

        Assert.Equal(LongName, json.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_bound_is_refused_with_or_without_a_content_length(bool withLength)
    {
        var api = Client(withLength, Body, maxResponseBytes: Body.Length - 1);

        var error = await Assert.ThrowsAsync<SentryResponseFormatException>(() => api.GetAsync<JsonElement>("organizations/acme/", null, CancellationToken.None));

        Assert.Contains("larger than", error.InnerException?.Message);
    }

    [Fact]
    public async Task A_body_exactly_at_the_bound_is_read()
    {
        var api = Client(withLength: true, Body, maxResponseBytes: Body.Length);

        var json = await api.GetAsync<JsonElement>("organizations/acme/", null, CancellationToken.None);

        Assert.Equal(LongName.Length, json.GetProperty("name").GetString()?.Length);
    }

    private static SentryApiClient Client(bool withLength, byte[] body, long maxResponseBytes) =>
        new(new HttpClient(new BodyHandler(withLength, body)), new SentryHost(new Uri("https://sentry.example.com")), "token", maxResponseBytes);

    private sealed class BodyHandler(bool withLength, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A stream that cannot seek has no length, so its content goes out without Content-Length (as a compressed body does).
            HttpContent content = withLength ? new ByteArrayContent(body) : new StreamContent(new UnseekableStream(body));
            Assert.Equal(withLength, content.Headers.ContentLength is not null);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
