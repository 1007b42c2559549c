using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Training.Courses.Catalog;
using Training.Courses.Content;
using Training.Courses.Enrolment;
using Training.Courses.People;
using Training.Courses.Progress;

namespace Training.Courses;

/// <summary>How the host composes the Courses module.</summary>
public static class CoursesModule
{
    /// <summary>Adds the module's entity configurations to the host's model.</summary>
    public static ModelBuilder ApplyCoursesModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoursesModule).Assembly);

    /// <summary>Course content, catalog, enrolment, progress and people. The host registers ICoursesDbContext and IInvitationMail.</summary>
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section)
            .Validate<IHostEnvironment>((o, environment) => o.ResolveLocalAnnexFolder(environment.ContentRootPath) is not { } folder || Directory.Exists(folder),
                "Content:LocalAnnexFolder names a folder that does not exist: create it, fix the path, or leave the setting empty.")
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || Directory.Exists(o.ResolveFolder(environment.ContentRootPath)),
                "Content:Folder names a folder that does not exist (or, unset, no course-content folder was found above the site): set it to the course folder.")
            .ValidateOnStart();
        services.AddSingleton<ILocalAnnex>(sp => LocalAnnexFolder.From(
            sp.GetRequiredService<IOptions<ContentOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<ContentImportState>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<CatalogQuery>();
        services.AddScoped<ModuleQuery>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<LearnerDashboard>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Assignments.AssignmentSync>();
        services.AddScoped<Assignments.AssignmentStatusQuery>();
        services.AddScoped<Assignments.AssignmentService>();
        services.AddScoped<Organisations.UnitService>();
        services.AddScoped<People.PersonMoves>();
        services.AddScoped<Audit.AuditQuery>();
        services.AddOptions<PeopleOptions>().BindConfiguration(PeopleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InvitationService>();
        services.AddScoped<PeopleImport>();
        return services;
    }
}
