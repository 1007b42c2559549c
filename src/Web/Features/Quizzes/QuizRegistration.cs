namespace Training.Web.Features.Quizzes;

public static class QuizRegistration
{
    /// <summary>The site's part of quizzes; the attempt services come from AddAssessment, the job's schedule from AddScheduling.</summary>
    public static IServiceCollection AddQuizzes(this IServiceCollection services)
    {
        services.AddOptions<QuizOptions>().BindConfiguration(QuizOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AbandonedAttemptJob>();
        return services;
    }
}
