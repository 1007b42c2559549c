using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Assessment.Attempts;
using Training.Assessment.Certificates;
using Training.Assessment.Quizzes;
using Training.Assessment.Statistics;
using Training.Courses.Progress;

namespace Training.Assessment;

/// <summary>How the host composes the Assessment module.</summary>
public static class AssessmentModule
{
    public static ModelBuilder ApplyAssessmentModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssessmentModule).Assembly);

    /// <summary>
    /// Quizzes, attempts, grading, statistics and certificates. The host registers IAssessmentDbContext and
    /// the <see cref="CertificateSigner"/> (it knows where the key file lives).
    /// </summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSingleton<QuizDefinitionStore>();
        services.AddScoped<QuizImporter>();
        services.AddScoped<AttemptService>();
        services.AddScoped<AttemptPages>();
        services.AddScoped<QuizStatisticsQuery>();
        services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CertificateFonts>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<CertificateService>();
        services.AddScoped<CertificateRegister>();
        services.AddScoped<ICourseCompletionListener, CertificateIssuer>();
        return services;
    }
}
