using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Web.EndToEnd.Support;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.EndToEnd.People;

public sealed partial class InvitedLearnerJourneyTests(SiteUnderTest site) : IClassFixture<SiteUnderTest>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("training-invited-").FullName;

    [Fact]
    public async Task A_coordinator_uploads_a_file_the_invited_person_chooses_a_password_by_mail_logs_in_and_the_link_then_refuses()
    {
        var coordinator = await site.App.CreateUserAsync("Cora Coordinator", Roles.Coordinator);
        var unitPath = await CreateCoordinatedUnitAsync(coordinator);
        var email = $"nadia.{Guid.NewGuid():N}@example.org";
        var file = Path.Combine(folder, "staff.csv");
        await File.WriteAllTextAsync(file, $"email,given_name,family_name,unit_path,job_title\n{email},Nadia,Karim,{unitPath},Inspector\n");
        const string password = "harbour lantern seven kites";

        var page = await site.NewPageAsync();
        await SiteUnderTest.LogInAsync(page, coordinator.Email!);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import people" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import people");
        await page.GetByLabel("CSV file (at most 5 MB)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 new people created and invited by e-mail");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invitations not yet accepted" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync(email);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteUnderTest.ScreenshotFolder, "people-invitations.png"), FullPage = true });

        var mail = await site.Smtp.WaitForMessageAsync(email);
        var link = InvitationLinkIn(mail);
        Assert.StartsWith(site.BaseUrl + "/invitations/", link, StringComparison.Ordinal);
        var invited = await site.NewPageAsync();
        await invited.GotoAsync(link);
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose your password");
        await invited.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await invited.GetByLabel("Repeat the password").FillAsync(password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Save my password" }).ClickAsync();
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your password is saved");
        await invited.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();
        await invited.GetByLabel("E-mail address").FillAsync(email);
        await invited.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(invited).ToHaveURLAsync(site.BaseUrl + "/learn");
        await Assertions.Expect(invited.GetByRole(AriaRole.Main)).ToContainTextAsync("Welcome, Nadia Karim.");

        // The person is now no longer waiting for an invitation, and is in the coordinator's list, active.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(email);
        await page.GotoAsync("/coordinate/people");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Nadia Karim");
        await Assertions.Expect(row).ToContainTextAsync(unitPath);
        await Assertions.Expect(row).ToContainTextAsync("Active");

        var second = await site.NewPageAsync();
        await second.GotoAsync(link);
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has already been used");
        await Assertions.Expect(second.GetByLabel("Password", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private async Task<string> CreateCoordinatedUnitAsync(Training.Courses.People.TrainingUser coordinator)
    {
        var root = await site.App.CreateUnitAsync("Labour Inspectorate");
        var office = await site.App.CreateUnitAsync("Lyon Office", root);
        await site.App.CoordinateAsync(root, coordinator.Email!);
        return office.Path;
    }

    /// <summary>The mail is quoted-printable HTML; the link is the href of its only anchor.</summary>
    private static string InvitationLinkIn(string rawMail)
    {
        var unfolded = rawMail.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)
            .Replace("=3D", "=", StringComparison.Ordinal);
        var match = HrefPattern().Match(unfolded);
        Assert.True(match.Success, "No link in the invitation mail:\n" + rawMail);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("href=['\"]([^'\"]+/invitations/[^'\"]+)['\"]")]
    private static partial Regex HrefPattern();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
