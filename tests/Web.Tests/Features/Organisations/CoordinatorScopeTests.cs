using System.Net;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Enrolment;
using Training.Courses.Organisations;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.Organisations;

/// <summary>
/// Every route of the site, found from the endpoint data source, called by the coordinator of North with
/// the ids of South's person, certificate and unit: nothing of South ever comes back, and nothing of South
/// changes. A route missing from <see cref="Probes"/> fails the test, so a new page must say what it does.
/// </summary>
public sealed class CoordinatorScopeTests : IClassFixture<CoordinatorScopeTests.TwoUnits>
{
    private readonly TwoUnits site;

    public CoordinatorScopeTests(TwoUnits site) => this.site = site;

    private const string Ok = "200", NotFound = "404", Forbidden = "403", Redirect = "302", BadRequest = "400";

    /// <summary>The verification page shows a certificate's holder to anyone who has its code: that is its purpose.</summary>
    private static readonly HashSet<string> PublicByDesign = ["GET /verify/{code}"];

    /// <summary>
    /// What each route answers North's coordinator when its parameters carry South's ids. Parameters are
    /// filled by name (<see cref="TwoUnits.Fill"/>); a probe may give its own address instead.
    /// </summary>
    private static Dictionary<string, (string Expected, Func<TwoUnits, string>? Url)> Probes() => new()
    {
        // Coordination: South's person is not listed, not found, not movable.
        ["GET /coordinate"] = (Ok, null),
        ["GET /coordinate/people"] = (Ok, s => $"/coordinate/people?unit={s.SouthUnit.Id}&q=Southby"),
        ["GET /coordinate/people/{id}"] = (NotFound, null),
        ["POST /coordinate/people/{id}/move"] = (NotFound, null),
        // Exports: South's person matches the search but is not exported; South's transcript is not found.
        ["GET /coordinate/people/export.csv"] = (Ok, s => "/coordinate/people/export.csv?q=Southby"),
        ["GET /coordinate/people/export.xlsx"] = (Ok, s => "/coordinate/people/export.xlsx?q=Southby"),
        ["GET /coordinate/people/{id}/transcript.csv"] = (NotFound, null),
        ["GET /coordinate/people/{id}/transcript.xlsx"] = (NotFound, null),
        // Certificates: South's certificate is not listed and cannot be revoked.
        ["GET /certificates"] = (Ok, s => "/certificates?q=Southby"),
        ["POST /certificates/{code}/revoke"] = (NotFound, null),
        ["GET /certificates/export.csv"] = (Ok, s => "/certificates/export.csv?q=Southby"),
        ["GET /certificates/export.xlsx"] = (Ok, s => "/certificates/export.xlsx?q=Southby"),
        // Assigned training: South's assignment is not listed or shown; its people cannot be exempted or extended;
        // a new assignment cannot target South.
        ["GET /coordinate/assignments"] = (Ok, null),
        ["GET /coordinate/assignments/new"] = (Ok, null),
        ["POST /coordinate/assignments"] = (BadRequest, s => "/coordinate/assignments"),
        ["POST /language"] = (BadRequest, null), // no language chosen: refused; it changes only the caller's own profile
        ["GET /coordinate/assignments/{id:int}"] = (NotFound, null),
        ["GET /coordinate/assignments/{id:int}/export.csv"] = (NotFound, null),
        ["GET /coordinate/assignments/{id:int}/export.xlsx"] = (NotFound, null),
        ["POST /coordinate/assignments/{id:int}/people/{userId}/exempt"] = (NotFound, null),
        ["POST /coordinate/assignments/{id:int}/people/{userId}/extend"] = (NotFound, null),
        // People: South's waiting invitation is not listed and cannot be resent; an import cannot reach South.
        ["GET /people/invitations"] = (Ok, null),
        ["POST /people/{id}/invitation"] = (NotFound, null),
        ["GET /people/import"] = (Ok, null),
        // (Posted without a file: the form again, with its message. A file naming South's unit is refused line by
        // line in PeopleImportTests.)
        ["POST /people/import"] = (Ok, null),
        ["GET /people/import/template.csv"] = (Ok, null),
        // Invitation links work by their secret token, for anyone holding it (a made-up token here).
        ["GET /invitations/{token}"] = (Ok, null),
        ["POST /invitations/{token}"] = (Ok, null),
        ["GET /invitations/accepted"] = (Ok, null),
        ["POST /invitations/renew"] = (Ok, null),
        // Admin pages: a coordinator is refused before any id is read.
        ["GET /admin/audit"] = (Forbidden, s => $"/admin/audit?person={s.SouthPersonEmail}"),
        ["GET /admin/mail"] = (Forbidden, null),
        ["GET /admin/units"] = (Forbidden, null),
        ["POST /admin/units"] = (Forbidden, null),
        ["GET /admin/units/{id:int}"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/archive"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/coordinators"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/coordinators/{userId}/remove"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/delete"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/move"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/rename"] = (Forbidden, null),
        ["POST /admin/units/{id:int}/restore"] = (Forbidden, null),
        ["GET /admin/users"] = (Forbidden, null),
        ["GET /admin/users/{id}"] = (Forbidden, null),
        ["POST /admin/users/{id}"] = (Forbidden, null),
        ["GET /admin/users/{id}/delete"] = (Forbidden, null),
        ["POST /admin/users/{id}/delete"] = (Forbidden, null),
        ["POST /admin/users/{id}/personal-data"] = (Forbidden, null),
        // Learner and trainer pages: a coordinator without those roles is refused.
        ["GET /attempts/{id:int}"] = (Forbidden, null),
        ["POST /attempts/{id:int}"] = (Forbidden, null),
        ["GET /attempts/{id:int}/finish"] = (Forbidden, null),
        ["GET /attempts/{id:int}/result"] = (Forbidden, null),
        ["POST /attempts/{id:int}/save"] = (Forbidden, null),
        ["POST /attempts/{id:int}/submit"] = (Forbidden, null),
        ["GET /certificates/{code}.pdf"] = (Forbidden, null),
        ["POST /courses/{course}/modules/{module}/complete"] = (Forbidden, null),
        ["GET /courses/{course}/quizzes/{key}"] = (Forbidden, null),
        ["POST /courses/{course}/quizzes/{key}/start"] = (Forbidden, null),
        ["POST /courses/{slug}/enrol"] = (Forbidden, null),
        ["POST /courses/{slug}/leave"] = (Forbidden, null),
        ["GET /learn"] = (Forbidden, null),
        ["GET /teach"] = (Forbidden, null),
        ["GET /teach/quizzes/{course}/{key}"] = (Forbidden, null),
        ["GET /teach/courses"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/export.zip"] = (Forbidden, null),
        ["POST /teach/courses/import"] = (Forbidden, null),
        ["GET /admin/audit/export.csv"] = (Forbidden, null),
        ["GET /admin/audit/export.xlsx"] = (Forbidden, null),
        // Authoring: trainers and admins only.
        ["GET /teach/courses/{slug}/edit"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/edit/file"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/file"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/preview"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/draft-media/{**path}"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/modules"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/modules/{module}/move"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/modules/{module}/remove"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/images"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/edit/settings"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/edit/settings"] = (Forbidden, null),
        ["GET /teach/courses/new"] = (Forbidden, null),
        ["POST /teach/courses/new"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/publish"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/discard"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/history"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/compare"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/history/{number:int}/restore"] = (Forbidden, null),
        ["GET /teach/courses/{slug}/quiz-preview"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/quiz-preview"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/convert"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/trainers"] = (Forbidden, null),
        ["POST /teach/courses/{slug}/trainers/{userId}/remove"] = (Forbidden, null),
        // Catalog and reading: the same for everyone, nothing about people.
        ["GET /"] = (Redirect, null),
        ["GET /courses"] = (Ok, null),
        ["GET /courses/{course}/media/{**path}"] = (NotFound, null),
        ["GET /courses/{course}/modules/{module}"] = (Ok, null),
        ["GET /courses/{course}/modules/{module}/print"] = (Ok, null),
        ["GET /courses/{slug}"] = (Ok, null),
        ["GET /courses/{slug}/glossary"] = (Ok, null),
        // The signed-in person's own account and settings (Identity pages take South's id in the query and ignore it).
        ["GET /account/settings"] = (Ok, null),
        ["POST /account/settings"] = (Ok, null),
        // An account page called in a state it does not expect answers plainly: no two-factor log-in under way →
        // back to log-in; two-factor off → back to the two-factor page; a reset link without a readable code → 400
        // (IdentityPagesTests covers each). Unused stock pages (AccountsRegistration.UnusedIdentityPages) have no route.
        ["GET /Identity/Account/ConfirmEmail"] = (Ok, null),
        ["POST /Identity/Account/ConfirmEmail"] = (Ok, null),
        ["GET /Identity/Account/ConfirmEmailChange"] = (Ok, null),
        ["POST /Identity/Account/ConfirmEmailChange"] = (Ok, null),
        ["GET /Identity/Account/ForgotPassword"] = (Ok, null),
        ["POST /Identity/Account/ForgotPassword"] = (Redirect, null),
        ["GET /Identity/Account/ForgotPasswordConfirmation"] = (Ok, null),
        ["POST /Identity/Account/ForgotPasswordConfirmation"] = (Ok, null),
        ["GET /Identity/Account/Lockout"] = (Ok, null),
        ["POST /Identity/Account/Lockout"] = (Ok, null),
        ["GET /Identity/Account/Login"] = (Ok, null),
        ["POST /Identity/Account/Login"] = (Ok, null),
        ["GET /Identity/Account/LoginWith2fa"] = (Redirect, null),
        ["POST /Identity/Account/LoginWith2fa"] = (Redirect, null),
        ["GET /Identity/Account/LoginWithRecoveryCode"] = (Redirect, null),
        ["POST /Identity/Account/LoginWithRecoveryCode"] = (Redirect, null),
        ["GET /Identity/Account/Logout"] = (Ok, null),
        ["POST /Identity/Account/Logout"] = (Redirect, null),
        ["GET /Identity/Account/Manage"] = (Ok, null),
        ["POST /Identity/Account/Manage"] = (Ok, null),
        ["GET /Identity/Account/Manage/ChangePassword"] = (Ok, null),
        ["POST /Identity/Account/Manage/ChangePassword"] = (Ok, null),
        ["GET /Identity/Account/Manage/DeletePersonalData"] = (Ok, null),
        ["POST /Identity/Account/Manage/DeletePersonalData"] = (Ok, null),
        ["GET /Identity/Account/Manage/Disable2fa"] = (Redirect, null),
        ["POST /Identity/Account/Manage/Disable2fa"] = (Redirect, null),
        ["GET /Identity/Account/Manage/DownloadPersonalData"] = (NotFound, null),
        ["POST /Identity/Account/Manage/DownloadPersonalData"] = (Ok, null),
        ["GET /Identity/Account/Manage/Email"] = (Ok, null),
        ["POST /Identity/Account/Manage/Email"] = (Ok, null),
        ["GET /Identity/Account/Manage/EnableAuthenticator"] = (Ok, null),
        ["POST /Identity/Account/Manage/EnableAuthenticator"] = (Ok, null),
        ["GET /Identity/Account/Manage/GenerateRecoveryCodes"] = (Redirect, null),
        ["POST /Identity/Account/Manage/GenerateRecoveryCodes"] = (Redirect, null),
        ["GET /Identity/Account/Manage/Index"] = (Ok, null),
        ["POST /Identity/Account/Manage/Index"] = (Ok, null),
        ["GET /Identity/Account/Manage/PersonalData"] = (Ok, null),
        ["POST /Identity/Account/Manage/PersonalData"] = (Ok, null),
        ["GET /Identity/Account/Manage/ResetAuthenticator"] = (Ok, null),
        ["POST /Identity/Account/Manage/ResetAuthenticator"] = (Redirect, null),
        ["GET /Identity/Account/Manage/ShowRecoveryCodes"] = (Redirect, null),
        ["POST /Identity/Account/Manage/ShowRecoveryCodes"] = (Ok, null),
        ["GET /Identity/Account/Manage/TwoFactorAuthentication"] = (Ok, null),
        ["POST /Identity/Account/Manage/TwoFactorAuthentication"] = (Redirect, null),
        ["GET /Identity/Account/Register"] = (Ok, null),
        ["POST /Identity/Account/Register"] = (Ok, null),
        ["GET /Identity/Account/RegisterConfirmation"] = (Ok, null),
        ["POST /Identity/Account/RegisterConfirmation"] = (Ok, null),
        ["GET /Identity/Account/ResendEmailConfirmation"] = (Ok, null),
        ["POST /Identity/Account/ResendEmailConfirmation"] = (Ok, null),
        ["GET /Identity/Account/ResetPassword"] = (BadRequest, null),
        // (The probe's query carries code=x, which binds as the code: the form again, its fields missing.)
        ["POST /Identity/Account/ResetPassword"] = (Ok, null),
        ["GET /Identity/Account/ResetPasswordConfirmation"] = (Ok, null),
        ["POST /Identity/Account/ResetPasswordConfirmation"] = (Ok, null),
        // Single sign-on is off in this site: both addresses are not found.
        ["POST /sso"] = (NotFound, null),
        ["GET /sso/callback"] = (NotFound, null),
        ["GET /reminders/preferences"] = (NotFound, null),
        ["POST /reminders/preferences"] = (NotFound, null),
        // Public pages.
        ["GET /certificates/public-key.pem"] = (Ok, null),
        ["GET /error/{code:int}"] = (NotFound, null),
        ["POST /error/{code:int}"] = (NotFound, null),
        ["GET /privacy"] = (Ok, null),
        ["GET /verify"] = (Ok, null),
        ["POST /verify"] = (Redirect, null),
        ["GET /verify/{code}"] = (Ok, null),
    };

    [Fact]
    public void Every_route_of_the_site_has_a_declared_probe()
    {
        var routes = Routes(site.App);
        var probes = Probes();

        var undeclared = routes.Where(r => !probes.ContainsKey(r)).ToList();
        var stale = probes.Keys.Where(k => !routes.Contains(k)).ToList();

        Assert.True(undeclared.Count == 0, "Declare what these routes answer a coordinator of another unit:\n" + string.Join("\n", undeclared));
        Assert.True(stale.Count == 0, "These probes name routes that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task The_coordinator_of_North_never_sees_or_changes_anything_of_South()
    {
        var client = await site.App.LoggedInClientAsync(site.NorthCoordinatorEmail);
        var token = FormPoster.TokenIn(await client.GetStringAsync("/coordinate"));
        var failures = new List<string>();

        // Gets first, then posts; logging out ends the session, so it comes last.
        foreach (var (route, (expected, address)) in Probes().OrderBy(p => p.Key.StartsWith("POST", StringComparison.Ordinal)).ThenBy(p => p.Key.Contains("Logout", StringComparison.Ordinal)))
        {
            var url = address?.Invoke(site) ?? site.Fill(route);
            var response = route.StartsWith("POST", StringComparison.Ordinal)
                ? await client.PostAsync(url, new FormUrlEncodedContent(site.HostileForm(token)))
                : await client.GetAsync(url);
            var body = await TextOfAsync(response);
            var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString) : "";
            var answered = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/error/403", StringComparison.Ordinal)
                ? Forbidden : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (answered != expected)
            {
                failures.Add($"{route}: expected {expected}, answered {answered} ({url})");
            }
            foreach (var marker in site.SouthMarkers.Where(m => !PublicByDesign.Contains(route) && body.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{route}: the answer contains South's \"{marker}\"");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        site.AssertSouthUnchanged();
    }

    [Fact]
    public async Task The_same_pages_show_North_to_its_coordinator_so_the_probes_can_fail()
    {
        var client = await site.App.LoggedInClientAsync(site.NorthCoordinatorEmail);

        Assert.Contains(site.NorthPersonName, await client.GetStringAsync("/coordinate/people"));
        Assert.Contains(site.NorthUnitName, System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/coordinate")));
        Assert.Contains(site.NorthPersonName, await client.GetStringAsync($"/coordinate/people/{site.NorthPersonId}"));
        Assert.Contains(site.NorthCertificate, await client.GetStringAsync("/certificates"));
        Assert.Contains(site.NorthPersonName, await TextOfAsync(await client.GetAsync("/coordinate/people/export.csv?q=North")));
        Assert.Contains(site.NorthPersonName, await TextOfAsync(await client.GetAsync("/coordinate/people/export.xlsx?q=North")));
        Assert.Contains(site.NorthPersonName, await TextOfAsync(await client.GetAsync($"/coordinate/people/{site.NorthPersonId}/transcript.xlsx")));
        Assert.Contains(site.NorthCertificate, await TextOfAsync(await client.GetAsync("/certificates/export.xlsx")));
    }

    /// <summary>The answer as text; an Excel file (compressed, so a marker would not show) as its cells' text.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            return await response.Content.ReadAsStringAsync();
        }
        using var sheet = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().SelectMany(row => row.Values).Select(v => v?.ToString()));
    }

    /// <summary>Every MVC and Razor Pages route as "METHOD /pattern" (static files and /health are not actions).</summary>
    internal static HashSet<string> Routes(TrainingAppFactory app)
    {
        var routes = new HashSet<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is null)
            {
                continue; // static files and /health
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                routes.Add($"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}");
            }
        }
        return routes;
    }

    /// <summary>An organisation with North (coordinated, one person with a certificate) and South (the same).</summary>
    public sealed class TwoUnits : IAsyncLifetime
    {
        public TrainingAppFactory App { get; } = new();

        public Unit SouthUnit { get; private set; } = null!;

        public string NorthCoordinatorEmail { get; private set; } = "";

        public string SouthCoordinatorId { get; private set; } = "";

        public string NorthPersonId { get; private set; } = "";

        public string NorthUnitName { get; private set; } = "";

        public string NorthPersonName { get; } = $"Nora North {Guid.NewGuid().ToString("N")[..6]}";

        public string NorthCertificate { get; private set; } = "";

        public string SouthPersonId { get; private set; } = "";

        public string SouthPersonName { get; } = $"Sven Southby {Guid.NewGuid().ToString("N")[..6]}";

        public string SouthPersonEmail { get; private set; } = "";

        public string SouthCertificate { get; private set; } = "";

        public int SouthAssignmentId { get; private set; }

        /// <summary>Someone in South invited by an import who has not chosen a password yet.</summary>
        public string SouthInvitedId { get; private set; } = "";

        public string SouthInvitedName { get; } = $"Sina Southwait {Guid.NewGuid().ToString("N")[..6]}";

        /// <summary>Texts that only South's things contain.</summary>
        public IReadOnlyList<string> SouthMarkers => [SouthPersonName, SouthPersonEmail, SouthCertificate, SouthUnit.Name, SouthInvitedName];

        public async Task InitializeAsync()
        {
            var organisation = await App.CreateUnitAsync("Border Police");
            var north = await App.CreateUnitAsync("North", organisation);
            NorthUnitName = north.Name;
            SouthUnit = await App.CreateUnitAsync("South", organisation);

            var northCoordinator = await App.CreateUserAsync("Nils Coordinator", Roles.Coordinator);
            NorthCoordinatorEmail = northCoordinator.Email!;
            await App.CoordinateAsync(north, NorthCoordinatorEmail);
            var southCoordinator = await App.CreateUserAsync("Sara Coordinator", Roles.Coordinator);
            SouthCoordinatorId = southCoordinator.Id;
            await App.CoordinateAsync(SouthUnit, southCoordinator.Email!);

            (NorthPersonId, NorthCertificate) = await CertifiedLearnerAsync(NorthPersonName, north);
            (SouthPersonId, SouthCertificate) = await CertifiedLearnerAsync(SouthPersonName, SouthUnit);
            SouthPersonEmail = App.WithDb(db => db.Users.Single(u => u.Id == SouthPersonId).Email!);
            SouthInvitedId = await InvitedAsync(SouthInvitedName, SouthUnit);
            SouthAssignmentId = await AssignAsync(SouthUnit);
        }

        /// <summary>The route's address with South's ids in its parameters.</summary>
        public string Fill(string route)
        {
            var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var unitRoute = path.StartsWith("/admin/units", StringComparison.Ordinal);
            var assignmentRoute = path.StartsWith("/coordinate/assignments", StringComparison.Ordinal);
            var values = new Dictionary<string, string>
            {
                // {id} is a unit on the unit pages, an attempt (none of South's exists) on attempt pages, else a person.
                ["id"] = unitRoute ? SouthUnit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : assignmentRoute ? SouthAssignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : path.StartsWith("/attempts", StringComparison.Ordinal) ? "999999"
                    : path.StartsWith("/people", StringComparison.Ordinal) ? SouthInvitedId : SouthPersonId,
                ["token"] = "made-up-token",
                ["userId"] = assignmentRoute ? SouthPersonId : SouthCoordinatorId,
                ["code"] = SouthCertificate,
                ["course"] = "welcome",
                ["slug"] = "welcome",
                ["module"] = "how-these-courses-work",
                ["key"] = "final",
                ["path"] = "images/none.png",
                ["number"] = "1",
            };
            var filled = System.Text.RegularExpressions.Regex.Replace(path, @"\{\**(?<name>\w+)(:[^}]+)?\}", m => values[m.Groups["name"].Value]);
            // Identity's pages take ids in the query string.
            return filled.StartsWith("/Identity", StringComparison.Ordinal) ? $"{filled}?userId={SouthPersonId}&code=x" : filled;
        }

        /// <summary>Fields a hostile post would send: South's unit as the target, a new name, a reason.</summary>
        public Dictionary<string, string> HostileForm(string token) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["unitId"] = SouthUnit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["parentId"] = SouthUnit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = "Taken over",
            ["email"] = NorthCoordinatorEmail,
            ["reason"] = "Taken over",
            ["roles"] = Roles.Admin,
            ["CourseId"] = App.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Target"] = "unit",
            ["UnitId"] = SouthUnit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueKind"] = "relative",
            ["DueDays"] = "30",
            ["dueOn"] = "2099-01-01",
        };

        public void AssertSouthUnchanged() => App.WithDb(db =>
        {
            Assert.True(db.AssignedCourses.Where(a => a.AssignmentId == SouthAssignmentId).All(a => a.ExemptAt == null && a.ExtendedTo == null));
            Assert.False(db.Assignments.Any(a => a.UnitId == SouthUnit.Id && a.Id != SouthAssignmentId));
            Assert.Equal(1, db.Invitations.Count(i => i.UserId == SouthInvitedId && i.ReplacedAt == null && i.AcceptedAt == null));
            Assert.Null(db.Certificates.Single(c => c.Code == SouthCertificate).RevokedAt);
            Assert.Equal(SouthUnit.Id, db.Users.Single(u => u.Id == SouthPersonId).UnitId);
            var south = db.Units.AsNoTracking().Single(u => u.Id == SouthUnit.Id);
            Assert.Equal(SouthUnit.Name, south.Name);
            Assert.Null(south.ArchivedAt);
            Assert.Equal([SouthCoordinatorId], db.UnitCoordinators.Where(c => c.UnitId == SouthUnit.Id).Select(c => c.UserId).ToList());
            Assert.False(db.Units.Any(u => u.ParentId == SouthUnit.Id));
            return true;
        });

        private async Task<int> AssignAsync(Unit unit)
        {
            using var scope = App.Services.CreateScope();
            var assignments = scope.ServiceProvider.GetRequiredService<Training.Courses.Assignments.AssignmentService>();
            var courseId = App.WithDb(db => db.Courses.Single(c => c.Slug == "welcome").Id);
            var (outcome, id) = await assignments.AssignAsync(Training.Courses.People.Actor.CommandLine(), courseId, unit.Id, [], null, 30, default);
            Assert.Equal(Training.Courses.Assignments.AssignOutcome.Done, outcome);
            return id;
        }

        private async Task<string> InvitedAsync(string name, Unit unit)
        {
            var person = await App.CreateUserAsync(name, Roles.Learner);
            await App.PlaceAsync(unit, person.Id);
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Training.Web.Infrastructure.Data.TrainingDbContext>();
            var stored = db.Users.Single(u => u.Id == person.Id);
            stored.PasswordHash = null;
            scope.ServiceProvider.GetRequiredService<Training.Courses.People.InvitationService>().Issue(stored, Training.Courses.People.Actor.CommandLine(), DateTime.UtcNow);
            await db.SaveChangesAsync();
            return person.Id;
        }

        private async Task<(string Id, string Certificate)> CertifiedLearnerAsync(string name, Unit unit)
        {
            var learner = await App.CreateUserAsync(name, Roles.Learner);
            await App.PlaceAsync(unit, learner.Id);
            using var scope = App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<EnrolmentService>().EnrolAsync(learner.Id, "welcome", default);
            var progress = scope.ServiceProvider.GetRequiredService<ProgressService>();
            Assert.Equal(CompletionOutcome.Completed, await progress.MarkCompleteAsync(learner.Id, "welcome", "how-these-courses-work", default));
            Assert.Equal(CompletionOutcome.Completed, await progress.MarkCompleteAsync(learner.Id, "welcome", "words-that-respect-people", default));
            return (learner.Id, App.WithDb(db => db.Certificates.Single(c => c.UserId == learner.Id).Code));
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }
}
