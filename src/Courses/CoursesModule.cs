using Microsoft.EntityFrameworkCore;

namespace Training.Courses;

/// <summary>How the host composes the Courses module.</summary>
public static class CoursesModule
{
    /// <summary>Adds the module's entity configurations to the host's model.</summary>
    public static ModelBuilder ApplyCoursesModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoursesModule).Assembly);
}
