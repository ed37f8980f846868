namespace SentryMcp.Sandbox;

public static class TraceEndpoints
{
    public static void MapTraceEndpoints(this RouteGroupBuilder api)
    {
        _ = api;
    }
}
