namespace SentryMcp.Sandbox;

/// <summary>The sandbox's mutable world. Writes are applied in memory under <see cref="Gate"/>.</summary>
public sealed class SandboxState
{
    public SandboxState(SandboxOptions options)
    {
        Options = options;
        Data = new DemoData();
    }

    public SandboxOptions Options { get; }
    public Lock Gate { get; } = new();
    public DemoData Data { get; private set; }

    public void Reset()
    {
        lock (Gate)
        {
            Data = new DemoData();
        }
    }

    /// <summary>Base URL of this sandbox as the caller reached it, ending with a slash.</summary>
    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/";
}
