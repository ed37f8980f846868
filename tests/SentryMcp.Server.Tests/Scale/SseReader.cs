using System.Text;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>Reads server-sent events: event name and data.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public async Task<string> NextAsync(string eventName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == eventName && data.Length > 0)
                {
                    return data.ToString();
                }
                (name, data) = (null, new StringBuilder());
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].TrimStart());
            }
        }
        throw new EndOfStreamException("The SSE stream ended.");
    }

    /// <summary>Returns when the server ends the stream; throws <see cref="TimeoutException"/> if it is still open after <paramref name="deadline"/>.</summary>
    public async Task WaitForEndAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            while (await _reader.ReadLineAsync(timeout.Token) is not null)
            {
                // Keep-alive comments and events until the end.
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The SSE stream was still open after {deadline}.");
        }
    }

    public void Dispose() => _reader.Dispose();
}
