using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SentryMcp.Server.Storage;

/// <summary>
/// The server's durable state: OpenIddict's applications, authorizations and tokens, our grants
/// (Sentry credentials, encrypted), the authorization server's key material and the DataProtection keys.
/// Everything asks for this type; the instance is the provider's subclass (<see cref="SqliteAppDbContext"/>
/// or <see cref="PostgresAppDbContext"/>), which owns that provider's migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Chat.ChatSession> ChatSessions => Set<Chat.ChatSession>();

    public DbSet<Chat.UsedApproval> UsedApprovals => Set<Chat.UsedApproval>();

    public DbSet<Conversations.Conversation> Conversations => Set<Conversations.Conversation>();

    public DbSet<Conversations.ConversationMessage> ConversationMessages => Set<Conversations.ConversationMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset values in SQL; a sortable integer works on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfiguration(new Chat.ChatSessionConfiguration());
        modelBuilder.ApplyConfiguration(new Chat.UsedApprovalConfiguration());
        modelBuilder.ApplyConfiguration(new Conversations.ConversationConfiguration());
        modelBuilder.ApplyConfiguration(new Conversations.ConversationMessageConfiguration());
        modelBuilder.Entity<Grant>(grant =>
        {
            grant.HasKey(g => g.Id);
            grant.Property(g => g.Id).HasMaxLength(64);
            grant.Property(g => g.UserId).HasMaxLength(128);
            grant.Property(g => g.ClientId).HasMaxLength(128);
            grant.HasIndex(g => g.UserId);
            grant.HasIndex(g => g.ClientId);
        });
        modelBuilder.Entity<ServerKey>(key =>
        {
            key.HasKey(k => k.Use);
            key.Property(k => k.Use).HasMaxLength(16);
        });
    }
}

/// <summary>
/// One sign-in of one user through one client: the Sentry credentials it acts with (protected with
/// DataProtection, never in clear text), the permission groups granted and the org/project scope.
/// </summary>
public sealed class Grant
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public string? UserName { get; set; }
    public required string ClientId { get; set; }
    public required string ProtectedAccessToken { get; set; }
    public string? ProtectedRefreshToken { get; set; }
    public DateTimeOffset? SentryExpiresAt { get; set; }

    /// <summary>Comma-separated <see cref="Core.Tools.PermissionGroup"/> names.</summary>
    public required string Groups { get; set; }
    public string? OrganizationSlug { get; set; }
    public string? ProjectSlug { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>The authorization server's RSA key for one use (signing or encryption), protected at rest.</summary>
public sealed class ServerKey
{
    public required string Use { get; set; }
    public required string ProtectedKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
