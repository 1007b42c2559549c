using Microsoft.Extensions.Options;
using Training.Assessment.Quizzes;
using Training.Courses.Content;

namespace Training.Web.Infrastructure.Content;

public static class ContentStartup
{
    public static string ContentFolder(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<ContentOptions>>().Value
            .ResolveFolder(services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    /// <summary>Imports course-content/ before the site takes requests. Problems are logged, never fatal.</summary>
    public static async Task ImportContentAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var folder = services.ContentFolder();
        await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAllAsync(folder, cancellationToken);
        // Quizzes second: they attach to the modules the first step created.
        await scope.ServiceProvider.GetRequiredService<QuizImporter>().ImportAllAsync(folder, cancellationToken);
    }
}
