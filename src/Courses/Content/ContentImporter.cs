using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Training.Courses.Catalog;

namespace Training.Courses.Content;

/// <param name="CoursesSiteManaged">Folders of courses the site keeps (imported from a zip): left alone.</param>
public sealed record ImportSummary(int CoursesChanged, int CoursesUnchanged, int CoursesSkipped, int VersionsAdded, int CoursesSiteManaged = 0);

/// <summary>What importing one course's files gave: its problems when it could not be imported.</summary>
public sealed record CourseImportResult(bool Imported, int? VersionsAdded, IReadOnlyList<ContentProblem> Problems);

/// <summary>
/// Brings the database in line with course-content/. Idempotent: a course whose files hash the same as
/// last time is not touched. A new module text becomes a new version; older versions stay, because
/// learners' completions point at them. A course with errors is skipped and keeps its last good import.
/// </summary>
public sealed class ContentImporter(ICoursesDbContext db, ContentImportState state, ILocalAnnex localAnnex, TimeProvider clock, ILogger<ContentImporter> logger)
{
    public async Task<ImportSummary> ImportAllAsync(string contentFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(contentFolder))
        {
            logger.LogWarning("The content folder {Folder} does not exist: no courses imported. Set Content:Folder.", contentFolder);
            return new ImportSummary(0, 0, 0, 0);
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            var sources = ContentLibrary.ReadAll(contentFolder, Directory.GetParent(contentFolder)?.FullName ?? contentFolder, localAnnex);
            var siteManaged = await SiteManagedSlugsAsync(cancellationToken);
            int changed = 0, unchanged = 0, skipped = 0, versions = 0, leftAlone = 0;
            foreach (var source in sources)
            {
                if (siteManaged.Contains(source.Slug))
                {
                    leftAlone++;
                    logger.LogWarning("Course folder {Course} not imported: the course is kept on the site (imported from a zip); its folder is not read.", source.Slug);
                    continue;
                }
                if (!source.OriginalIsValid)
                {
                    skipped++;
                    foreach (var problem in source.Problems)
                    {
                        logger.LogWarning("Course {Course} not imported: {Problem}", source.Slug, problem.ToString());
                    }
                    continue;
                }
                foreach (var problem in source.Problems)
                {
                    logger.LogWarning("Translation of course {Course} not imported: {Problem}", source.Slug, problem.ToString());
                }
                var added = await ImportCourseAsync(source, cancellationToken);
                if (added is null)
                {
                    unchanged++;
                }
                else
                {
                    changed++;
                    versions += added.Value;
                }
            }
            await WithdrawRemovedCoursesAsync(sources.Select(s => s.Slug).ToList(), cancellationToken);
            state.Record(sources.Where(s => !siteManaged.Contains(s.Slug)).SelectMany(s => s.Problems).ToList(), clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Content import from {Folder}: {Changed} courses changed, {Unchanged} unchanged, {Skipped} skipped with errors, {Versions} new module versions, {SiteManaged} kept on the site and left alone.",
                contentFolder, changed, unchanged, skipped, versions, leftAlone);
            return new ImportSummary(changed, unchanged, skipped, versions, leftAlone);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// Imports one course from its files (a zip, or later a draft) as a course the site keeps: a new course, or
    /// a new version of a course the site already keeps. A course imported from course-content/ is refused
    /// (its folder would overwrite the change at the next start). Nothing is written when the original has problems.
    /// </summary>
    public async Task<CourseImportResult> ImportSiteManagedAsync(CourseFiles files, CancellationToken cancellationToken)
    {
        var source = CourseSource.Read(files, localAnnex);
        if (!source.OriginalIsValid)
        {
            return new CourseImportResult(false, null, source.Problems);
        }
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await db.Courses.Where(c => c.Slug == source.Slug).Select(c => (CourseManagement?)c.ManagedBy).SingleOrDefaultAsync(cancellationToken);
            if (existing == CourseManagement.Files)
            {
                return new CourseImportResult(false, null,
                    [new ContentProblem(files.Display(""), 1, $"The course '{source.Slug}' comes from the site's course-content folder: import the zip under another course address, or change the course's folder itself.")]);
            }
            var added = await ImportCourseAsync(source, cancellationToken, CourseManagement.Site);
            return new CourseImportResult(true, added, source.Problems);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<HashSet<string>> SiteManagedSlugsAsync(CancellationToken cancellationToken) =>
        (await db.Courses.Where(c => c.ManagedBy == CourseManagement.Site).Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <returns>Null when nothing changed, else the number of module versions added.</returns>
    private async Task<int?> ImportCourseAsync(CourseSource source, CancellationToken cancellationToken, CourseManagement managedBy = CourseManagement.Files)
    {
        var course = await db.Courses.Include(c => c.Glossary).Include(c => c.Translations).ThenInclude(t => t.Glossary)
            .Include(c => c.Modules).ThenInclude(m => m.Versions).ThenInclude(v => v.Translations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Slug == source.Slug, cancellationToken);
        if (course is not null && course.ContentHash == source.ContentHash)
        {
            await KeepFilesAsync(course.Id, source.Files, cancellationToken); // an image alone may have changed
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (course is null)
        {
            course = new Course { Slug = source.Slug };
            db.Courses.Add(course);
        }
        var file = source.Course!;
        course.Title = file.Title!.Trim();
        course.Summary = file.Summary!.Trim();
        course.Audience = string.Join(", ", file.Audience);
        course.Topics = Course.JoinTopics(file.Topics.Select(t => t.Trim().ToLowerInvariant()));
        course.Language = file.Language!.Trim();
        course.EstimatedHours = file.EstimatedHours!.Value;
        course.PassMark = file.PassMark!.Value;
        course.CertificateValidityMonths = file.CertificateValidityMonths!.Value;
        course.Sources = string.Join(", ", file.Sources);
        course.SearchText = SearchText.Of([course.Title, course.Summary, course.Audience, .. file.Topics]);
        course.IsPublished = file.Published;
        course.MajorVersion = file.MajorVersion;
        course.ContentHash = source.ContentHash;
        course.ImportedAt = now;
        course.ManagedBy = managedBy;

        course.Glossary.Clear();
        course.Glossary.AddRange(source.Glossary.Select(g => new GlossaryTerm { Term = g.Term, Anchor = g.Anchor, Definition = g.Definition, Source = g.Source }));
        CourseTranslations.Import(course, source);

        var added = 0;
        var pendingCurrent = new List<(Module Module, ModuleVersion Version)>();
        foreach (var parsed in source.Modules)
        {
            var module = course.Modules.SingleOrDefault(m => m.Slug == parsed.Source.Slug);
            if (module is null)
            {
                module = new Module { Slug = parsed.Source.Slug };
                course.Modules.Add(module);
            }
            module.Position = parsed.Source.Position;
            module.IsRetired = false;

            var version = module.Versions.SingleOrDefault(v => v.ContentHash == parsed.Source.ContentHash);
            if (version is null)
            {
                version = new ModuleVersion { ContentHash = parsed.Source.ContentHash, ImportedAt = now };
                module.Versions.Add(version);
                added++;
            }
            // The same text can render differently when the course around it changed (a renamed module
            // file in a link): refresh the cached HTML, the version stays the same.
            var front = parsed.Source.FrontMatter!;
            version.Title = front.Title!.Trim();
            version.EstimatedMinutes = front.EstimatedMinutes!.Value;
            version.Objectives = string.Join('\n', front.Objectives.Select(o => o.Trim()));
            version.Sources = string.Join(", ", front.Sources);
            version.Html = parsed.Rendered.Html;
            version.TableOfContents = string.Join('\n', parsed.Rendered.TableOfContents.Select(t => $"{t.Level}|{t.Anchor}|{t.Text}"));
            CourseTranslations.ImportModule(version, parsed.Source.FileName, source, now);
            pendingCurrent.Add((module, version));
        }
        foreach (var gone in course.Modules.Where(m => source.Modules.All(p => p.Source.Slug != m.Slug)))
        {
            gone.IsRetired = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        // A second save: a new version has no id until the first one, and the module points at it.
        foreach (var (module, version) in pendingCurrent)
        {
            module.CurrentVersionId = version.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        await KeepFilesAsync(course.Id, source.Files, cancellationToken);
        return added;
    }

    /// <summary>Keeps the course's files as they came, for export: replaced when any differs from what is kept.</summary>
    private async Task KeepFilesAsync(int courseId, CourseFiles files, CancellationToken cancellationToken)
    {
        var kept = await db.CourseSourceFiles.Where(f => f.CourseId == courseId).ToListAsync(cancellationToken);
        if (kept.Count == files.Paths.Count && kept.All(f => files.Exists(f.Path) && files.ReadBytes(f.Path).AsSpan().SequenceEqual(f.Content)))
        {
            return;
        }
        db.CourseSourceFiles.RemoveRange(kept);
        db.CourseSourceFiles.AddRange(files.Paths.Select(path => new CourseSourceFile { CourseId = courseId, Path = path, Content = files.ReadBytes(path) }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WithdrawRemovedCoursesAsync(IReadOnlyList<string> present, CancellationToken cancellationToken)
    {
        var withdrawn = await db.Courses.Where(c => c.IsPublished && c.ManagedBy == CourseManagement.Files && !present.Contains(c.Slug))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublished, false), cancellationToken);
        if (withdrawn > 0)
        {
            logger.LogInformation("{Count} courses whose folders are gone are no longer published.", withdrawn);
        }
    }
}
