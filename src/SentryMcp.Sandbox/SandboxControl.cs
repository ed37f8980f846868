namespace SentryMcp.Sandbox;

/// <summary>Test controls under <c>/__sandbox</c>: faults, the request log, received envelopes and a data reset.</summary>
public static class SandboxControl
{
    public static void MapSandboxControl(this WebApplication app)
    {
        var control = app.MapGroup("/__sandbox");
        control.MapPost("/faults", (FaultRule rule, FaultInjector faults) =>
        {
            faults.Add(rule);
            return Results.NoContent();
        });
        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapGet("/requests", (FaultInjector faults) => Results.Json(faults.Requests));
        control.MapGet("/requests/aborted", (FaultInjector faults) => Results.Json(faults.Aborted));
        control.MapDelete("/requests", (FaultInjector faults) =>
        {
            faults.ClearRequests();
            return Results.NoContent();
        });
        control.MapGet("/envelopes", (IngestStore ingest) => Results.Json(ingest.Envelopes));
        control.MapDelete("/envelopes", (IngestStore ingest) =>
        {
            ingest.Clear();
            return Results.NoContent();
        });
        control.MapPost("/seer", (SeerControl body, SandboxState state) =>
        {
            lock (state.Gate)
            {
                state.Data.SeerPollsForNewRuns = Math.Clamp(body.PollsUntilComplete, 1, 1_000_000);
            }
            return Results.NoContent();
        });
        control.MapPost("/reset", (SandboxState state, FaultInjector faults, IngestStore ingest) =>
        {
            state.Reset();
            ingest.Clear();
            faults.Clear();
            faults.ClearRequests();
            return Results.NoContent();
        });
    }
}

/// <summary>Body of <c>POST /__sandbox/seer</c>.</summary>
public sealed record SeerControl(int PollsUntilComplete);
