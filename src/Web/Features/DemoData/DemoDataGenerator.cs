using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Assessment.Certificates;
using Training.Courses.People;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

/// <summary>What one run made.</summary>
public sealed record DemoDataSummary(
    IReadOnlyList<(string What, long Count)> Counts, string AdminEmail, string SampleLearnerEmail, string Password, TimeSpan Elapsed);

/// <summary>
/// Fills the database with a generated organisation, people, courses, assignments and progress. Small sets
/// (units, courses, assignments) go through EF for their ids; the large ones through <see cref="DemoRowWriter"/>.
/// Everything but certificate codes and the password hash's salt follows from the seed.
/// </summary>
internal sealed class DemoDataGenerator(
    TrainingDbContext db, RoleManager<IdentityRole> roles, ILookupNormalizer normalizer, IPasswordHasher<TrainingUser> hasher,
    TimeProvider clock, IOptions<CertificateOptions> certificateOptions)
{
    public async Task<DemoDataSummary> GenerateAsync(DemoDataOptions options, string tag, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var roleIds = await RoleIdsAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        var units = await DemoOrganisation.CreateUnitsAsync(db, options, tag, now, cancellationToken);
        var learners = DemoOrganisation.Learners(options, units, tag, random, now);
        var staff = DemoOrganisation.Staff(units, tag, random, now);
        var admin = staff[^1];
        var courses = await DemoCatalog.CreateAsync(db, options, tag, random, now, cancellationToken);
        var assignments = await DemoAssignments.CreateAsync(db, units, courses, admin.Id, now, cancellationToken);
        var password = NewPassword(random);
        var hash = hasher.HashPassword(new TrainingUser(), password);

        await using var writer = new DemoRowWriter(db);
        await writer.StartAsync(cancellationToken);
        var people = new DemoPeopleWriter(writer, normalizer, roleIds, hash, random);
        foreach (var person in learners.Concat(staff))
        {
            await people.AddAsync(person, cancellationToken);
        }
        var progress = new DemoProgress(writer, courses, assignments, units.ToDictionary(u => u.Id, u => u.Lineage), random, now,
            certificateOptions.Value.RecertificationWindowDays);
        DemoProgress.Declare(writer);
        var quotas = DemoProgress.Quotas(learners.Count, options.ProgressRows, courses.Sum(c => c.ModuleIds.Length), random);
        for (var i = 0; i < learners.Count; i++)
        {
            await progress.AddAsync(learners[i], quotas[i], cancellationToken);
        }
        foreach (var coordinator in staff.Where(s => s.UnitId is not null))
        {
            await progress.AddAsync(coordinator, 0, cancellationToken);
        }
        await writer.CommitAsync(cancellationToken);
        var certificates = new DemoCertificates(db, writer, random, now, admin.Id);
        await certificates.AddAsync(progress.Completions, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        // The rows went in around the change tracker: copy the facts the assignment rules read in one statement.
        await Courses.Assignments.AssignmentFacts.RefreshAsync(db, null, cancellationToken);

        var counts = new List<(string, long)>
        {
            ("organisations", units.Count(u => u.Depth == 0)), ("regions", units.Count(u => u.Depth == 1)), ("posts", units.Count(u => u.Depth == 2)),
            ("learners", learners.Count), ("coordinators", staff.Count - 1), ("admins", 1), ("earlier memberships", people.EarlierMemberships),
            ("courses", courses.Count), ("modules", courses.Sum(c => c.ModuleIds.Length)), ("final assessments", courses.Count(c => c.Quiz is not null)),
            ("assignments", assignments.Count), ("assigned courses", writer.Counts[typeof(Courses.Assignments.AssignedCourse)]),
            ("  of them exempt", progress.Exempt), ("  of them extended", progress.Extended),
            ("enrolments", writer.Counts[typeof(Courses.Enrolment.CourseEnrolment)]),
            ("module completions", writer.Counts[typeof(Courses.Progress.ModuleCompletion)]),
            ("course completions", writer.Counts[typeof(Courses.Progress.CourseCompletion)]),
            ("quiz attempts", writer.Counts[typeof(Assessment.Attempts.QuizAttempt)]),
        };
        counts.AddRange(certificates.Counts);
        return new DemoDataSummary(counts, admin.Email, learners[0].Email, password, watch.Elapsed);
    }

    private async Task<Dictionary<string, string>> RoleIdsAsync(CancellationToken cancellationToken)
    {
        // The site creates the roles at start; the command may run on a database the site never started on.
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        return await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
    }

    /// <summary>Readable, long enough for the password policy, and the same for the same seed.</summary>
    private static string NewPassword(Random random)
    {
        const string letters = "abcdefghijkmnpqrstuvwxyz23456789";
        return "demo-" + string.Join('-', Enumerable.Range(0, 3).Select(_ => new string(Enumerable.Range(0, 4).Select(_ => letters[random.Next(letters.Length)]).ToArray())));
    }
}
