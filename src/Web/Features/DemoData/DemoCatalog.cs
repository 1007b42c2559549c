using System.Security.Cryptography;
using System.Text;
using Training.Assessment.Quizzes;
using Training.Courses.Catalog;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.DemoData;

/// <summary>A generated course as the progress generator needs it.</summary>
internal sealed record DemoCourse(
    int Id, string Title, int ValidityMonths, string Version, int[] ModuleIds, int[] VersionIds,
    int? QuizId, int? QuizVersionId, QuizDefinition? Quiz);

/// <summary>Published courses of 4 to 6 modules with short HTML; every third has a final assessment.</summary>
internal static class DemoCatalog
{
    private const int Questions = 5;

    public static async Task<List<DemoCourse>> CreateAsync(TrainingDbContext db, DemoDataOptions options, string tag, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var courses = new List<(Course Course, List<Module> Modules)>();
        for (var i = 0; i < options.Courses; i++)
        {
            var title = DemoNames.CourseTopics[i % DemoNames.CourseTopics.Length] + (i < DemoNames.CourseTopics.Length ? "" : $" {i / DemoNames.CourseTopics.Length + 1}");
            var course = new Course
            {
                Slug = $"demo{tag.Replace('.', '-')}-{i + 1:000}",
                Title = title,
                Summary = $"A generated course on {title.ToLowerInvariant()}, for trying the site with a realistic amount of data.",
                Audience = "Border guards, Police officers, Labour inspectors",
                Topics = Course.JoinTopics(["demo", $"topic-{i % 5 + 1}"]),
                EstimatedHours = 1.5m,
                PassMark = 70,
                CertificateValidityMonths = (i % 3) switch { 0 => 12, 1 => 24, _ => 0 },
                HasFinalAssessment = i % 3 == 0,
                IsPublished = true,
                // Kept by the site (no folder in course-content/): the start-up import leaves them published.
                ManagedBy = Training.Courses.Content.CourseManagement.Site,
                ContentHash = Hash($"{options.Seed}-{tag}-{i}"),
                ImportedAt = now.AddYears(-3),
            };
            var modules = Enumerable.Range(1, DemoDataOptions.MinModules + random.Next(3)).Select(m => NewModule(course, m, now)).ToList();
            db.Courses.Add(course);
            courses.Add((course, modules));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var module in courses.SelectMany(c => c.Modules))
        {
            module.CurrentVersionId = module.Versions[0].Id;
        }
        var quizzes = courses.Where(c => c.Course.HasFinalAssessment).ToDictionary(c => c.Course.Id, c => NewFinal(c.Course, now));
        db.QuizVersions.AddRange(quizzes.Values.Select(q => q.Version));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (quiz, version, _) in quizzes.Values)
        {
            quiz.CurrentVersionId = version.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return courses.Select(c =>
        {
            var final = quizzes.GetValueOrDefault(c.Course.Id);
            return new DemoCourse(c.Course.Id, c.Course.Title, c.Course.CertificateValidityMonths,
                $"{c.Course.ImportedAt:yyyy-MM-dd} ({c.Course.ContentHash[..8]})",
                [.. c.Modules.Select(m => m.Id)], [.. c.Modules.Select(m => m.Versions[0].Id)],
                final.Quiz?.Id, final.Version?.Id, final.Definition);
        }).ToList();
    }

    private static Module NewModule(Course course, int position, DateTime now)
    {
        var topic = DemoNames.ModuleTopics[(position - 1) % DemoNames.ModuleTopics.Length];
        var module = new Module { Course = course, Slug = $"module-{position}", Position = position };
        module.Versions.Add(new ModuleVersion
        {
            ContentHash = Hash($"{course.Slug}/{position}"),
            Title = $"{position}. {topic}",
            EstimatedMinutes = 15,
            Objectives = $"Explain {topic.ToLowerInvariant()}\nApply it at work",
            Html = $"<h2 id=\"{module.Slug}-intro\">{topic}</h2>\n<p>Generated text for <strong>{course.Title}</strong>, module {position}. "
                + "It stands in for a real module when the site is tried with many learners.</p>\n<ul><li>One point</li><li>Another point</li></ul>",
            TableOfContents = $"2|{module.Slug}-intro|{topic}",
            ImportedAt = now.AddYears(-3),
        });
        course.Modules.Add(module);
        return module;
    }

    private static (Quiz Quiz, QuizVersion Version, QuizDefinition Definition) NewFinal(Course course, DateTime now)
    {
        var definition = new QuizDefinition
        {
            PassMark = course.PassMark,
            AttemptLimit = 3,
            Items = [.. Enumerable.Range(1, Questions).Select(q => new PoolItem
            {
                Id = $"question-{q}",
                Questions =
                [
                    new QuestionDefinition
                    {
                        Id = $"question-{q}", Type = QuestionType.SingleChoice, PromptHtml = $"<p>Generated question {q}?</p>", Line = q * 6,
                        Options = [new OptionDefinition("a", "<p>Right</p>", true, null), new OptionDefinition("b", "<p>Wrong</p>", false, null), new OptionDefinition("c", "<p>Also wrong</p>", false, null)],
                    },
                ],
            })],
        };
        var json = QuizDefinitionStore.Serialise(definition);
        var version = new QuizVersion { ContentHash = Hash(json), Definition = json, ImportedAt = now.AddYears(-3) };
        var quiz = new Quiz { CourseId = course.Id, Key = Quiz.FinalKey };
        version.Quiz = quiz;
        return (quiz, version, definition);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
