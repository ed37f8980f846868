namespace SentryMcp.Sandbox;

public static class SeerEndpoints
{
    public static void MapSeerEndpoints(this RouteGroupBuilder api)
    {
        _ = api;
    }
}
