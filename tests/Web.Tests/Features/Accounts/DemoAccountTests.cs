using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

public sealed class DemoAccountTests
{
    [Fact]
    public async Task Demo_accounts_are_seeded_once_per_role_and_each_can_log_in()
    {
        using var app = new TrainingAppFactory()
            .WithSetting("DemoAccounts:Seed", "true")
            .WithSetting("DemoAccounts:Password", TrainingAppFactory.Password);

        foreach (var role in Roles.All)
        {
            var client = await app.LoggedInClientAsync(DemoAccountOptions.EmailFor(role));
            var home = await client.GetAsync("/");
            Assert.NotNull(home.Headers.Location);
        }

        // A restart over the same database does not seed them again.
        using var restarted = TrainingAppFactory.Over(app.DataFolder)
            .WithSetting("DemoAccounts:Seed", "true");
        Assert.Equal(4, restarted.WithDb(db => db.Users.Count(u => u.Email!.EndsWith("@example.org"))));
    }

    [Fact]
    public void Outside_development_no_demo_account_is_created()
    {
        using var app = new TrainingAppFactory();

        Assert.Equal(0, app.WithDb(db => db.Users.Count()));
    }
}
