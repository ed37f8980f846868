namespace SentryMcp.Server.Auth;

/// <summary>
/// Keeps a grant's Sentry token usable: when it looks expired, refresh it (once at a time per grant,
/// under <see cref="IGrantLock"/>, since Sentry rotates refresh tokens); if refreshing fails, probe
/// <c>/api/0/auth/</c> before giving up; revoke the grant when Sentry says the token is dead.
/// </summary>
public sealed class SentryTokenLifecycle(GrantStore grants, IGrantLock locks, SentryTokenClient sentry, TimeProvider clock, ILogger<SentryTokenLifecycle> logger)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    public async Task<ActiveGrant?> GetUsableAsync(string grantId, CancellationToken ct)
    {
        var grant = await grants.FindActiveAsync(grantId, ct);
        if (grant is null || !LooksExpired(grant))
        {
            return grant;
        }
        await using (await locks.AcquireAsync(grantId, ct))
        {
            // Another request may have refreshed while we waited.
            grant = await grants.FindActiveAsync(grantId, ct);
            if (grant is null || !LooksExpired(grant))
            {
                return grant;
            }
            if (grant.Sentry.RefreshToken is { } refreshToken && await sentry.RefreshAsync(refreshToken, ct) is { } fresh)
            {
                await grants.UpdateCredentialsAsync(grant.Id, fresh, ct);
                return grant with { Sentry = fresh };
            }
            switch (await sentry.ProbeAsync(grant.Sentry.AccessToken, ct))
            {
                case SentryTokenClient.ProbeResult.Rejected:
                    logger.LogInformation("Sentry rejected the token of grant {Grant}; revoking it", grant.Id);
                    await grants.RevokeAsync(grant.Id, ct);
                    return null;
                default:
                    // Still accepted, or Sentry is unreachable: tool calls will say what happens next.
                    return grant;
            }
        }
    }

    private bool LooksExpired(ActiveGrant grant) =>
        grant.Sentry.ExpiresAt is { } expires && expires - RefreshMargin <= clock.GetUtcNow();
}
