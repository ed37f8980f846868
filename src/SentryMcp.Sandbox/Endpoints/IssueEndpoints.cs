namespace SentryMcp.Sandbox;

public static class IssueEndpoints
{
    public static void MapIssueEndpoints(this RouteGroupBuilder api)
    {
        _ = api;
    }
}
