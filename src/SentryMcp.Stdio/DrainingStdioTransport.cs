using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Stdio;

/// <summary>
/// Newline-delimited JSON-RPC over stdin/stdout that still answers after stdin ends.
/// </summary>
/// <remarks>
/// The SDK's stdio transport stops writing the moment stdin reaches end-of-file, so
/// <c>cat requests.jsonl | sentry-mcp</c> exits 0 with no answers. Here end-of-file only ends the
/// message stream: the session finishes its in-flight handlers, their responses still reach
/// stdout (flushed per message), and only then does the host stop. A line that is not a JSON-RPC
/// message (a request cut off at end-of-file, say) gets a JSON-RPC error instead of silence.
/// </remarks>
internal sealed partial class DrainingStdioTransport : TransportBase
{
    private static readonly byte[] Newline = "\n"u8.ToArray();

    private readonly TextReader _input;
    private readonly Stream _output;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _readLoop;
    private int _disposed;
    private int _tracedRead;
    private int _tracedWrite;

    public DrainingStdioTransport(Stream input, Stream output, ILoggerFactory loggerFactory)
        : base("stdio", loggerFactory)
    {
        _input = new StreamReader(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _output = output;
        _logger = loggerFactory.CreateLogger<DrainingStdioTransport>();
        SetConnected();
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
        await WriteLineAsync(JsonSerializer.SerializeToUtf8Bytes(message, JsonRpcLine.MessageType), cancellationToken);

    private async Task WriteLineAsync(byte[] json, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _output.WriteAsync(json, cancellationToken);
            await _output.WriteAsync(Newline, cancellationToken);
            await _output.FlushAsync(cancellationToken);
            if (StartupTrace.Enabled && Interlocked.Exchange(ref _tracedWrite, 1) == 0)
            {
                StartupTrace.Mark("first answer written");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new IOException("Writing to stdout failed.", ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        try
        {
            // WaitAsync: a console read ignores its token, and shutdown must not wait for a keystroke.
            while (await _input.ReadLineAsync(_shutdown.Token).AsTask().WaitAsync(_shutdown.Token) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                if (StartupTrace.Enabled && Interlocked.Exchange(ref _tracedRead, 1) == 0)
                {
                    StartupTrace.Mark("first line read");
                }
                if (JsonRpcLine.TryParse(line, out var message, out var rejection))
                {
                    await WriteMessageAsync(message, _shutdown.Token);
                }
                else
                {
                    LogRejectedLine(_logger, line.Length);
                    await WriteLineAsync(rejection, _shutdown.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            // Completes the message stream; the session drains its handlers before the host stops.
            SetDisconnected(error);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _shutdown.CancelAsync();
        await _readLoop;
        _input.Dispose();
        await _output.DisposeAsync();
        _shutdown.Dispose();
        _writeLock.Dispose();
    }

    // The line's length only: its content may hold a token.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a stdin line of {Length} characters that is not a JSON-RPC message")]
    private static partial void LogRejectedLine(ILogger logger, int length);
}
