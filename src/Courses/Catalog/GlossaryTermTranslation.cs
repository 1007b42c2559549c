namespace Training.Courses.Catalog;

/// <summary>One glossary term in a translation, naming the original term it translates.</summary>
public class GlossaryTermTranslation
{
    public int Id { get; set; }

    public int CourseTranslationId { get; set; }

    /// <summary>The original's term, as in its glossary.yml.</summary>
    public string OriginalTerm { get; set; } = "";

    public string Term { get; set; } = "";

    /// <summary>The anchor of the translated term on the glossary page (#term-travailleur-migrant).</summary>
    public string Anchor { get; set; } = "";

    public string Definition { get; set; } = "";

    public string Source { get; set; } = "";
}
