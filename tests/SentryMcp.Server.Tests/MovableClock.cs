namespace SentryMcp.Server.Tests;

/// <summary>
/// The host's clock in tests: the system clock plus an offset the test moves forward, so expiry is
/// reached without waiting. Timers stay real (a frozen fake clock would also freeze the host's HTTP
/// timeouts, retries and background loops).
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
