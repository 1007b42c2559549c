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
        Assert.Equal(Roles.All.Count + DemoAccountOptions.People.Count, restarted.WithDb(db => db.Users.Count(u => u.Email!.EndsWith("@example.org"))));
        Assert.Equal(4, restarted.WithDb(db => db.Units.Count()));
    }

    [Fact]
    public async Task The_demo_organisation_gives_each_coordinator_their_own_people_with_progress_and_a_certificate()
    {
        using var app = new TrainingAppFactory()
            .WithSetting("DemoAccounts:Seed", "true")
            .WithSetting("DemoAccounts:Password", TrainingAppFactory.Password);

        var north = await app.LoggedInClientAsync(DemoAccountOptions.EmailFor(Roles.Coordinator));
        var northPeople = System.Net.WebUtility.HtmlDecode(await north.GetStringAsync("/coordinate/people"));
        Assert.Contains("Amina Haddad", northPeople);
        Assert.Contains("Border Police Service / North Region / Crossing A", northPeople);
        Assert.DoesNotContain("Carmen López", northPeople);
        Assert.Contains("Amina Haddad", await north.GetStringAsync("/certificates"));

        var south = await app.LoggedInClientAsync("coordinator.south@example.org");
        var southPeople = System.Net.WebUtility.HtmlDecode(await south.GetStringAsync("/coordinate/people"));
        Assert.Contains("Carmen López", southPeople);
        Assert.DoesNotContain("Amina Haddad", southPeople);
        Assert.Contains("Carmen López", System.Net.WebUtility.HtmlDecode(await south.GetStringAsync("/certificates")));
    }

    [Fact]
    public void Outside_development_no_demo_account_is_created()
    {
        using var app = new TrainingAppFactory();

        Assert.Equal(0, app.WithDb(db => db.Users.Count()));
    }
}
