using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Assignments;
using Training.Web.Features.Accounts;
using Training.Web.Features.DemoData;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Features.DemoData;

public sealed class DemoDataCommandTests(DemoDataFixture run) : IClassFixture<DemoDataFixture>
{
    private const string Domain = "@demo.example.org";

    private T Db<T>(Func<TrainingDbContext, T> query) => run.App.WithDb(query);

    [Fact]
    public async Task The_generated_courses_stay_published_when_the_site_imports_its_content_folder_again()
    {
        await Training.Web.Infrastructure.Content.ContentStartup.ImportContentAsync(run.App.Services, default);
        var courses = Db(db => db.Courses.Where(c => c.Slug.StartsWith("demo-")).Select(c => new { c.IsPublished, c.ManagedBy }).ToList());
        Assert.Equal(3, courses.Count);
        Assert.All(courses, c => Assert.True(c.IsPublished && c.ManagedBy == Training.Courses.Content.CourseManagement.Site));
    }

    [Fact]
    public void A_small_run_creates_exactly_the_requested_learners_units_courses_and_module_completions()
    {
        Assert.Equal(0, run.Exit);
        var learnerRole = Db(db => db.Roles.Single(r => r.Name == Roles.Learner).Id);
        Assert.Equal(300, Db(db => db.Users.Count(u => u.Email!.EndsWith(Domain) && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == learnerRole))));
        Assert.Equal(20, Db(db => db.Units.Count()));
        var courses = Db(db => db.Courses.Where(c => c.Slug.StartsWith("demo-")).Select(c => new { c.Id, c.IsPublished, Modules = c.Modules.Count }).ToList());
        Assert.Equal(3, courses.Count);
        Assert.All(courses, c => Assert.True(c.IsPublished && c.Modules is >= 4 and <= 6));
        Assert.Equal(3000, Db(db => db.ModuleCompletions.Count(m => db.Modules.Any(x => x.Id == m.ModuleId && x.Course.Slug.StartsWith("demo-")))));
        Assert.Contains(run.Output, l => l.StartsWith("Done in ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_unit_lineage_and_path_start_with_its_parents_and_end_with_itself()
    {
        var units = Db(db => db.Units.AsNoTracking().ToList()).ToDictionary(u => u.Id);

        Assert.Contains(units.Values, u => u.ParentId is null);
        Assert.Contains(units.Values, u => u.ParentId is int p && units[p].ParentId is not null);
        Assert.All(units.Values, u =>
        {
            var parentLineage = u.ParentId is int p ? units[p].Lineage : "/";
            Assert.Equal($"{parentLineage}{u.Id}/", u.Lineage);
            Assert.Equal(u.ParentId is int q ? $"{units[q].Path} / {u.Name}" : u.Name, u.Path);
        });
    }

    [Fact]
    public void Every_person_has_one_open_membership_in_their_unit_and_each_region_a_coordinator()
    {
        var open = Db(db => db.UnitMemberships.Where(m => m.Until == null).Select(m => new { m.UserId, m.UnitId }).ToList());
        var people = Db(db => db.Users.Where(u => u.UnitId != null).Select(u => new { u.Id, u.UnitId }).ToList());
        var regions = Db(db => db.Units.Where(u => u.ParentId != null && db.Units.Any(p => p.Id == u.ParentId && p.ParentId == null)).Select(u => u.Id).ToList());

        Assert.Equal(people.OrderBy(p => p.Id).Select(p => (p.Id, p.UnitId!.Value)), open.OrderBy(m => m.UserId).Select(m => (m.UserId, m.UnitId)));
        Assert.True(Db(db => db.UnitMemberships.Any(m => m.Until != null)));
        Assert.Equal(regions.Order(), Db(db => db.UnitCoordinators.Select(c => c.UnitId).Distinct().ToList()).Order());
    }

    [Fact]
    public void Every_assigned_course_belongs_to_someone_in_the_assignments_unit_subtree()
    {
        var outside = Db(db => db.AssignedCourses.Count(a => !db.Assignments.Any(x => x.Id == a.AssignmentId
            && db.Users.Any(u => u.Id == a.UserId && db.Units.Any(unit => unit.Id == u.UnitId
                && unit.Lineage.StartsWith(db.Units.Single(target => target.Id == x.UnitId).Lineage))))));

        Assert.True(Db(db => db.AssignedCourses.Count()) > 0);
        Assert.Equal(0, outside);
        Assert.True(Db(db => db.AssignedCourses.Any(a => a.ExemptAt != null)));
        Assert.True(Db(db => db.Assignments.Any(a => a.DueOn != null) && db.Assignments.Any(a => a.DueDays != null)));
    }

    [Fact]
    public async Task Assignment_sync_finds_nothing_to_add_or_remove()
    {
        using var scope = run.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var everyone = await db.Users.Select(u => u.Id).ToListAsync();

        await scope.ServiceProvider.GetRequiredService<AssignmentSync>().SyncPeopleAsync(everyone, default);

        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified);
    }

    [Fact]
    public void Each_course_completion_has_one_certificate_expiring_after_the_courses_validity()
    {
        var rows = Db(db => db.Certificates.Join(db.Courses, c => c.CourseId, c => c.Id, (c, course) => new { c.Code, c.CourseCompletionId, c.CompletedAt, c.ExpiresAt, course.CertificateValidityMonths }).ToList());

        Assert.Equal(Db(db => db.CourseCompletions.Count()), rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Code).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(r.CertificateValidityMonths == 0 ? null : r.CompletedAt.AddMonths(r.CertificateValidityMonths), r.ExpiresAt));
        Assert.True(Db(db => db.QuizAttempts.Any(a => a.Passed == true) && db.QuizAttempts.Any(a => a.Passed == false)));
    }

    [Fact]
    public async Task A_generated_person_logs_in_with_the_printed_password()
    {
        var email = Db(db => db.Users.Where(u => u.Email!.EndsWith(Domain)).OrderBy(u => u.Email).Select(u => u.Email!).First());
        var client = run.App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = run.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Login", response.Headers.Location?.OriginalString ?? "Login", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_people_is_refused_without_force()
    {
        var before = Db(db => db.Users.Count());

        var (exit, lines) = await DemoDataFixture.RunAsync(run.App, DemoDataFixture.SmallRun);

        Assert.Equal(1, exit);
        Assert.Contains("--force", lines[0], StringComparison.Ordinal);
        Assert.Equal(before, Db(db => db.Users.Count()));
    }

    [Theory]
    [InlineData("--learners", "many")]
    [InlineData("--units", "2")]
    [InlineData("--progress-rows", "999999999")]
    [InlineData("--colour", "1")]
    [InlineData("--courses")]
    public async Task A_bad_option_prints_usage_and_exits_2(params string[] options)
    {
        var (exit, lines) = await DemoDataFixture.RunAsync(run.App, ["demo-data", .. options]);

        Assert.Equal(2, exit);
        Assert.Equal(DemoDataOptions.Usage, lines[^1]);
    }
}
