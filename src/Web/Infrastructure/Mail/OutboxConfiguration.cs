using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Web.Infrastructure.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.HasIndex(m => m.MessageId).IsUnique();
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.Property(m => m.To).HasMaxLength(320);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.HasMany(m => m.Attempts).WithOne().HasForeignKey(a => a.OutboxMessageId);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> attempt)
    {
        attempt.ToTable("OutboxAttempts");
        attempt.Property(a => a.Error).HasMaxLength(2000);
    }
}
