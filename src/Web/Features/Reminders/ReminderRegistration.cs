using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Training.Courses.People;

namespace Training.Web.Features.Reminders;

public static class ReminderRegistration
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _),
                "Reminders:DefaultTimeZone is not a time zone this machine knows: use an IANA name such as Europe/Paris or Africa/Nairobi.")
            .ValidateOnStart();
        services.AddScoped<ReminderService>();
        services.AddScoped<ReminderPreferences>();
        services.AddScoped<IReminderRule, CertificateExpiryReminder>();
        services.AddScoped<IReminderRule, InactivityReminder>();
        services.AddScoped<IReminderRule, UnfinishedAttemptReminder>();
        services.AddScoped<OpenAssignments>();
        services.AddScoped<IReminderRule, DueSoonReminder>();
        services.AddScoped<IReminderRule, OverdueReminder>();
        services.AddScoped<IReminderRule, CoordinatorDigestReminder>();
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

internal sealed class ReminderOptOutConfiguration : IEntityTypeConfiguration<ReminderOptOut>
{
    public void Configure(EntityTypeBuilder<ReminderOptOut> optOut)
    {
        optOut.ToTable("ReminderOptOuts");
        optOut.HasKey(o => new { o.UserId, o.Kind });
        optOut.Property(o => o.Kind).HasMaxLength(40);
        optOut.HasOne<TrainingUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
