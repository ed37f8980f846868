using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Auth;

/// <summary>
/// Deletes dynamically registered clients that never completed a sign-in within
/// <see cref="AuthOptions.UnusedRegistrationLifetime"/>, so anonymous registration cannot fill the store.
/// </summary>
public sealed class RegistrationCleanup(IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider clock, ILogger<RegistrationCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Cleaning up unused client registrations failed");
            }
            await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.UnusedRegistrationLifetime;
        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var properties = await applications.GetPropertiesAsync(application, ct);
            if (properties.TryGetValue(ClientRegistrationEndpoint.CreatedAtProperty, out var created) && created.ValueKind == JsonValueKind.Number &&
                DateTimeOffset.FromUnixTimeSeconds(created.GetInt64()) < cutoff)
            {
                stale.Add(application);
            }
        }
        var deleted = 0;
        foreach (var application in stale)
        {
            var clientId = await applications.GetClientIdAsync(application, ct);
            if (!await db.Grants.AnyAsync(g => g.ClientId == clientId, ct))
            {
                await applications.DeleteAsync(application, ct);
                deleted++;
            }
        }
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} client registrations unused for {Lifetime}", deleted, options.Value.UnusedRegistrationLifetime);
        }
        return deleted;
    }
}
