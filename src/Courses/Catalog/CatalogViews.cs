namespace Training.Courses.Catalog;

// What the catalog, course and module pages show. Records, read with projections.

public sealed record CatalogFilter(string? Search, string? Topic, string? Language);

public sealed record CourseCard(string Slug, string Title, string Summary, string Audience, decimal EstimatedHours, string Language, IReadOnlyList<string> Topics, int ModuleCount);

public sealed record CatalogPage(CatalogFilter Filter, IReadOnlyList<CourseCard> Courses, IReadOnlyList<string> Topics, IReadOnlyList<string> Languages);

public sealed record ModuleLine(string Slug, string Title, int EstimatedMinutes, bool Completed, bool CompletedEarlierVersion, bool HasQuiz);

public sealed record CoursePage(
    string Slug, string Title, string Summary, string Audience, decimal EstimatedHours, string Language,
    int PassMark, int CertificateValidityMonths, IReadOnlyList<string> Objectives, IReadOnlyList<ModuleLine> Modules,
    bool IsEnrolled, string? ContinueModuleSlug, bool HasFinalAssessment, DateTime? CompletedAt, bool RenewalOpen, bool IsAssigned = false)
{
    public int CompletedCount => Modules.Count(m => m.Completed);

    public int Percent => Modules.Count == 0 ? 0 : CompletedCount * 100 / Modules.Count;

    /// <summary>The language of the title and summary shown: the learner's when the course has a translation into it.</summary>
    public string TextLanguage { get; init; } = "en";

    public string TextDirection => ContentLanguage.Direction(TextLanguage);
}

public sealed record ModuleLink(string Slug, string Title);

/// <summary>Where an enrolled learner last was in the course, read with the module page so that recording the visit needs no query of its own.</summary>
public sealed record ModuleVisit(int CourseId, int ModuleId, int? LastModuleId, DateTime? LastVisitedAt);

public sealed record ModulePage(
    string CourseSlug, string CourseTitle, string Slug, string Title, int EstimatedMinutes, IReadOnlyList<string> Objectives,
    string Html, IReadOnlyList<Content.TableOfContentsEntry> TableOfContents, int Position, int ModuleCount,
    ModuleLink? Previous, ModuleLink? Next, bool IsEnrolled, bool Completed, bool CompletedEarlierVersion, string Sources, bool HasQuiz)
{
    /// <summary>The language of the text shown: the learner's when the module is translated into it, else the original's.</summary>
    public string Language { get; init; } = "en";

    public string OriginalLanguage { get; init; } = "en";

    /// <summary>The learner reads another language, and this module has no translation into it yet.</summary>
    public bool NotInLearnerLanguage { get; init; }

    /// <summary>Null when the learner is not enrolled.</summary>
    public ModuleVisit? Visit { get; init; }

    public string Direction => ContentLanguage.Direction(Language);
}

/// <param name="OriginalAnchor">In a translation, the original term's anchor: links in modules not yet translated point there.</param>
public sealed record GlossaryEntryView(string Term, string Anchor, string Definition, string Source, string? OriginalAnchor);

public sealed record GlossaryPage(string CourseSlug, string CourseTitle, IReadOnlyList<GlossaryEntryView> Terms, string Language)
{
    public string Direction => ContentLanguage.Direction(Language);
}
