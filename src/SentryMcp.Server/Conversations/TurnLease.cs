namespace SentryMcp.Server.Conversations;

/// <summary>
/// Keeps a running turn's lease in the live-turn store: renewed every <c>Chat:TurnLeaseRefresh</c> on the
/// host's clock. A renewal the store refuses means the lease ran out (this instance stalled past
/// <c>Chat:TurnLeaseTtl</c>, its followers gave the answer up and a new turn may have begun): the turn is
/// cancelled through <paramref name="lost"/> rather than writing on as if it still owned the conversation.
/// </summary>
public static class TurnLease
{
    public static async Task KeepAsync(ITurnWriter writer, TimeProvider clock, TimeSpan every, CancellationTokenSource lost, ILogger logger, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(every, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            bool renewed;
            try
            {
                renewed = await writer.RenewAsync();
            }
            catch (Exception ex)
            {
                // The shared store is away for now: the next tick tries again; if it stays away the lease runs out.
                logger.LogWarning(ex, "Could not renew the lease of a running chat turn");
                continue;
            }
            if (!renewed)
            {
                logger.LogWarning("A running chat turn lost its lease (the instance stalled longer than Chat:TurnLeaseTtl); it stops");
                await lost.CancelAsync();
                return;
            }
        }
    }
}
