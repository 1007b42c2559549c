using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Catalog;
using Training.Courses.Content;
using Training.Courses.Enrolment;
using Training.Courses.Progress;

namespace Training.Courses;

/// <summary>How the host composes the Courses module.</summary>
public static class CoursesModule
{
    /// <summary>Adds the module's entity configurations to the host's model.</summary>
    public static ModelBuilder ApplyCoursesModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoursesModule).Assembly);

    /// <summary>Course content, catalog, enrolment and progress. The host registers ICoursesDbContext.</summary>
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddSingleton<ContentImportState>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<CatalogQuery>();
        services.AddScoped<ModuleQuery>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<LearnerDashboard>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Organisations.UnitService>();
        services.AddScoped<People.PersonMoves>();
        services.AddScoped<Audit.AuditQuery>();
        return services;
    }
}
