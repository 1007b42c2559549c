using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Training.Courses.People;

namespace Training.Courses;

/// <summary>
/// The part of the site's single DbContext that the Courses module reads and writes.
/// The host's context implements it; services use it directly (no repository on top).
/// </summary>
public interface ICoursesDbContext
{
    DbSet<TrainingUser> Users { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
