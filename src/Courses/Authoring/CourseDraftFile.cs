namespace Training.Courses.Authoring;

/// <summary>
/// One file of a course's draft: a changed, added or removed file over the course's published files
/// (<see cref="Content.CourseSourceFile"/>). Learners never read it; publishing turns the draft into the course.
/// </summary>
public class CourseDraftFile
{
    public long Id { get; set; }

    public int CourseId { get; set; }

    /// <summary>The path in the course folder, '/'-separated, as in <see cref="Content.CourseSourceFile.Path"/>.</summary>
    public string Path { get; set; } = "";

    /// <summary>The file's new content; null when the draft removes the file.</summary>
    public byte[]? Content { get; set; }

    /// <summary>Raised by every save: a save names the revision it started from, so it never overwrites another's.</summary>
    public int Revision { get; set; }

    public string? UpdatedById { get; set; }

    /// <summary>Who saved last, as shown to another trainer whose save is refused.</summary>
    public string UpdatedByName { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
