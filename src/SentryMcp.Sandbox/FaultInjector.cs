using System.Collections.Concurrent;

namespace SentryMcp.Sandbox;

/// <summary>Fault kinds the sandbox can inject for tests.</summary>
public enum FaultKind
{
    /// <summary>Answer normally after <c>DelayMs</c>.</summary>
    Latency,
    /// <summary>Answer with <c>Status</c> (and <c>Retry-After</c> when given) and a Sentry error body.</summary>
    Status,
    /// <summary>Answer 200 with a body that is not valid JSON.</summary>
    MalformedJson,
    /// <summary>Abort the connection without an answer.</summary>
    Drop,
}

public sealed record FaultRule(FaultKind Kind, string? PathPrefix = null, int Count = 1, int Status = 500, int? RetryAfterSeconds = null, int DelayMs = 0);

public sealed record RecordedRequest(string Method, string Path, string Query, DateTimeOffset At);

/// <summary>
/// Records every request and injects the configured faults, each rule for its next <c>Count</c>
/// matching requests (a negative count means until cleared).
/// </summary>
public sealed class FaultInjector
{
    private const int MaxRecorded = 20_000;
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<RecordedRequest> _aborted = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests that ended without an answer: the client hung up (cancellation tests watch these) or a Drop fault.</summary>
    public IReadOnlyList<RecordedRequest> Aborted => [.. _aborted];

    public void ClearRequests()
    {
        _requests.Clear();
        _aborted.Clear();
    }

    private FaultRule? Take(string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.Ordinal))
                {
                    continue;
                }
                if (remaining > 0)
                {
                    _rules[i] = (rule, remaining - 1);
                }
                if (remaining != 0)
                {
                    return rule;
                }
            }
            return null;
        }
    }

    private void Record(HttpContext context)
    {
        var request = context.Request;
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        while (_requests.Count > MaxRecorded && _requests.TryDequeue(out _))
        {
        }
        context.RequestAborted.Register(() =>
        {
            _aborted.Enqueue(recorded with { At = DateTimeOffset.UtcNow });
            while (_aborted.Count > MaxRecorded && _aborted.TryDequeue(out _))
            {
            }
        });
    }

    public sealed class Middleware(RequestDelegate next, FaultInjector faults)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/__sandbox", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }
            faults.Record(context);
            var rule = faults.Take(path);
            switch (rule?.Kind)
            {
                case FaultKind.Latency:
                    await Task.Delay(rule.DelayMs, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    await next(context);
                    return;
                case FaultKind.Status:
                    context.Response.StatusCode = rule.Status;
                    if (rule.RetryAfterSeconds is { } seconds)
                    {
                        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    await context.Response.WriteAsJsonAsync(new { detail = $"Sandbox fault: HTTP {rule.Status}" });
                    return;
                case FaultKind.MalformedJson:
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"id\": \"1\", \"title\": \"trunc");
                    return;
                case FaultKind.Drop:
                    context.Abort();
                    return;
                default:
                    await next(context);
                    return;
            }
        }
    }
}
