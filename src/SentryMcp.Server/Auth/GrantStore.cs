using Microsoft.EntityFrameworkCore;
using SentryMcp.Core.Tools;
using SentryMcp.Server.Mcp;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Auth;

/// <summary>Sentry credentials as the upstream sign-in returned them (clear text, memory only).</summary>
public sealed record SentryCredentials(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt);

/// <summary>A grant as the MCP endpoints use it, with the Sentry token decrypted.</summary>
public sealed record ActiveGrant(string Id, string UserId, string ClientId, SentryCredentials Sentry, IReadOnlySet<PermissionGroup> Groups, SessionConstraints Scope);

/// <summary>Creates, reads and revokes grants; Sentry tokens are encrypted on the way in and out.</summary>
public sealed class GrantStore(AppDbContext db, SecretProtector protector, TimeProvider clock, ISseSessionRouter streams) : IMcpGrantStatus
{
    public async Task<string> CreateAsync(string userId, string? userName, string clientId, SentryCredentials sentry,
        IEnumerable<PermissionGroup> groups, SessionConstraints scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var grant = new Grant
        {
            Id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            UserName = userName,
            ClientId = clientId,
            ProtectedAccessToken = "",
            Groups = PermissionScopes.Format(groups.Append(PermissionGroup.Read)),
            OrganizationSlug = scope.OrganizationSlug,
            ProjectSlug = scope.ProjectSlug,
            CreatedAt = now,
            LastUsedAt = now,
        };
        SetCredentials(grant, sentry);
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }

    /// <summary>The grant, unless it does not exist or was revoked.</summary>
    public async Task<ActiveGrant?> FindActiveAsync(string id, CancellationToken ct)
    {
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is null || grant.RevokedAt is not null)
        {
            return null;
        }
        return new ActiveGrant(grant.Id, grant.UserId, grant.ClientId, CredentialsOf(grant), PermissionScopes.Parse(grant.Groups),
            new SessionConstraints(grant.OrganizationSlug, grant.ProjectSlug));
    }

    public Task<bool> IsActiveAsync(string grantId, CancellationToken ct) =>
        db.Grants.AnyAsync(g => g.Id == grantId && g.RevokedAt == null, ct);

    public async Task UpdateCredentialsAsync(string id, SentryCredentials sentry, CancellationToken ct)
    {
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (grant is not null)
        {
            SetCredentials(grant, sentry);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Records use at most once a minute, to keep writes off the hot path.</summary>
    public async Task TouchAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var threshold = now.AddMinutes(-1);
        await db.Grants.Where(g => g.Id == id && g.LastUsedAt < threshold).ExecuteUpdateAsync(s => s.SetProperty(g => g.LastUsedAt, now), ct);
    }

    /// <summary>
    /// Revokes the grant and closes its open <c>/sse</c> streams (on every instance). Returns its
    /// Sentry credentials when this call revoked it, so the caller can revoke them at Sentry too;
    /// null when it was unknown or already revoked.
    /// </summary>
    public async Task<SentryCredentials?> RevokeAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.Grants.Where(g => g.Id == id && g.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), ct);
        if (revoked == 0)
        {
            return null;
        }
        await streams.GrantRevokedAsync(id);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        return grant is null ? null : CredentialsOf(grant);
    }

    /// <summary>Revokes every live grant of a user ("sign out everywhere"); returns the Sentry credentials of those it revoked.</summary>
    public async Task<IReadOnlyList<SentryCredentials>> RevokeAllOfUserAsync(string userId, CancellationToken ct)
    {
        var ids = await db.Grants.AsNoTracking().Where(g => g.UserId == userId && g.RevokedAt == null).Select(g => g.Id).ToListAsync(ct);
        var credentials = new List<SentryCredentials>();
        foreach (var id in ids)
        {
            if (await RevokeAsync(id, ct) is { } sentry)
            {
                credentials.Add(sentry);
            }
        }
        return credentials;
    }

    private SentryCredentials CredentialsOf(Grant grant)
    {
        var (access, refresh) = protector.UnprotectTokens(SecretProtector.SentryTokens, grant.ProtectedAccessToken, grant.ProtectedRefreshToken);
        return new(access, refresh, grant.SentryExpiresAt);
    }

    private void SetCredentials(Grant grant, SentryCredentials sentry)
    {
        (grant.ProtectedAccessToken, grant.ProtectedRefreshToken) = protector.ProtectTokens(SecretProtector.SentryTokens, sentry.AccessToken, sentry.RefreshToken);
        grant.SentryExpiresAt = sentry.ExpiresAt;
    }
}
