using Microsoft.EntityFrameworkCore;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// Makes each approval single-use: the first request to insert its nonce runs the call, every other
/// one (a replay, a second tab, the same request on another instance) loses on the primary key. The
/// database is the one store every instance shares, and an insert is atomic on SQLite and PostgreSQL alike.
/// </summary>
public sealed class ApprovalLedger(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>True for the one caller that consumed the approval; false when it was already used.</summary>
    public async Task<bool> TryConsumeAsync(VerifiedApproval approval, CancellationToken ct)
    {
        // A scope of its own: the chat request's context may be busy elsewhere while the turn streams.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UsedApprovals.Add(new UsedApproval { Nonce = approval.Nonce, ExpiresAt = approval.ExpiresAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Losing the race on the key is a replay; any other failure is the database's and propagates.
            if (await IsUsedAsync(approval.Nonce, ct))
            {
                return false;
            }
            throw;
        }
        var now = clock.GetUtcNow();
        await db.UsedApprovals.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(ct);
        return true;
    }

    private async Task<bool> IsUsedAsync(string nonce, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UsedApprovals.AnyAsync(a => a.Nonce == nonce, ct);
    }
}
