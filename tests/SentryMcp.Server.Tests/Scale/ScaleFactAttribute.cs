namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// A test of the cluster tests/scale/run.sh starts. Anywhere else (a plain <c>dotnet test</c> of the
/// solution) it is skipped with the reason, so the solution's run stays green; the script fails on a
/// skipped test, so inside it none can be.
/// </summary>
public sealed class ScaleFactAttribute : FactAttribute
{
    public ScaleFactAttribute()
    {
        if (!ScaleCluster.IsRunning)
        {
            Skip = "Needs the cluster tests/scale/run.sh starts (PostgreSQL, Redis, two instances behind nginx): run that script.";
        }
    }
}
