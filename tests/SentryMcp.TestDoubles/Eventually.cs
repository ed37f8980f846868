namespace SentryMcp.TestDoubles;

/// <summary>
/// Waits for something a test can observe (a recorded request, a log message), polling with a
/// generous deadline: a loaded machine only makes it slower, never makes it fail.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!await condition())
        {
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException("Condition not met within the deadline.");
            }
            await Task.Delay(20);
        }
    }
}
