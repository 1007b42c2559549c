using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Mail;
using Training.Web.Infrastructure.Site;

namespace Training.Web.Features.Accounts;

public static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddDefaultIdentity<TrainingUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;

                // OWASP ASVS 5.0: length matters, composition rules do not (PasswordPolicyValidator adds the rest).
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrainingDbContext>()
            .AddClaimsPrincipalFactory<TrainingClaimsFactory>()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "Training.Auth";
            cookie.AccessDeniedPath = "/error/403";
            // Learners often share computers: a session ends after a working day unless "Remember me" is ticked.
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        // A role change made by an admin reaches the person's session within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Keys in the database: a restart or a second instance keeps everyone logged in.
        services.AddDataProtection().SetApplicationName("Training").PersistKeysToDbContext<TrainingDbContext>();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OutboxEmailSender>();
        services.AddScoped<IEmailSender>(sp => sp.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MailKitEmailSender>();
        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<MailTemplates>();
        services.AddScoped<AccountMail>();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteUrls>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<LocalTime>();
        services.AddScoped<SignInAudit>();

        services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.Section);
        services.AddScoped<AccountSeeder>();
        return services;
    }
}
