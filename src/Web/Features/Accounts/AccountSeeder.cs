using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Training.Courses.People;

namespace Training.Web.Features.Accounts;

/// <summary>Creates the roles, and in Development one confirmed demo account per role.</summary>
public sealed class AccountSeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<TrainingUser> userManager,
    IOptions<DemoAccountOptions> demoOptions,
    TimeProvider clock,
    ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole(role)), role);
            }
        }

        if (demoOptions.Value.Seed)
        {
            await SeedDemoAccountsAsync(cancellationToken);
        }
    }

    private async Task SeedDemoAccountsAsync(CancellationToken cancellationToken)
    {
        var password = string.IsNullOrEmpty(demoOptions.Value.Password) ? NewRandomPassword() : demoOptions.Value.Password;
        var created = new List<string>();
        var accounts = Roles.All.Select(role => (Email: DemoAccountOptions.EmailFor(role), FullName: $"Demo {role}", Role: role))
            .Concat(DemoAccountOptions.People);
        foreach (var (email, fullName, role) in accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await userManager.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new TrainingUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = fullName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            EnsureSucceeded(await userManager.CreateAsync(user, password), email);
            EnsureSucceeded(await userManager.AddToRoleAsync(user, role), email);
            created.Add(email);
        }

        if (created.Count > 0)
        {
            // Printed to the console rather than logged, so the password does not end up in log stores.
            var banner = new StringBuilder()
                .AppendLine()
                .AppendLine("================ Demo accounts (Development) ================")
                .AppendJoin(Environment.NewLine, created.Select(email => $"  {email}"))
                .AppendLine()
                .Append("  Password for all of them: ").AppendLine(password)
                .AppendLine("  This password is shown only now. Forgot it? Use 'Forgot your password?'")
                .AppendLine("  (the mail lands in the data folder's mail-pickup/) or delete the data folder.")
                .AppendLine("=============================================================");
            Console.WriteLine(banner.ToString());
        }
        else
        {
            logger.LogInformation("Demo accounts exist: {Accounts}. Their password was printed when they were created.",
                string.Join(", ", Roles.All.Select(DemoAccountOptions.EmailFor).Concat(DemoAccountOptions.People.Select(p => p.Email))));
        }
    }

    private static string NewRandomPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
