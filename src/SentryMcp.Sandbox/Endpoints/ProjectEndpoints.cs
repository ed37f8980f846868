namespace SentryMcp.Sandbox;

public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this RouteGroupBuilder api)
    {
        _ = api;
    }
}
