using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Training.Assessment.Attempts;
using Training.Assessment.Quizzes;
using Training.Courses.Audit;
using Training.Courses.Authoring;
using Training.Courses.Catalog;
using Training.Courses.Content;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Authoring;

/// <summary>A course the actor may author, as every authoring page starts from it.</summary>
public sealed record AuthoredCourse(int Id, string Slug, string Title, CourseManagement ManagedBy, bool IsPublished, int MajorVersion)
{
    public bool IsEditable => ManagedBy == CourseManagement.Site;
}

public sealed record DraftProblem(string Path, int Line, string Message);

public sealed record EditorModule(ModuleFile File, string Title, bool HasQuiz, bool Changed);

public sealed record EditorTrainer(string UserId, string Name, string Email);

/// <summary>The course's authoring page: its modules and files as the draft has them, what the draft changes, and its problems.</summary>
public sealed record CourseEditorPage(
    AuthoredCourse Course, IReadOnlyList<EditorModule> Modules, IReadOnlyList<string> OtherFiles, IReadOnlyList<string> ChangedPaths,
    IReadOnlyList<DraftProblem> Problems, int PublicationCount, IReadOnlyList<EditorTrainer> Trainers);

/// <summary>One file in the editor: its text, the revision a save must name, and the preview of that text.</summary>
public sealed record FileEditor(AuthoredCourse Course, string Path, string Text, int Revision, string BaseHash, bool IsDraft, FilePreview Preview);

/// <summary>A file rendered by the learners' pipeline: the module's sanitised HTML (null for other files) and the file's problems by line.</summary>
/// <param name="Quiz">A quiz file's questions as a learner sees them, with their answers and feedback.</param>
public sealed record FilePreview(string? Title, IReadOnlyList<string> Objectives, string? Html, IReadOnlyList<DraftProblem> Problems, bool IsQuiz, QuizPreviewResult? Quiz = null);

public enum SaveOutcome { Saved, Conflict, NotFound, NotEditable, BadPath }

/// <summary>A save's answer; on a conflict, the other person's text, who saved it and when, and the revision to name to save over it.</summary>
public sealed record SaveResult(SaveOutcome Outcome, int Revision, string? TheirText = null, string? TheirName = null, DateTime? TheirTime = null);

public enum ChangeOutcome { Done, NotFound, NotEditable, Invalid, Taken }

public sealed record PublishResult(bool Published, int? Number, IReadOnlyList<DraftProblem> Problems, string? Refusal = null);

public sealed record PublicationRow(int Number, PublicationKind Kind, int MajorVersion, string Note, string AuthorName, DateTime PublishedAt);

public sealed record CompareResult(AuthoredCourse Course, IReadOnlyList<PublicationRow> Versions, int From, int To, IReadOnlyList<FileDiff> Files);

public sealed record ImageUpload(ChangeOutcome Outcome, string? Path = null, string? Markdown = null, string? Refusal = null);

/// <summary>
/// Authoring courses in the browser. A draft is a set of changed files over the course's published files; it
/// is read, checked and rendered by the same pipeline as course-content/ (<see cref="CourseSource"/>,
/// <see cref="QuizLibrary"/>), and publishing imports it as the course the site keeps. Every query starts
/// from the courses the actor may author (<see cref="AuthorableCourses"/>): others answer not found.
/// </summary>
public sealed partial class CourseAuthoring(
    TrainingDbContext db, ContentImporter importer, QuizImporter quizzes, ContentImportState state, ILocalAnnex localAnnex, AuditLog audit, TimeProvider clock)
{
    /// <summary>Uploaded images: enough for a photograph or a diagram; larger files slow learners on slow links.</summary>
    public const int MaxImageBytes = 2 * 1024 * 1024;

    /// <summary>Draft version number for <see cref="CompareAsync"/>: the draft as it stands.</summary>
    public const int Draft = 0;

    /// <summary>The one rule of who authors what: admins every course, trainers the courses an admin gave them.</summary>
    public IQueryable<Course> AuthorableCourses(Actor actor) =>
        actor.IsAdmin ? db.Courses : db.Courses.Where(c => db.CourseTrainers.Any(t => t.CourseId == c.Id && t.UserId == actor.UserId));

    public Task<List<AuthoredCourse>> ListAsync(Actor actor, CancellationToken cancellationToken) =>
        AuthorableCourses(actor).AsNoTracking().OrderBy(c => c.Title)
            .Select(c => new AuthoredCourse(c.Id, c.Slug, c.Title, c.ManagedBy, c.IsPublished, c.MajorVersion)).ToListAsync(cancellationToken);

    public Task<AuthoredCourse?> FindAsync(Actor actor, string slug, CancellationToken cancellationToken) =>
        AuthorableCourses(actor).AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new AuthoredCourse(c.Id, c.Slug, c.Title, c.ManagedBy, c.IsPublished, c.MajorVersion)).SingleOrDefaultAsync(cancellationToken);

    public async Task<CourseEditorPage?> OverviewAsync(Actor actor, string slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return null;
        }
        var (files, rows) = await DraftAsync(course, cancellationToken);
        var changed = rows.Select(r => r.Path).Order(StringComparer.Ordinal).ToList();
        var source = CourseSource.Read(files, localAnnex);
        var problems = Problems(files, source, out _);
        var modules = ModuleFiles.Of(files).Select(m => new EditorModule(m,
            source.Modules.FirstOrDefault(p => p.Source.FileName == m.FileName)?.Source.FrontMatter?.Title ?? m.Slug,
            files.Exists(m.Stem + ".quiz.md"),
            changed.Any(p => p == m.FileName || p == m.Stem + ".quiz.md"))).ToList();
        var moduleFiles = modules.Select(m => m.File.FileName).ToHashSet(StringComparer.Ordinal);
        var others = files.Paths.Where(p => !moduleFiles.Contains(p)).ToList();
        var publications = await db.CoursePublications.CountAsync(p => p.CourseId == course.Id, cancellationToken);
        var trainers = await db.CourseTrainers.Where(t => t.CourseId == course.Id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u).OrderBy(u => u.Email)
            .Select(u => new EditorTrainer(u.Id, u.FullName, u.Email ?? "")).ToListAsync(cancellationToken);
        return new CourseEditorPage(course, modules, others, changed, problems, publications, trainers);
    }

    public async Task<FileEditor?> OpenAsync(Actor actor, string slug, string path, CancellationToken cancellationToken)
    {
        if (!IsEditablePath(path) || await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return null;
        }
        var (files, rows) = await DraftAsync(course, cancellationToken);
        var row = rows.FirstOrDefault(r => r.Path == path);
        var published = await PublishedTextAsync(course.Id, path, cancellationToken);
        if (!files.Exists(path) && row is null && published is null)
        {
            return null;
        }
        var text = files.Exists(path) ? files.ReadText(path) : "";
        return new FileEditor(course, path, text, row?.Revision ?? 0, Hash(published ?? ""), row is not null, Render(files, path));
    }

    /// <summary>The preview of <paramref name="text"/> as the file at <paramref name="path"/>, in the draft: nothing is saved.</summary>
    public async Task<FilePreview?> PreviewAsync(Actor actor, string slug, string path, string text, CancellationToken cancellationToken)
    {
        if (!IsEditablePath(path) || await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return null;
        }
        var (files, _) = await DraftAsync(course, cancellationToken);
        return Render(files.With([(path, Encoding.UTF8.GetBytes(Normalise(text)))]), path);
    }

    /// <summary>
    /// Saves one file of the draft. <paramref name="revision"/> is the draft revision the text started from (0: the
    /// published file, whose hash is <paramref name="baseHash"/>); a save over anything newer is refused and
    /// answers the newer text instead of overwriting it.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Actor actor, string slug, string path, string text, int revision, string? baseHash, CancellationToken cancellationToken)
    {
        if (!IsEditablePath(path))
        {
            return new SaveResult(SaveOutcome.BadPath, revision);
        }
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return new SaveResult(SaveOutcome.NotFound, revision);
        }
        if (!course.IsEditable)
        {
            return new SaveResult(SaveOutcome.NotEditable, revision);
        }
        var content = Encoding.UTF8.GetBytes(Normalise(text));
        var now = clock.GetUtcNow().UtcDateTime;
        if (revision > 0)
        {
            var updated = await db.CourseDraftFiles.Where(f => f.CourseId == course.Id && f.Path == path && f.Revision == revision)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Content, content).SetProperty(f => f.Revision, revision + 1)
                    .SetProperty(f => f.UpdatedById, actor.UserId).SetProperty(f => f.UpdatedByName, actor.Name).SetProperty(f => f.UpdatedAt, now), cancellationToken);
            return updated == 1 ? new SaveResult(SaveOutcome.Saved, revision + 1) : await ConflictAsync(course, path, cancellationToken);
        }
        var published = await PublishedTextAsync(course.Id, path, cancellationToken);
        if (await db.CourseDraftFiles.AnyAsync(f => f.CourseId == course.Id && f.Path == path, cancellationToken)
            || (published is not null && baseHash is not null && Hash(published) != baseHash))
        {
            return await ConflictAsync(course, path, cancellationToken);
        }
        db.CourseDraftFiles.Add(new CourseDraftFile { CourseId = course.Id, Path = path, Content = content, Revision = 1, UpdatedById = actor.UserId, UpdatedByName = actor.Name, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(course, path, cancellationToken); // another first save of the same file won
        }
        return new SaveResult(SaveOutcome.Saved, 1);
    }

    public async Task<ChangeOutcome> AddModuleAsync(Actor actor, string slug, string moduleSlug, string title, CancellationToken cancellationToken) =>
        await ChangeAsync(actor, slug, files => string.IsNullOrWhiteSpace(title) ? null
            : ModuleFiles.Add(files, moduleSlug.Trim(), title) is { } added ? [(added.Path, added.Content)] : null, cancellationToken);

    public Task<ChangeOutcome> MoveModuleAsync(Actor actor, string slug, string moduleSlug, bool up, CancellationToken cancellationToken) =>
        ChangeAsync(actor, slug, files => ModuleFiles.Move(files, moduleSlug, up) is { Count: > 0 } changes ? changes : null, cancellationToken);

    public Task<ChangeOutcome> RemoveModuleAsync(Actor actor, string slug, string moduleSlug, CancellationToken cancellationToken) =>
        ChangeAsync(actor, slug, files => ModuleFiles.Remove(files, moduleSlug) is { Count: > 0 } changes ? changes : null, cancellationToken);

    /// <summary>The course's settings as the draft's course.yml has them.</summary>
    public async Task<CourseSettings?> SettingsAsync(Actor actor, string slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return null;
        }
        var (files, _) = await DraftAsync(course, cancellationToken);
        return files.Exists("course.yml") ? CourseSettings.Read(files.ReadText("course.yml"), []) : null;
    }

    public Task<ChangeOutcome> SaveSettingsAsync(Actor actor, string slug, CourseSettings settings, CancellationToken cancellationToken) =>
        ChangeAsync(actor, slug, files => [("course.yml", Encoding.UTF8.GetBytes(settings.ToYaml(files.Exists("course.yml") ? files.ReadText("course.yml") : null)))], cancellationToken);

    /// <summary>
    /// Adds an image to the draft, under images/. Its type is read from its first bytes, never from its name
    /// or the browser's word (PNG, JPEG, GIF, WebP; no SVG, which can carry script); alt text is required.
    /// </summary>
    public async Task<ImageUpload> UploadImageAsync(Actor actor, string slug, string fileName, byte[] content, string? alt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(alt))
        {
            return new ImageUpload(ChangeOutcome.Invalid, Refusal: "alt");
        }
        if (content.Length == 0 || content.Length > MaxImageBytes)
        {
            return new ImageUpload(ChangeOutcome.Invalid, Refusal: "size");
        }
        if (ImageType(content) is not { } extension)
        {
            return new ImageUpload(ChangeOutcome.Invalid, Refusal: "type");
        }
        var stem = NotSlug().Replace(Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant(), "-").Trim('-');
        var path = $"images/{(stem.Length == 0 ? "image" : stem[..Math.Min(stem.Length, 60)])}{extension}";
        var outcome = await ChangeAsync(actor, slug, _ => [(path, content)], cancellationToken);
        return new ImageUpload(outcome, path, $"![{alt.Trim().Replace("]", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal)}]({path})");
    }

    /// <summary>An image of the draft, for the preview; null when the course or file is not the actor's to see.</summary>
    public async Task<byte[]?> DraftMediaAsync(Actor actor, string slug, string path, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return null;
        }
        var (files, _) = await DraftAsync(course, cancellationToken);
        return files.Exists(path) ? files.ReadBytes(path) : null;
    }

    /// <summary>A quiz of the draft as a learner sees it; graded in memory when <paramref name="field"/> carries answers. Nothing is recorded.</summary>
    public async Task<(QuizPreviewResult? Preview, IReadOnlyList<DraftProblem> Problems)> QuizPreviewAsync(
        Actor actor, string slug, string path, Func<string, IReadOnlyList<string>>? field, CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".quiz.md", StringComparison.Ordinal) || !IsEditablePath(path) || await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return (null, []);
        }
        var (files, _) = await DraftAsync(course, cancellationToken);
        if (!files.Exists(path))
        {
            return (null, []);
        }
        var (quiz, problems) = ReadQuiz(files, path);
        return quiz is null ? (null, problems) : (field is null ? QuizPreview.Show(quiz) : QuizPreview.Grade(quiz, field), problems);
    }

    /// <summary>Drops the draft: the course is as last published.</summary>
    public async Task<ChangeOutcome> DiscardAsync(Actor actor, string slug, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return ChangeOutcome.NotFound;
        }
        await db.CourseDraftFiles.Where(f => f.CourseId == course.Id).ExecuteDeleteAsync(cancellationToken);
        return ChangeOutcome.Done;
    }

    /// <summary>
    /// Publishes the draft: checked by the content pipeline first (refused, with every problem, when the course
    /// or a quiz has errors), then imported as the course, its version recorded with author, time and note, the
    /// draft cleared and the publication audited, in one transaction. A major change raises majorVersion.
    /// </summary>
    public async Task<PublishResult> PublishAsync(Actor actor, string slug, bool major, string? note, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return new PublishResult(false, null, [], "not-found");
        }
        if (!course.IsEditable)
        {
            return new PublishResult(false, null, [], "not-editable");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            return new PublishResult(false, null, [], "note");
        }
        var (files, rows) = await DraftAsync(course, cancellationToken);
        if (rows.Count == 0 && course.IsPublished)
        {
            return new PublishResult(false, null, [], "nothing");
        }
        var majorVersion = major ? course.MajorVersion + 1 : course.MajorVersion;
        if (files.Exists("course.yml"))
        {
            var yml = CourseSettings.SetField(files.ReadText("course.yml"), "published", "true");
            yml = CourseSettings.SetField(yml, "majorVersion", majorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            files = files.With([("course.yml", Encoding.UTF8.GetBytes(yml))]);
        }
        var problems = Problems(files, CourseSource.Read(files, localAnnex), out var blocking);
        if (blocking)
        {
            return new PublishResult(false, null, problems, "problems");
        }
        var kind = major ? PublicationKind.Major : PublicationKind.Minor;
        var (number, _) = await RecordAsync(actor, course, files, kind, note.Trim(), rows, cancellationToken);
        return number is null ? new PublishResult(false, null, [], "conflict") : new PublishResult(true, number, problems);
    }

    public async Task<IReadOnlyList<PublicationRow>?> HistoryAsync(Actor actor, string slug, CancellationToken cancellationToken) =>
        await FindAsync(actor, slug, cancellationToken) is not { } course ? null : await VersionsAsync(course.Id, cancellationToken);

    /// <summary>What changed between two published versions, or between one and the draft (<see cref="Draft"/>).</summary>
    public async Task<CompareResult?> CompareAsync(Actor actor, string slug, int from, int to, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return null;
        }
        var older = await VersionFilesAsync(course, from, cancellationToken);
        var newer = await VersionFilesAsync(course, to, cancellationToken);
        return older is null || newer is null ? null
            : new CompareResult(course, await VersionsAsync(course.Id, cancellationToken), from, to, CourseDiff.Compare(older, newer));
    }

    /// <summary>Makes an old version the draft (the published course is unchanged until the draft is published), audited.</summary>
    public async Task<ChangeOutcome> RestoreAsync(Actor actor, string slug, int number, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return ChangeOutcome.NotFound;
        }
        if (!course.IsEditable)
        {
            return ChangeOutcome.NotEditable;
        }
        if (await VersionFilesAsync(course, number, cancellationToken) is not { } old || number == Draft)
        {
            return ChangeOutcome.NotFound;
        }
        var (published, rows) = await PublishedAsync(course, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CourseDraftFiles.RemoveRange(rows);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var path in published.Paths.Union(old.Paths))
        {
            var content = old.Exists(path) ? old.ReadBytes(path) : null;
            if (content is not null && published.Exists(path) && published.ReadBytes(path).AsSpan().SequenceEqual(content))
            {
                continue;
            }
            var revision = rows.FirstOrDefault(r => r.Path == path)?.Revision ?? 0;
            db.CourseDraftFiles.Add(new CourseDraftFile { CourseId = course.Id, Path = path, Content = content, Revision = revision + 1, UpdatedById = actor.UserId, UpdatedByName = actor.Name, UpdatedAt = now });
        }
        audit.Record(actor, AuditActions.CourseRestored, "course", course.Slug, $"version {number} restored as the draft");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ChangeOutcome.Done;
    }

    /// <summary>
    /// Creates a course from its settings and a first module, kept by the site and not shown to learners until
    /// its first publication. A trainer who creates a course is given it. Audited.
    /// </summary>
    public async Task<(ChangeOutcome Outcome, IReadOnlyList<DraftProblem> Problems)> CreateAsync(Actor actor, string slug, CourseSettings settings, CancellationToken cancellationToken)
    {
        slug = slug.Trim().ToLowerInvariant();
        if (!ModuleFiles.IsSlug(slug))
        {
            return (ChangeOutcome.Invalid, []);
        }
        if (await db.Courses.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            return (ChangeOutcome.Taken, []);
        }
        var empty = CourseFiles.FromStored(slug, []);
        var first = ModuleFiles.Add(empty, "introduction", "Introduction")!.Value;
        var files = empty.With([("course.yml", Encoding.UTF8.GetBytes(settings.ToYaml(null))), (first.Path, first.Content)]);
        var problems = Problems(files, CourseSource.Read(files, localAnnex), out var blocking);
        if (blocking)
        {
            return (ChangeOutcome.Invalid, problems);
        }
        var (number, _) = await RecordAsync(actor, null, files, PublicationKind.Created, "", [], cancellationToken);
        return (number is null ? ChangeOutcome.Taken : ChangeOutcome.Done, []);
    }

    /// <summary>An admin takes a course over from course-content/: the site keeps it from now on (its folder is no longer read). Audited.</summary>
    public async Task<ChangeOutcome> ConvertAsync(Actor actor, string slug, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin || await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return ChangeOutcome.NotFound;
        }
        if (course.IsEditable)
        {
            return ChangeOutcome.Done;
        }
        var (files, _) = await PublishedAsync(course, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Courses.Where(c => c.Id == course.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ManagedBy, CourseManagement.Site), cancellationToken);
        db.CoursePublications.Add(Publication(actor, course.Id, 1 + await LastNumberAsync(course.Id, cancellationToken), PublicationKind.Converted, course.MajorVersion, "", files));
        audit.Record(actor, AuditActions.CourseConverted, "course", course.Slug, "kept by the site from now on; its course-content folder is no longer imported");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ChangeOutcome.Done;
    }

    /// <summary>An admin gives a trainer a course to author (by the trainer's e-mail). Audited.</summary>
    public async Task<ChangeOutcome> GrantAsync(Actor actor, string slug, string email, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin || await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return ChangeOutcome.NotFound;
        }
        var normalized = email.Trim().ToUpperInvariant();
        var trainer = await db.Users.Where(u => u.NormalizedEmail == normalized
                && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Accounts.Roles.Trainer)))
            .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (trainer is null)
        {
            return ChangeOutcome.Invalid;
        }
        if (await db.CourseTrainers.AnyAsync(t => t.CourseId == course.Id && t.UserId == trainer, cancellationToken))
        {
            return ChangeOutcome.Done;
        }
        db.CourseTrainers.Add(new CourseTrainer { CourseId = course.Id, UserId = trainer, GrantedAt = clock.GetUtcNow().UtcDateTime });
        audit.Record(actor, AuditActions.CourseTrainerAdded, "course", course.Slug, email.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return ChangeOutcome.Done;
    }

    public async Task<ChangeOutcome> RevokeAsync(Actor actor, string slug, string userId, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin || await FindAsync(actor, slug, cancellationToken) is not { } course
            || await db.CourseTrainers.SingleOrDefaultAsync(t => t.CourseId == course.Id && t.UserId == userId, cancellationToken) is not { } grant)
        {
            return ChangeOutcome.NotFound;
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        db.CourseTrainers.Remove(grant);
        audit.Record(actor, AuditActions.CourseTrainerRemoved, "course", course.Slug, email ?? userId);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeOutcome.Done;
    }

    /// <summary>A zip of the folder format imported as a course the site keeps: a new one, or a new version of one (see <see cref="CourseArchive"/>).</summary>
    public async Task<CourseImportResult> ImportAsync(Actor actor, CourseFiles files, string detail, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(Actor.CommandLine(), files.Slug, cancellationToken);
        var (_, result) = await RecordAsync(actor, existing, files, PublicationKind.Imported, detail, [], cancellationToken);
        return result;
    }

    /// <summary>
    /// Records a version: imports the files as the course (a new one when <paramref name="course"/> is null), keeps
    /// them as the version, clears the draft rows read and audits, in one transaction.
    /// </summary>
    /// <returns>The version's number; null when the files were refused, or another publication of the same course or a save to its draft came first.</returns>
    private async Task<(int? Number, CourseImportResult Result)> RecordAsync(Actor actor, AuthoredCourse? course, CourseFiles files, PublicationKind kind, string note,
        List<CourseDraftFile> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var imported = await importer.ImportSiteManagedAsync(files, cancellationToken);
            if (!imported.Imported)
            {
                return (null, imported);
            }
            await state.Gate.WaitAsync(cancellationToken);
            IReadOnlyList<ContentProblem> quizProblems;
            try
            {
                (_, quizProblems) = await quizzes.ImportFilesAsync(files, fromFolder: false, cancellationToken);
            }
            finally
            {
                state.Gate.Release();
            }
            var facts = await db.Courses.Where(c => c.Slug == files.Slug).Select(c => new { c.Id, c.MajorVersion }).SingleAsync(cancellationToken);
            var number = 1 + await LastNumberAsync(facts.Id, cancellationToken);
            db.CoursePublications.Add(Publication(actor, facts.Id, number, kind, facts.MajorVersion, note, files));
            db.CourseDraftFiles.RemoveRange(rows); // each row at the revision read: a newer save fails the publication
            if (course is null && kind == PublicationKind.Created && !actor.IsAdmin && actor.UserId is not null)
            {
                db.CourseTrainers.Add(new CourseTrainer { CourseId = facts.Id, UserId = actor.UserId, GrantedAt = clock.GetUtcNow().UtcDateTime });
            }
            var (action, detail) = kind switch
            {
                PublicationKind.Created => (AuditActions.CourseCreated, "created, not yet published"),
                PublicationKind.Imported => (AuditActions.CourseImported, note),
                _ => (AuditActions.CoursePublished, $"version {number} ({kind.ToString().ToLowerInvariant()} change, major version {facts.MajorVersion}): {note}"),
            };
            audit.Record(actor, action, "course", files.Slug, detail);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (number, imported with { Problems = [.. imported.Problems, .. quizProblems] });
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (null, new CourseImportResult(false, null, [new ContentProblem(files.Display(""), 1, "Someone else changed this course at the same moment: nothing was saved. Try again.")]));
        }
    }

    private CoursePublication Publication(Actor actor, int courseId, int number, PublicationKind kind, int majorVersion, string note, CourseFiles files) => new()
    {
        CourseId = courseId, Number = number, Kind = kind, MajorVersion = majorVersion, Note = note,
        AuthorId = actor.UserId, AuthorName = actor.Name, PublishedAt = clock.GetUtcNow().UtcDateTime, Files = files.ToZipBytes(),
    };

    private async Task<int> LastNumberAsync(int courseId, CancellationToken cancellationToken) =>
        await db.CoursePublications.Where(p => p.CourseId == courseId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0;

    private Task<List<PublicationRow>> VersionsAsync(int courseId, CancellationToken cancellationToken) =>
        db.CoursePublications.AsNoTracking().Where(p => p.CourseId == courseId).OrderByDescending(p => p.Number)
            .Select(p => new PublicationRow(p.Number, p.Kind, p.MajorVersion, p.Note, p.AuthorName, p.PublishedAt)).ToListAsync(cancellationToken);

    private async Task<CourseFiles?> VersionFilesAsync(AuthoredCourse course, int number, CancellationToken cancellationToken)
    {
        if (number == Draft)
        {
            return (await DraftAsync(course, cancellationToken)).Files;
        }
        var zip = await db.CoursePublications.Where(p => p.CourseId == course.Id && p.Number == number).Select(p => p.Files).SingleOrDefaultAsync(cancellationToken);
        return zip is null ? null : CourseFiles.FromZipBytes(zip, course.Slug);
    }

    /// <summary>Applies changes to the draft, each file's revision raised; refused for a course the actor may not author or the site does not keep.</summary>
    private async Task<ChangeOutcome> ChangeAsync(Actor actor, string slug, Func<CourseFiles, IReadOnlyList<(string Path, byte[]? Content)>?> change, CancellationToken cancellationToken)
    {
        if (await FindAsync(actor, slug, cancellationToken) is not { } course)
        {
            return ChangeOutcome.NotFound;
        }
        if (!course.IsEditable)
        {
            return ChangeOutcome.NotEditable;
        }
        var (files, rows) = await DraftAsync(course, cancellationToken);
        if (change(files) is not { } changes)
        {
            return ChangeOutcome.Invalid;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (path, content) in changes)
        {
            if (rows.FirstOrDefault(r => r.Path == path) is { } row)
            {
                row.Content = content;
                row.Revision++;
                (row.UpdatedById, row.UpdatedByName, row.UpdatedAt) = (actor.UserId, actor.Name, now);
            }
            else
            {
                db.CourseDraftFiles.Add(new CourseDraftFile { CourseId = course.Id, Path = path, Content = content, Revision = 1, UpdatedById = actor.UserId, UpdatedByName = actor.Name, UpdatedAt = now });
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ChangeOutcome.Taken; // someone saved one of these files meanwhile: nothing of this change is kept
        }
        return ChangeOutcome.Done;
    }

    private async Task<SaveResult> ConflictAsync(AuthoredCourse course, string path, CancellationToken cancellationToken)
    {
        var row = await db.CourseDraftFiles.AsNoTracking().SingleOrDefaultAsync(f => f.CourseId == course.Id && f.Path == path, cancellationToken);
        if (row is not null)
        {
            return new SaveResult(SaveOutcome.Conflict, row.Revision, row.Content is null ? "" : Encoding.UTF8.GetString(row.Content), row.UpdatedByName, row.UpdatedAt);
        }
        // The draft was published (or discarded) since the text was opened: the published file is the newer text.
        var last = await db.CoursePublications.AsNoTracking().Where(p => p.CourseId == course.Id).OrderByDescending(p => p.Number)
            .Select(p => new { p.AuthorName, p.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
        return new SaveResult(SaveOutcome.Conflict, 0, await PublishedTextAsync(course.Id, path, cancellationToken) ?? "", last?.AuthorName, last?.PublishedAt);
    }

    private async Task<(CourseFiles Files, List<CourseDraftFile> Rows)> DraftAsync(AuthoredCourse course, CancellationToken cancellationToken)
    {
        var (published, rows) = await PublishedAsync(course, cancellationToken);
        return (published.With(rows.Select(r => (r.Path, r.Content))), rows);
    }

    /// <summary>The course's published files and its draft's rows (tracked: publishing removes them at the revision read).</summary>
    private async Task<(CourseFiles Files, List<CourseDraftFile> Rows)> PublishedAsync(AuthoredCourse course, CancellationToken cancellationToken)
    {
        var kept = await db.CourseSourceFiles.AsNoTracking().Where(f => f.CourseId == course.Id).Select(f => new { f.Path, f.Content }).ToListAsync(cancellationToken);
        var rows = await db.CourseDraftFiles.Where(f => f.CourseId == course.Id).ToListAsync(cancellationToken);
        return (CourseFiles.FromStored(course.Slug, kept.Select(f => (f.Path, f.Content))), rows);
    }

    private async Task<string?> PublishedTextAsync(int courseId, string path, CancellationToken cancellationToken)
    {
        var content = await db.CourseSourceFiles.Where(f => f.CourseId == courseId && f.Path == path).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : Encoding.UTF8.GetString(content);
    }

    /// <summary>The course's and its quizzes' problems; <paramref name="blocking"/> when the original has any (a translation's problems only keep that translation out).</summary>
    private static List<DraftProblem> Problems(CourseFiles files, CourseSource source, out bool blocking)
    {
        var all = new List<ContentProblem>(source.Problems);
        QuizLibrary.ReadAll(files, all);
        var prefix = files.Display("") + Path.DirectorySeparatorChar;
        var problems = all.Distinct().Select(p => new DraftProblem(p.File.StartsWith(prefix, StringComparison.Ordinal) ? p.File[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/') : "", p.Line, p.Message))
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        blocking = problems.Any(p => !p.Path.StartsWith("translations/", StringComparison.Ordinal));
        return problems;
    }

    private FilePreview Render(CourseFiles files, string path)
    {
        var source = CourseSource.Read(files, localAnnex);
        var problems = Problems(files, source, out _).Where(p => p.Path == path || p.Path.Length == 0).ToList();
        var module = source.Modules.FirstOrDefault(m => m.Source.FileName == path);
        // Draft images are served to the preview by the authoring pages, not the learners' (which serve the published files).
        var html = module?.Rendered.Html.Replace($"/courses/{files.Slug}/media/", $"/teach/courses/{files.Slug}/draft-media/", StringComparison.Ordinal);
        var isQuiz = path.EndsWith(".quiz.md", StringComparison.Ordinal);
        var quiz = isQuiz && files.Exists(path) ? ReadQuiz(files, path).Quiz : null;
        return new FilePreview(module?.Source.FrontMatter?.Title, module?.Source.FrontMatter?.Objectives ?? [], html, problems, isQuiz, quiz is null ? null : QuizPreview.Show(quiz));
    }

    /// <summary>One quiz file of the draft, read as the import reads it (its module's slug, or none for the final assessment).</summary>
    private static (QuizDefinition? Quiz, List<DraftProblem> Problems) ReadQuiz(CourseFiles files, string path)
    {
        var problems = new List<ContentProblem>();
        var name = Path.GetFileName(path);
        var moduleSlug = name == QuizLibrary.FinalQuizFile ? null : ModuleFiles.Of(files).FirstOrDefault(m => m.Stem + ".quiz.md" == name)?.Slug;
        var quiz = QuizParser.ParseText(files.ReadText(path), files.Display(path), moduleSlug, problems);
        return (quiz, problems.Select(p => new DraftProblem(path, p.Line, p.Message)).ToList());
    }

    /// <summary>Line ends as Unix (browsers post CRLF), so saving without a change changes nothing.</summary>
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Markdown and YAML files of the course or of a translation; never a path leaving the course folder.</summary>
    public static bool IsEditablePath(string path) => EditablePath().IsMatch(path);

    private static string? ImageType(byte[] content) => content switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ".png",
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x47, 0x49, 0x46, 0x38, ..] => ".gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ".webp",
        _ => null,
    };

    [GeneratedRegex(@"^(translations/[a-z]{2,3}/)?[a-z0-9][a-z0-9-]*(\.quiz)?\.(md|yml)$")]
    private static partial Regex EditablePath();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
