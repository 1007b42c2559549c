using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Training.Web.Features.Reminders;

public static class ReminderRegistration
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReminderService>();
        services.AddScoped<IReminderRule, CertificateExpiryReminder>();
        services.AddScoped<IReminderRule, InactivityReminder>();
        services.AddScoped<IReminderRule, UnfinishedAttemptReminder>();
        return services;
    }
}

internal sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> log)
    {
        log.ToTable("ReminderLogs");
        log.HasIndex(l => new { l.UserId, l.Kind, l.ItemKey, l.Step }).IsUnique();
        log.Property(l => l.Kind).HasMaxLength(40);
        log.Property(l => l.ItemKey).HasMaxLength(100);
        log.Property(l => l.Step).HasMaxLength(40);
    }
}
