namespace SentryMcp.E2E;

/// <summary>
/// Navigation deadlines for a loaded 2-core machine: the first page of a fresh host can take well over
/// the context's 15 s while other suites build and test beside it. Nothing waits longer than needed.
/// </summary>
public static class Patient
{
    public static PageGotoOptions Navigation => new() { Timeout = 90_000 };

    public static PageReloadOptions Reload => new() { Timeout = 90_000 };
}
