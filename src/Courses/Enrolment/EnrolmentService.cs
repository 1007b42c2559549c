using Microsoft.EntityFrameworkCore;

namespace Training.Courses.Enrolment;

public enum EnrolmentOutcome { Enrolled, AlreadyEnrolled, Left, NotEnrolled, NoSuchCourse, Assigned }

/// <summary>Learners enrol themselves in published courses and may leave; completions are kept either way.</summary>
public sealed class EnrolmentService(ICoursesDbContext db, TimeProvider clock)
{
    public async Task<EnrolmentOutcome> EnrolAsync(string userId, string courseSlug, CancellationToken cancellationToken)
    {
        var courseId = await db.Courses.Where(c => c.Slug == courseSlug && c.IsPublished).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (courseId is null)
        {
            return EnrolmentOutcome.NoSuchCourse;
        }
        if (await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CourseId == courseId, cancellationToken))
        {
            return EnrolmentOutcome.AlreadyEnrolled;
        }
        db.Enrolments.Add(new CourseEnrolment { UserId = userId, CourseId = courseId.Value, EnrolledAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click raced us to the unique index: the learner is enrolled either way.
            return EnrolmentOutcome.AlreadyEnrolled;
        }
        return EnrolmentOutcome.Enrolled;
    }

    public async Task<EnrolmentOutcome> LeaveAsync(string userId, string courseSlug, CancellationToken cancellationToken)
    {
        var courseId = await db.Courses.Where(c => c.Slug == courseSlug).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        // Assigned training cannot be left (an exemption is the coordinator's to give).
        if (await db.AssignedCourses.AnyAsync(a => a.UserId == userId && a.CourseId == courseId && a.ExemptAt == null, cancellationToken))
        {
            return EnrolmentOutcome.Assigned;
        }
        var deleted = await db.Enrolments.Where(e => e.UserId == userId && e.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0 ? EnrolmentOutcome.Left : EnrolmentOutcome.NotEnrolled;
    }
}
