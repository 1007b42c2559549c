namespace Training.Courses.Catalog;

public class GlossaryTerm
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    public string Term { get; set; } = "";

    /// <summary>The anchor on the glossary page (#term-debt-bondage).</summary>
    public string Anchor { get; set; } = "";

    public string Definition { get; set; } = "";

    public string Source { get; set; } = "";
}
