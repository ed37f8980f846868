using Microsoft.Extensions.Options;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// Deletes conversations idle for longer than <c>Chat:ConversationRetention</c>, every
/// <c>Chat:RetentionSweepInterval</c> on the host's <see cref="TimeProvider"/> (a fake clock in tests).
/// Every instance may sweep: deleting what is already gone is harmless.
/// </summary>
public sealed class ConversationCleanup(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ConversationOptions> options, ILogger<ConversationCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The conversation retention sweep failed; it runs again in {Interval}", options.Value.RetentionSweepInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var store = new ConversationStore(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
        var deleted = await store.DeleteIdleAsync(clock.GetUtcNow() - options.Value.ConversationRetention, ct);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} conversations idle for more than {Retention}", deleted, options.Value.ConversationRetention);
        }
        return deleted;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
