namespace SentryMcp.Sandbox;

public static class DocsEndpoints
{
    public static void MapDocsEndpoints(this WebApplication app)
    {
        _ = app;
    }
}
