using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>The sandbox's minimal Sentry ingest, which the SDK tests (server and browser) report to.</summary>
public sealed class SandboxIngestTests : IAsyncLifetime
{
    private WebApplication _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        (_sandbox, var uri) = await SandboxApp.StartAsync();
        _http = new HttpClient { BaseAddress = uri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.StopAsync();
        await _sandbox.DisposeAsync();
    }

    private const string Envelope = """
        {"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","sent_at":"2026-01-01T00:00:00Z"}
        {"type":"event"}
        {"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","message":"hello"}
        {"type":"attachment","length":5,"filename":"a.txt"}
        ab
        cd
        """;

    [Fact]
    public async Task Envelopes_are_stored_with_their_items_whether_plain_or_gzipped()
    {
        var plain = await _http.PostAsync("api/42/envelope/?sentry_key=pub1&sentry_version=7", new StringContent(Envelope, Encoding.UTF8, "text/plain"));
        using var gzipped = new HttpRequestMessage(HttpMethod.Post, "api/7/envelope/") { Content = new ByteArrayContent(Gzip(Envelope)) };
        gzipped.Content.Headers.ContentEncoding.Add("gzip");
        gzipped.Headers.TryAddWithoutValidation("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=sentry.dotnet/6, sentry_key=pub2");
        var compressed = await _http.SendAsync(gzipped);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("*", plain.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("9ec79c33ec9942ab8353589fcb2e04dc", (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        var stored = await _http.GetFromJsonAsync<JsonElement>("__sandbox/envelopes");
        Assert.Equal([(42L, "pub1"), (7L, "pub2")], stored.EnumerateArray().Select(e => (e.GetProperty("projectId").GetInt64(), e.GetProperty("publicKey").GetString())));
        foreach (var envelope in stored.EnumerateArray())
        {
            var items = envelope.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(["event", "attachment"], items.Select(i => i.GetProperty("type").GetString()));
            Assert.Equal("hello", items[0].GetProperty("payload").GetProperty("message").GetString());
            // Read by its length, newline included.
            Assert.Equal("ab\ncd", items[1].GetProperty("text").GetString()!.ReplaceLineEndings("\n"));
        }
    }

    [Theory]
    [InlineData("not json\n{\"type\":\"event\"}\n{}", null)]
    [InlineData("{}\n{\"no\":\"type\"}\n{}", null)]
    [InlineData("{}\n{\"type\":\"attachment\",\"length\":500}\nshort", null)]
    [InlineData("{}\n{\"type\":\"event\"}\n{}", "zstd")]
    public async Task Malformed_envelopes_are_400_and_not_stored(string body, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/42/envelope/?sentry_key=k") { Content = new StringContent(body) };
        if (encoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(encoding);
        }

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("detail", out _));
        Assert.Empty((await _http.GetFromJsonAsync<JsonElement>("__sandbox/envelopes")).EnumerateArray());
    }

    [Fact]
    public async Task Envelopes_without_a_key_are_401_and_oversized_ones_400_even_when_compressed_small()
    {
        var anonymous = await _http.PostAsync("api/42/envelope/", new StringContent(Envelope));
        var bomb = new string('x', IngestEndpoints.MaxEnvelopeBytes + 1);
        var compressed = Gzip("{}\n{\"type\":\"event\"}\n\"" + bomb + "\"");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/42/envelope/?sentry_key=k") { Content = new ByteArrayContent(compressed) };
        request.Content.Headers.ContentEncoding.Add("gzip");
        var oversized = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.True(compressed.Length < IngestEndpoints.MaxEnvelopeBytes / 10, $"{compressed.Length} bytes compressed");
        Assert.Empty((await _http.GetFromJsonAsync<JsonElement>("__sandbox/envelopes")).EnumerateArray());
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return output.ToArray();
    }
}
