using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Training.Courses.Audit;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Mail;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.People;

public sealed partial class InvitationTests : IClassFixture<InvitationTests.Site>
{
    private readonly Site app;

    public InvitationTests(Site app) => this.app = app;

    /// <summary>The site with a clock the tests move, so links can expire.</summary>
    public sealed class Site : TrainingAppFactory
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        public Site() => WithClock(Clock);
    }

    private async Task<(string Email, string Token)> InviteAsync(HttpClient admin, string unitPath)
    {
        var email = PeopleFixture.Unique("inv");
        await admin.UploadAsync("i.csv", Encoding.UTF8.GetBytes($"email,given_name,family_name,unit_path\n{email},Ivy,Invited,{unitPath}\n"));
        return (email, await LatestTokenAsync(email));
    }

    private async Task<string> LatestTokenAsync(string email)
    {
        var body = await app.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.HtmlBody).FirstAsync());
        return TokenPattern().Match(body).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> ChoosePasswordAsync(HttpClient client, string token, string password, string? repeat = null) =>
        await client.PostFormAsync($"/invitations/{token}", new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = repeat ?? password });

    [Fact]
    public async Task A_link_sets_the_password_once_and_is_then_refused()
    {
        var units = await app.CreateUnitsAsync("Inv");
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Inv", Roles.Admin)).Email!);
        var (email, token) = await InviteAsync(admin, units[1].Path);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var form = await anonymous.GetStringAsync($"/invitations/{token}");
        var chosen = await ChoosePasswordAsync(anonymous, token, "lantern river morning tea");
        var again = await anonymous.GetStringAsync($"/invitations/{token}");

        Assert.Contains("Choose your password", form);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Contains("This link has already been used", again);
        var person = await app.WithDb(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.NotNull(person.PasswordHash);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.TargetId == person.Id && e.Action == AuditActions.InvitationAccepted && e.ActorUserId == person.Id)));
        Assert.NotNull(await app.WithDb(db => db.Invitations.Where(i => i.UserId == person.Id).Select(i => i.AcceptedAt).SingleAsync()));
        var reused = await ChoosePasswordAsync(anonymous, token, "another long password here");
        Assert.Contains("This link has already been used", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_the_policy_refuses_is_explained_and_the_link_keeps_working()
    {
        var units = await app.CreateUnitsAsync("Weak");
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Weak", Roles.Admin)).Email!);
        var (email, token) = await InviteAsync(admin, units[1].Path);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var tooShort = await (await ChoosePasswordAsync(anonymous, token, "short")).Content.ReadAsStringAsync();
        var different = await (await ChoosePasswordAsync(anonymous, token, "lantern river morning tea", "lantern river morning")).Content.ReadAsStringAsync();

        Assert.Contains("role=\"alert\"", tooShort);
        Assert.Contains("The two passwords are not the same.", different);
        Assert.Null(await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Contains("Choose your password", await anonymous.GetStringAsync($"/invitations/{token}"));
    }

    [Fact]
    public async Task An_expired_link_says_so_and_asking_again_answers_the_same_whether_or_not_the_address_is_known()
    {
        var units = await app.CreateUnitsAsync("Late");
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Late", Roles.Admin)).Email!);
        var (email, token) = await InviteAsync(admin, units[1].Path);
        app.Clock.Advance(TimeSpan.FromDays(7.1));
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var expired = await anonymous.GetStringAsync($"/invitations/{token}");
        var known = await anonymous.PostFormAsync($"/invitations/{token}", new Dictionary<string, string> { ["Email"] = email }, actionUrl: "/invitations/renew");
        var unknown = await anonymous.PostFormAsync($"/invitations/{token}", new Dictionary<string, string> { ["Email"] = PeopleFixture.Unique("nobody") }, actionUrl: "/invitations/renew");

        Assert.True(expired.Contains("This link has expired", StringComparison.Ordinal), Regex.Match(expired, "<main.*</main>", RegexOptions.Singleline).Value);
        var knownPage = await known.Content.ReadAsStringAsync();
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("a new link is on its way", knownPage);
        Assert.Equal(Answer(knownPage), Answer(unknownPage));
        var fresh = await LatestTokenAsync(email);
        Assert.NotEqual(token, fresh);
        Assert.Contains("Choose your password", await anonymous.GetStringAsync($"/invitations/{fresh}"));
        Assert.Contains("A newer link replaced this one", await anonymous.GetStringAsync($"/invitations/{token}"));
    }

    [Fact]
    public async Task A_coordinator_sees_who_has_not_accepted_in_their_units_and_resends_which_replaces_the_old_link()
    {
        var units = await app.CreateUnitsAsync("Mine");
        var other = await app.CreateUnitsAsync("Other");
        var coordinator = await app.CreateUserAsync("Cora Resend", Roles.Coordinator);
        await app.CoordinateAsync(coordinator, units[0]);
        var admin = await app.LoggedInClientAsync((await app.CreateUserAsync("Ada Resend", Roles.Admin)).Email!);
        var (mine, oldToken) = await InviteAsync(admin, units[1].Path);
        var (theirs, _) = await InviteAsync(admin, other[1].Path);
        var client = await app.LoggedInClientAsync(coordinator.Email!);

        var list = await client.GetStringAsync("/people/invitations");
        var mineId = await app.WithDb(db => db.Users.Where(u => u.Email == mine).Select(u => u.Id).SingleAsync());
        var theirsId = await app.WithDb(db => db.Users.Where(u => u.Email == theirs).Select(u => u.Id).SingleAsync());
        var resend = await client.PostFormAsync("/people/invitations", new Dictionary<string, string>(), actionUrl: $"/people/{mineId}/invitation");
        var outside = await client.PostFormAsync("/people/invitations", new Dictionary<string, string>(), actionUrl: $"/people/{theirsId}/invitation");

        Assert.Contains(mine, list);
        Assert.DoesNotContain(theirs, list);
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("A newer link replaced this one", await client.GetStringAsync($"/invitations/{oldToken}"));
        Assert.Equal(2, await app.WithDb(db => db.Invitations.CountAsync(i => i.UserId == mineId)));
        Assert.Equal(1, await app.WithDb(db => db.Invitations.CountAsync(i => i.UserId == theirsId)));
    }

    /// <summary>The page's heading and messages, without the address typed back into the field.</summary>
    private static string Answer(string page) =>
        string.Join("\n", Regex.Matches(page, "<h1>.*?</h1>|role=\"(?:status|alert)\">[^<]*<", RegexOptions.Singleline).Select(m => m.Value));

    [GeneratedRegex("/invitations/([A-Za-z0-9_-]{43})")]
    private static partial Regex TokenPattern();
}
