using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Training.Assessment.Certificates;
using Training.Courses.Assignments;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Reminders;

/// <summary>
/// The open assigned courses (not completed, not exempt) with their due date, from the same rules as the
/// dashboard and the learner's home, so a reminder never says "overdue" where a page says otherwise.
/// </summary>
public sealed class OpenAssignments(TrainingDbContext db, AssignmentStatusQuery states)
{
    public async Task<IReadOnlyList<(AssignedCourseStatus Row, string Slug, string Title)>> ListAsync(CancellationToken cancellationToken)
    {
        var open = (await states.PrincipalStatusesAsync(db.AssignedCourses, cancellationToken))
            .Where(s => s.Status.State is AssignmentState.NotStarted or AssignmentState.InProgress or AssignmentState.Overdue && s.Status.DueOn is not null)
            .ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => c.IsPublished).ToDictionaryAsync(c => c.Id, c => new { c.Slug, c.Title }, cancellationToken);
        return [.. open.Where(s => courses.ContainsKey(s.Assigned.CourseId)).Select(s => (s, courses[s.Assigned.CourseId].Slug, courses[s.Assigned.CourseId].Title))];
    }
}

/// <summary>An assigned course due soon (<c>Reminders:DueSoonDays</c>, default 7 and 1 days before). Mandatory.</summary>
public sealed class DueSoonReminder(OpenAssignments assignments, IOptions<ReminderOptions> options, IStringLocalizer<SharedResource> localizer) : IReminderRule
{
    public string Kind => "due-soon";

    public bool Optional => false;

    public string Name => localizer["Assigned training due soon"];

    public string Description => localizer["Before the due date of a course your organisation assigned to you."];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var steps = options.Value.DueSoonDays.OrderBy(d => d).ToList();
        var due = new List<DueReminder>();
        foreach (var (row, slug, title) in await assignments.ListAsync(cancellationToken))
        {
            var dueOn = row.Status.DueOn!.Value;
            var daysLeft = dueOn.DayNumber - today.DayNumber;
            // Only the most urgent step reached; a new due date (an extension) starts its steps again.
            var step = steps.Where(d => daysLeft >= 0 && daysLeft <= d).DefaultIfEmpty(-1).Min();
            if (row.Status.State != AssignmentState.Overdue && step >= 0)
            {
                due.Add(Reminder(row, slug, title, $"{dueOn:yyyy-MM-dd}/{step}"));
            }
        }
        return due;
    }

    internal static DueReminder Reminder(AssignedCourseStatus row, string slug, string title, string step) =>
        new(row.Assigned.UserId, row.Assigned.Id.ToString(CultureInfo.InvariantCulture), step, new Dictionary<string, object>
        {
            ["CourseTitle"] = title,
            ["DueDate"] = row.Status.DueOn!.Value.ToDateTime(TimeOnly.MinValue),
            ["CourseLink"] = $"/courses/{slug}",
        });
}

/// <summary>An assigned course past its due date: on the first day, then every <c>Reminders:OverdueEveryDays</c>. Mandatory.</summary>
public sealed class OverdueReminder(OpenAssignments assignments, IOptions<ReminderOptions> options, IStringLocalizer<SharedResource> localizer) : IReminderRule
{
    public string Kind => "overdue";

    public bool Optional => false;

    public string Name => localizer["Assigned training overdue"];

    public string Description => localizer["When a course your organisation assigned to you is past its due date."];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        return [.. (await assignments.ListAsync(cancellationToken))
            .Where(a => a.Row.Status.State == AssignmentState.Overdue)
            .Select(a =>
            {
                var dueOn = a.Row.Status.DueOn!.Value;
                var period = (today.DayNumber - dueOn.DayNumber - 1) / options.Value.OverdueEveryDays;
                return DueSoonReminder.Reminder(a.Row, a.Slug, a.Title, $"{dueOn:yyyy-MM-dd}/overdue/{period}");
            })];
    }
}

/// <summary>
/// A weekly digest to each coordinator about their units: assigned courses overdue (and how many became
/// overdue in the last week) and certificates expiring within 30 days. Only sent when there is something.
/// </summary>
public sealed class CoordinatorDigestReminder(TrainingDbContext db, OpenAssignments assignments, IStringLocalizer<SharedResource> localizer) : IReminderRule
{
    public string Kind => "coordinator-digest";

    // Part of the coordinator's duty, like the reminders about assigned training: not switched off on the
    // learners' preference pages (which would also offer it to people who coordinate nothing).
    public bool Optional => false;

    public string Name => localizer["Weekly digest for coordinators"];

    public string Description => localizer["Once a week, if you coordinate units: overdue training and certificates about to expire there."];

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var week = $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}";
        var overdue = (await assignments.ListAsync(cancellationToken)).Where(a => a.Row.Status.State == AssignmentState.Overdue).ToList();
        var coordinators = await db.UnitCoordinators.Select(c => new { c.UserId, Email = db.Users.Where(u => u.Id == c.UserId).Select(u => u.Email).First() })
            .Distinct().ToListAsync(cancellationToken);
        var due = new List<DueReminder>();
        foreach (var coordinator in coordinators)
        {
            var actor = await ActorResolver.ResolveAsync(db, coordinator.UserId, coordinator.Email ?? "", null, isAdmin: false, isCoordinator: true, cancellationToken);
            var people = (await db.PeopleIn(actor).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
            var theirs = overdue.Where(a => people.Contains(a.Row.Assigned.UserId)).ToList();
            var newlyOverdue = theirs.Count(a => a.Row.Status.DueOn!.Value.DayNumber >= today.DayNumber - 8);
            var soon = now.AddDays(30);
            var expiring = await db.CertificatesIn(actor).Expiring(db, now, soon).CountAsync(cancellationToken);
            if (theirs.Count > 0 || expiring > 0)
            {
                due.Add(new DueReminder(coordinator.UserId, "scope", week, new Dictionary<string, object>
                {
                    ["OverdueCount"] = theirs.Count,
                    ["NewOverdueCount"] = newlyOverdue,
                    ["ExpiringCount"] = expiring,
                    ["DashboardLink"] = "/coordinate",
                    ["OverdueLink"] = "/coordinate/people?state=Overdue",
                }));
            }
        }
        return due;
    }
}
