namespace Training.Courses.Catalog;

/// <summary>A course as last imported from its folder in course-content/.</summary>
public class Course
{
    public int Id { get; set; }

    /// <summary>The folder name; the course's address (/courses/{slug}).</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>Who the course is for, comma-separated as written in course.yml.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Topic tags wrapped in bars ("|trafficking|referral|") so one LIKE finds a tag on any provider.</summary>
    public string Topics { get; set; } = "";

    public string Language { get; set; } = "en";

    /// <summary>Title, summary, audience and topics folded by <see cref="Catalog.SearchText"/>, for the catalog search.</summary>
    public string SearchText { get; set; } = "";

    public decimal EstimatedHours { get; set; }

    public int PassMark { get; set; }

    /// <summary>0 means certificates never expire.</summary>
    public int CertificateValidityMonths { get; set; }

    public string Sources { get; set; } = "";

    public bool IsPublished { get; set; }

    /// <summary>From course.yml: trainers raise it for a major change.</summary>
    public int MajorVersion { get; set; } = 1;

    /// <summary>Set by the quiz import: the course completes only once its final assessment is passed.</summary>
    public bool HasFinalAssessment { get; set; }

    /// <summary>Hash of course.yml and glossary.yml as last imported: unchanged files change nothing.</summary>
    public string ContentHash { get; set; } = "";

    public DateTime ImportedAt { get; set; }

    /// <summary>Files: imported from course-content/ at start. Site: kept by the site (imported from a zip); the start-up import leaves it alone.</summary>
    public Content.CourseManagement ManagedBy { get; set; }

    public List<Module> Modules { get; set; } = [];

    public List<GlossaryTerm> Glossary { get; set; } = [];

    public List<CourseTranslation> Translations { get; set; } = [];

    public IReadOnlyList<string> TopicList => Topics.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinTopics(IEnumerable<string> topics) => "|" + string.Join("|", topics) + "|";
}
