using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SentryMcp.Core.Telemetry;

namespace SentryMcp.Server.Tests.Observability;

/// <summary>A measurement of one of our instruments, with its tags.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// The spans and metric measurements of one test's own trace. Creating it starts a root span on the
/// test's async flow; HttpClient sends it as <c>traceparent</c> and the host continues the trace, so
/// what other tests running at the same time in this process record never mixes in.
/// Create it before connecting clients, so their background loops carry the trace too.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private const string TestSourceName = "SentryMcp.Server.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ActivityListener _spans;
    private readonly MeterListener _meters;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public TelemetryCapture()
    {
        _spans = new ActivityListener
        {
            // ASP.NET Core's request span carries the trace from the client into the host.
            ShouldListenTo = source => source.Name is SentryMcpTelemetry.Name or TestSourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);
        _root = TestSource.StartActivity("test", ActivityKind.Internal) ?? throw new InvalidOperationException("The test span was not sampled.");
        TraceId = _root.TraceId;
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SentryMcpTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ActivityTraceId TraceId { get; }

    /// <summary>Our own spans (source <c>SentryMcp</c>) of this trace that have ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped.Where(a => a.Source.Name == SentryMcpTelemetry.Name).OrderBy(a => a.StartTimeUtc)];

    /// <summary>Every ended span of this trace, the host's request spans included.</summary>
    public IReadOnlyList<Activity> AllSpans => [.. _stopped];

    public IReadOnlyList<Measured> Measurements(string instrument) => [.. _measured.Where(m => m.Instrument == instrument)];

    /// <summary>Measurements are taken on the recording thread, where the host's request span is current.</summary>
    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Activity.Current?.TraceId == TraceId)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, tagValue) in tags)
            {
                copy[key] = tagValue;
            }
            _measured.Enqueue(new Measured(instrument.Name, value, copy));
        }
    }

    public void Dispose()
    {
        _root.Dispose();
        _meters.Dispose();
        _spans.Dispose();
    }
}
