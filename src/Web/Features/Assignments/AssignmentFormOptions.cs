using Microsoft.EntityFrameworkCore;
using Training.Courses.Catalog;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Assignments;

/// <summary>The choices on the assignment form: published courses and the actor's units that are in use.</summary>
public sealed class AssignmentFormOptions(TrainingDbContext db)
{
    public async Task<AssignmentFormViewModel> ForAsync(Actor actor, AssignmentForm form, string? error, CancellationToken cancellationToken) =>
        new(form,
            await db.Courses.AsNoTracking().Where(c => c.IsPublished).OrderBy(c => c.Title).Select(c => new CourseChoice(c.Id, c.Title)).ToListAsync(cancellationToken),
            await db.UnitsIn(actor).AsNoTracking().Where(u => u.ArchivedAt == null).OrderBy(u => u.Path).Select(u => new UnitChoice(u.Id, u.Path)).ToListAsync(cancellationToken),
            error);
}
