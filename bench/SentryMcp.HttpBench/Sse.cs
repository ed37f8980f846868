namespace SentryMcp.HttpBench;

/// <summary>Idle legacy-SSE sessions held open with raw HTTP streams (no MCP client per session).</summary>
public sealed class SseSessions(HttpClient http, Uri endpoint, string authorization) : IAsyncDisposable
{
    private readonly List<(HttpResponseMessage Response, Stream Stream)> _open = [];

    public int Count => _open.Count;

    /// <summary>Opens <paramref name="count"/> sessions, each counted only once the server announced its message endpoint.</summary>
    public async Task OpenAsync(int count, int parallelism, CancellationToken ct)
    {
        var gate = new SemaphoreSlim(parallelism);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
                request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
                var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {endpoint} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }
                var stream = await response.Content.ReadAsStreamAsync(ct);
                await ReadUntilEndpointAsync(stream, ct);
                lock (_open)
                {
                    _open.Add((response, stream));
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(tasks);
    }

    private static async Task ReadUntilEndpointAsync(Stream stream, CancellationToken ct)
    {
        var seen = new System.Text.StringBuilder();
        var buffer = new byte[1024];
        while (!seen.ToString().Contains("event: endpoint", StringComparison.Ordinal) || !seen.ToString().Contains("\n\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
            {
                throw new InvalidOperationException("The SSE stream closed before announcing its endpoint.");
            }
            seen.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (response, stream) in _open)
        {
            await stream.DisposeAsync();
            response.Dispose();
        }
        _open.Clear();
    }
}
