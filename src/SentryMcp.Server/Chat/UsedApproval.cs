using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// Stays in this namespace: the migrations' model snapshots name the entity by its full CLR name.
namespace SentryMcp.Server.Chat;

/// <summary>An approval that has run its tool call, kept until it would have expired anyway.</summary>
public sealed class UsedApproval
{
    public required string Nonce { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class UsedApprovalConfiguration : IEntityTypeConfiguration<UsedApproval>
{
    public void Configure(EntityTypeBuilder<UsedApproval> approval)
    {
        approval.ToTable("UsedApprovals");
        approval.HasKey(a => a.Nonce);
        approval.Property(a => a.Nonce).HasMaxLength(32);
        approval.HasIndex(a => a.ExpiresAt);
    }
}
