namespace Training.Courses.Authoring;

/// <summary>How a version of a course came to be published.</summary>
public enum PublicationKind
{
    /// <summary>Created from the browser: not yet shown to learners.</summary>
    Created,

    /// <summary>A change of wording: completions and certificates stand.</summary>
    Minor,

    /// <summary>A new major version: certificates name it, and coordinators see who completed an older one.</summary>
    Major,

    /// <summary>Imported from a zip of the folder format.</summary>
    Imported,

    /// <summary>Taken over from course-content/ by an admin: the site keeps it from then on.</summary>
    Converted,
}

/// <summary>
/// One published version of a course the site keeps: who published it, when, why, and all its files (a zip
/// in the folder format), so any two versions can be compared and an old one restored as a draft.
/// </summary>
public class CoursePublication
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    /// <summary>1, 2, 3… per course.</summary>
    public int Number { get; set; }

    public PublicationKind Kind { get; set; }

    /// <summary>The course's major version once published (majorVersion in course.yml).</summary>
    public int MajorVersion { get; set; }

    public string Note { get; set; } = "";

    public string? AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTime PublishedAt { get; set; }

    /// <summary>The course's files as published: a zip written by <see cref="Content.CourseFiles.WriteZip"/>.</summary>
    public byte[] Files { get; set; } = [];
}
