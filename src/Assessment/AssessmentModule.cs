using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Assessment.Attempts;
using Training.Assessment.Quizzes;
using Training.Assessment.Statistics;

namespace Training.Assessment;

/// <summary>How the host composes the Assessment module.</summary>
public static class AssessmentModule
{
    public static ModelBuilder ApplyAssessmentModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssessmentModule).Assembly);

    /// <summary>Quizzes, attempts, grading and statistics. The host registers IAssessmentDbContext.</summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSingleton<QuizDefinitionStore>();
        services.AddScoped<QuizImporter>();
        services.AddScoped<AttemptService>();
        services.AddScoped<AttemptPages>();
        services.AddScoped<QuizStatisticsQuery>();
        return services;
    }
}
