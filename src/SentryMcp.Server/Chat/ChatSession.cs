using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SentryMcp.Server.Chat;

/// <summary>
/// One browser's sign-in to the chat: our own access and refresh tokens (DataProtection-protected,
/// never sent to the browser) and who the user is. The browser holds only the encrypted id.
/// </summary>
public sealed class ChatSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public string? UserName { get; set; }
    public string? Email { get; set; }

    /// <summary>The authorization server's grant behind the tokens (revoked on logout).</summary>
    public required string GrantId { get; set; }

    /// <summary>Comma-separated permission groups granted.</summary>
    public required string Groups { get; set; }

    /// <summary>The MCP resource (audience) the tokens were issued for.</summary>
    public required string Resource { get; set; }
    public required string ProtectedAccessToken { get; set; }
    public required string ProtectedRefreshToken { get; set; }
    public DateTimeOffset AccessTokenExpiresAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastUsedAt { get; set; }
}

public sealed class ChatSessionConfiguration : IEntityTypeConfiguration<ChatSession>
{
    public void Configure(EntityTypeBuilder<ChatSession> session)
    {
        session.ToTable("ChatSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.UserId).HasMaxLength(128);
        session.HasIndex(s => s.LastUsedAt);
    }
}
