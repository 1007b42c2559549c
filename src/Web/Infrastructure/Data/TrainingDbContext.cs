using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Training.Assessment;
using Training.Courses;
using Training.Courses.People;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// The site's one model: Identity, data-protection keys and every module's entities.
/// Each provider has a subclass so that each keeps its own migrations.
/// </summary>
public abstract class TrainingDbContext(DbContextOptions options)
    : IdentityDbContext<TrainingUser>(options), IDataProtectionKeyContext, IAssessmentDbContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyCoursesModel();
    }
}
