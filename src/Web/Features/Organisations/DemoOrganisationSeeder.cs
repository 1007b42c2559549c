using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Courses.Enrolment;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Courses.Progress;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Organisations;

/// <summary>
/// Development only: a demo organisation with units North (one sub-unit) and South, a coordinator for
/// each, and learners with some progress and a certificate, so every coordinator page shows something.
/// Runs after the content import (it completes the welcome course) and once per database.
/// </summary>
public sealed class DemoOrganisationSeeder(
    TrainingDbContext db,
    UnitService units,
    Training.Courses.Assignments.AssignmentService assignments,
    EnrolmentService enrolments,
    ProgressService progress,
    TimeProvider clock,
    IOptions<DemoAccountOptions> demoOptions)
{
    public const string Organisation = "Border Police Service";
    private const string DemoCourse = "welcome";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!demoOptions.Value.Seed || await db.Units.AnyAsync(u => u.ParentId == null && u.Name == Organisation, cancellationToken))
        {
            return;
        }
        var actor = Actor.Everything(null, "demo data", null, isAdmin: true);
        var (_, organisation) = await units.CreateAsync(actor, null, Organisation, cancellationToken);
        var (_, north) = await units.CreateAsync(actor, organisation, "North Region", cancellationToken);
        var (_, crossing) = await units.CreateAsync(actor, north, "Crossing A", cancellationToken);
        var (_, south) = await units.CreateAsync(actor, organisation, "South Region", cancellationToken);
        await units.AddCoordinatorAsync(actor, north, DemoAccountOptions.EmailFor(Roles.Coordinator), cancellationToken);
        await units.AddCoordinatorAsync(actor, south, "coordinator.south@example.org", cancellationToken);

        // Who goes where, and how far each got in the welcome course (all its modules: a certificate).
        (string Email, int Unit, int Modules)[] people =
        [
            (DemoAccountOptions.EmailFor(Roles.Learner), north, 1),
            ("amina.haddad@example.org", crossing, int.MaxValue),
            ("jonas.berg@example.org", north, 0),
            ("carmen.lopez@example.org", south, int.MaxValue),
            ("thabo.nkosi@example.org", south, 1),
        ];
        var modules = await db.Modules.Where(m => m.Course.Slug == DemoCourse && !m.IsRetired && !m.HasQuiz)
            .OrderBy(m => m.Position).Select(m => m.Slug).ToListAsync(cancellationToken);
        foreach (var (email, unitId, done) in people)
        {
            var normalised = email.ToUpperInvariant();
            var person = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken);
            if (person is null)
            {
                continue;
            }
            await Memberships.MoveAsync(db, person, unitId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (modules.Count > 0 && await enrolments.EnrolAsync(person.Id, DemoCourse, cancellationToken) == EnrolmentOutcome.Enrolled)
            {
                foreach (var module in modules.Take(done))
                {
                    await progress.MarkCompleteAsync(person.Id, DemoCourse, module, cancellationToken);
                }
            }
        }

        // The welcome course is assigned to the whole organisation, due in 30 days, so the dashboard has figures.
        var welcome = await db.Courses.Where(c => c.Slug == DemoCourse).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (welcome is int courseId)
        {
            await assignments.AssignAsync(actor, courseId, organisation, [], null, 30, cancellationToken);
        }

        Console.WriteLine(new StringBuilder()
            .AppendLine("================ Demo organisation (Development) ================")
            .AppendLine($"  {Organisation}")
            .AppendLine($"    North Region   coordinator@example.org; learner@, jonas.berg@")
            .AppendLine($"      Crossing A   amina.haddad@ (welcome course completed, certificate)")
            .AppendLine($"    South Region   coordinator.south@example.org; carmen.lopez@ (certificate), thabo.nkosi@")
            .AppendLine("  The welcome course is assigned to the whole organisation, due in 30 days.")
            .AppendLine("  Same password as the demo accounts. admin@example.org sees everything.")
            .Append("=================================================================="));
    }
}
