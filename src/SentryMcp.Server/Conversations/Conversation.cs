using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// One chat of one signed-in Sentry user. The browser names it (the AI SDK chat id) with its first
/// message; every read and write is filtered by <see cref="OwnerId"/>, so another user's id is unknown.
/// </summary>
public sealed class Conversation
{
    public const int MaxIdLength = 64;
    public const int MaxTitleLength = 200;

    public required string Id { get; set; }

    /// <summary>The Sentry user id of the signed-in user (<c>ChatUser.UserId</c>).</summary>
    public required string OwnerId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ConversationMessage> Messages { get; set; } = [];
}

/// <summary>
/// One AI SDK UIMessage as the chat showed it: its parts as JSON (text, tool parts with input, output
/// and state, approvals; tool outputs already capped), its metadata and, for answers, the token usage.
/// <see cref="Text"/> is the plain text of its text parts, for search. Nothing here holds a token.
/// </summary>
public sealed class ConversationMessage
{
    public const int MaxIdLength = 200;

    public required string ConversationId { get; set; }

    /// <summary>Position in the conversation (0, 1, …).</summary>
    public int Seq { get; set; }

    /// <summary>The UIMessage id.</summary>
    public required string Id { get; set; }
    public required string Role { get; set; }
    public required string Parts { get; set; }
    public string? Metadata { get; set; }
    public required string Text { get; set; }
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public int? TotalTokens { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("Conversations");
        conversation.HasKey(c => c.Id);
        conversation.Property(c => c.Id).HasMaxLength(Conversation.MaxIdLength);
        conversation.Property(c => c.OwnerId).HasMaxLength(128);
        conversation.Property(c => c.Title).HasMaxLength(Conversation.MaxTitleLength);
        // The list is "newest first" per owner; retention deletes by idle time.
        conversation.HasIndex(c => new { c.OwnerId, c.UpdatedAt });
        conversation.HasIndex(c => c.UpdatedAt);
        conversation.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> message)
    {
        message.ToTable("ConversationMessages");
        message.HasKey(m => new { m.ConversationId, m.Seq });
        message.Property(m => m.ConversationId).HasMaxLength(Conversation.MaxIdLength);
        message.Property(m => m.Id).HasMaxLength(ConversationMessage.MaxIdLength).IsRequired();
        message.Property(m => m.Role).HasMaxLength(16);
        message.HasIndex(m => new { m.ConversationId, m.Id }).IsUnique();
    }
}
