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
}

public sealed record ModuleLink(string Slug, string Title);

public sealed record ModulePage(
    string CourseSlug, string CourseTitle, string Slug, string Title, int EstimatedMinutes, IReadOnlyList<string> Objectives,
    string Html, IReadOnlyList<Content.TableOfContentsEntry> TableOfContents, int Position, int ModuleCount,
    ModuleLink? Previous, ModuleLink? Next, bool IsEnrolled, bool Completed, bool CompletedEarlierVersion, string Sources, bool HasQuiz);

public sealed record GlossaryPage(string CourseSlug, string CourseTitle, IReadOnlyList<GlossaryTerm> Terms);
