namespace SentryMcp.Sandbox;

public static class EventEndpoints
{
    public static void MapEventEndpoints(this RouteGroupBuilder api)
    {
        _ = api;
    }
}
