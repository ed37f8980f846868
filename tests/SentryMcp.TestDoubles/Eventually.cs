namespace SentryMcp.TestDoubles;

/// <summary>
/// Waits for something a test can observe (a recorded request, a log message), polling with a
/// generous deadline: a loaded machine only makes it slower, never makes it fail.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? deadline = null, Func<string>? describe = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!await condition())
        {
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException(describe?.Invoke() ?? "Condition not met within the deadline.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The same for a condition read from memory (messages a handler recorded).</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan? deadline = null, Func<string>? describe = null) =>
        UntilAsync(() => Task.FromResult(condition()), deadline, describe);
}
