using System.Net;
using Microsoft.Extensions.Time.Testing;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Accounts;

/// <summary>
/// A session ends when unused for the idle time, and after the absolute time however busy; a password change
/// ends the person's other sessions (within the security-stamp check's minute) and keeps the one that made it.
/// </summary>
public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static async Task<bool> SignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/learn");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task An_idle_session_ends_and_a_busy_one_ends_at_the_absolute_limit()
    {
        var clock = new FakeTimeProvider(Start);
        using var app = new TrainingAppFactory().WithClock(clock).WithSetting("Sessions:IdleMinutes", "60").WithSetting("Sessions:AbsoluteHours", "3");
        var idle = await app.CreateUserAsync("Ida Idle", Roles.Learner);
        var busy = await app.CreateUserAsync("Bo Busy", Roles.Learner);
        var idleClient = await app.LoggedInClientAsync(idle.Email!);
        var busyClient = await app.LoggedInClientAsync(busy.Email!);
        Assert.True(await SignedInAsync(idleClient));

        // Busy: a request every 40 minutes keeps the session past the idle time, until three hours after log-in.
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(40));
            Assert.True(await SignedInAsync(busyClient), $"after {(i + 1) * 40} minutes");
        }
        Assert.False(await SignedInAsync(idleClient)); // 160 minutes unused
        clock.Advance(TimeSpan.FromMinutes(30)); // 190 minutes after log-in
        Assert.False(await SignedInAsync(busyClient));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_the_one_that_made_it()
    {
        var clock = new FakeTimeProvider(Start);
        using var app = new TrainingAppFactory().WithClock(clock);
        var person = await app.CreateUserAsync("Paz Password", Roles.Learner);
        var here = await app.LoggedInClientAsync(person.Email!);
        var elsewhere = await app.LoggedInClientAsync(person.Email!);

        var changed = await here.PostFormAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TrainingAppFactory.Password,
            ["Input.NewPassword"] = "a brand new passphrase 2026",
            ["Input.ConfirmPassword"] = "a brand new passphrase 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2)); // past the security stamp's validation interval
        Assert.False(await SignedInAsync(elsewhere));
        Assert.True(await SignedInAsync(here));
    }
}
