using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Courses.Content;

namespace Training.Assessment.Quizzes;

/// <summary>
/// Imports each course's quiz files after the course itself. Like modules, a changed file becomes a new
/// version and an unchanged one changes nothing; a quiz with problems is skipped and keeps its last good
/// version. Marks which modules have a quiz and which courses have a final assessment.
/// </summary>
public sealed class QuizImporter(IAssessmentDbContext db, ContentImportState state, TimeProvider clock, ILogger<QuizImporter> logger)
{
    public async Task<int> ImportAllAsync(string contentFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(contentFolder))
        {
            return 0;
        }
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            return await ImportCoursesAsync(contentFolder, cancellationToken);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<int> ImportCoursesAsync(string contentFolder, CancellationToken cancellationToken)
    {
        var displayRoot = Directory.GetParent(contentFolder)?.FullName ?? contentFolder;
        var added = 0;
        var allProblems = new List<ContentProblem>();
        foreach (var folder in Directory.EnumerateDirectories(contentFolder).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var (count, problems) = await ImportFilesAsync(CourseFiles.FromFolder(folder, displayRoot), fromFolder: true, cancellationToken);
            added += count;
            allProblems.AddRange(problems);
        }
        state.Record([.. state.Problems, .. allProblems], clock.GetUtcNow().UtcDateTime);
        return added;
    }

    /// <summary>
    /// Imports the quizzes of one course from its files, after the course itself: from its folder at start, or
    /// from a zip for a course the site keeps.
    /// </summary>
    public async Task<(int Added, IReadOnlyList<ContentProblem> Problems)> ImportFilesAsync(CourseFiles files, bool fromFolder, CancellationToken cancellationToken)
    {
        var slug = files.Slug;
        var course = await db.Courses.Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.HasFinalAssessment, c.ManagedBy, Modules = c.Modules.Select(m => new { m.Id, m.Slug, m.HasQuiz }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        // A course the site keeps is not read from its folder (ContentImporter left it alone too).
        if (course is null || (fromFolder && course.ManagedBy == CourseManagement.Site))
        {
            return (0, []);
        }
        var added = 0;
        var problems = new List<ContentProblem>();
        var quizzes = QuizLibrary.ReadAll(files, problems);
        foreach (var problem in problems)
        {
            logger.LogWarning("Quiz problem in course {Course}: {Problem}", slug, problem.ToString());
        }
        // A quiz file with problems is left as it was; the rest of the course's quizzes still import.
        // Files are told apart by their whole path: a translation shares its original's file name.
        var broken = problems.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (definition, display) in quizzes.Originals)
        {
            var key = definition.ModuleSlug ?? Quiz.FinalKey;
            present.Add(key);
            if (broken.Contains(display))
            {
                continue;
            }
            var moduleId = definition.ModuleSlug is null ? null : course.Modules.FirstOrDefault(m => m.Slug == definition.ModuleSlug)?.Id;
            if (definition.ModuleSlug is not null && moduleId is null)
            {
                continue;
            }
            var file = Path.GetFileName(display);
            var (versionId, isNew) = await ImportQuizAsync(course.Id, moduleId, key, definition, files.ReadBytes(file), cancellationToken);
            added += isNew ? 1 : 0;
            // A broken translation keeps what it had, like a broken original.
            var courseDisplay = Path.GetDirectoryName(display) ?? "";
            bool IsBroken(string language) => broken.Contains(Path.Combine(courseDisplay, TranslationFolders.Folder, language, Path.GetFileName(display)));
            await ImportTranslationsAsync(versionId, file, quizzes.Translations, IsBroken, files, cancellationToken);
        }
        foreach (var key in broken.Where(f => !f.Contains(Path.DirectorySeparatorChar + TranslationFolders.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                     .Select(f => Path.GetFileName(f) == "final.quiz.md" ? Quiz.FinalKey : ModuleSlugOf(Path.GetFileName(f))).OfType<string>())
        {
            present.Add(key); // keeps its last good version
        }

        await db.Quizzes.Where(q => q.CourseId == course.Id && !present.Contains(q.Key) && !q.IsRetired)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRetired, true), cancellationToken);
        var quizzed = await db.Quizzes.Where(q => q.CourseId == course.Id && !q.IsRetired && q.CurrentVersionId != null)
            .Select(q => q.Key).ToListAsync(cancellationToken);
        var hasFinal = quizzed.Contains(Quiz.FinalKey);
        if (course.HasFinalAssessment != hasFinal)
        {
            await db.Courses.Where(c => c.Id == course.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HasFinalAssessment, hasFinal), cancellationToken);
        }
        foreach (var module in course.Modules.Where(m => m.HasQuiz != quizzed.Contains(m.Slug)))
        {
            var hasQuiz = !module.HasQuiz;
            await db.Modules.Where(m => m.Id == module.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.HasQuiz, hasQuiz), cancellationToken);
        }
        return (added, problems);
    }

    /// <returns>The quiz's current version, and whether this import added it.</returns>
    private async Task<(int VersionId, bool IsNew)> ImportQuizAsync(int courseId, int? moduleId, string key, QuizDefinition definition, byte[] file, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        var quiz = await db.Quizzes.SingleOrDefaultAsync(q => q.CourseId == courseId && q.Key == key, cancellationToken);
        if (quiz is null)
        {
            quiz = new Quiz { CourseId = courseId, Key = key, ModuleId = moduleId };
            db.Quizzes.Add(quiz);
            await db.SaveChangesAsync(cancellationToken);
        }
        var version = await db.QuizVersions.Where(v => v.QuizId == quiz.Id && v.ContentHash == hash).Select(v => (int?)v.Id).SingleOrDefaultAsync(cancellationToken);
        var added = 0;
        if (version is null)
        {
            var created = new QuizVersion { QuizId = quiz.Id, ContentHash = hash, Definition = QuizDefinitionStore.Serialise(definition), ImportedAt = clock.GetUtcNow().UtcDateTime };
            db.QuizVersions.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            version = created.Id;
            added = 1;
        }
        if (quiz.CurrentVersionId != version || quiz.IsRetired || quiz.ModuleId != moduleId)
        {
            quiz.CurrentVersionId = version;
            quiz.IsRetired = false;
            quiz.ModuleId = moduleId;
            await db.SaveChangesAsync(cancellationToken);
        }
        return (version.Value, added == 1);
    }

    /// <summary>
    /// Makes each language's translation of the file current for the version (a new row when its text is
    /// new: attempts keep the text they started with). Languages whose file is gone, or broken, fall back to
    /// the original for new attempts.
    /// </summary>
    private async Task ImportTranslationsAsync(int versionId, string fileName, IReadOnlyList<TranslatedQuiz> translations, Func<string, bool> isBroken,
        CourseFiles files, CancellationToken cancellationToken)
    {
        var stored = await db.QuizTranslations.Where(t => t.QuizVersionId == versionId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = new HashSet<int>();
        // A language has one current text per version.
        foreach (var translation in translations.Where(t => t.FileName == fileName))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(files.ReadBytes($"{TranslationFolders.Folder}/{translation.Language}/{fileName}")));
            var row = stored.SingleOrDefault(t => t.Language == translation.Language && t.ContentHash == hash);
            if (row is null)
            {
                row = new QuizTranslation
                {
                    QuizVersionId = versionId, Language = translation.Language, ContentHash = hash, ImportedAt = now,
                    Definition = QuizDefinitionStore.Serialise(translation.Definition),
                };
                db.QuizTranslations.Add(row);
                stored.Add(row);
            }
            row.IsCurrent = true;
            current.Add(stored.IndexOf(row));
        }
        for (var i = 0; i < stored.Count; i++)
        {
            if (!current.Contains(i) && !isBroken(stored[i].Language))
            {
                stored[i].IsCurrent = false;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? ModuleSlugOf(string fileName)
    {
        var dash = fileName.IndexOf('-', StringComparison.Ordinal);
        return fileName.EndsWith(".quiz.md", StringComparison.Ordinal) && dash > 0 ? fileName[(dash + 1)..^".quiz.md".Length] : null;
    }
}
