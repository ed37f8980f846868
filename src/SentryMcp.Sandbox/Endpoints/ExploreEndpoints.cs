namespace SentryMcp.Sandbox;

public static class ExploreEndpoints
{
    public static void MapExploreEndpoints(this RouteGroupBuilder api)
    {
        _ = api;
    }
}
