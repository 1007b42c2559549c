namespace Training.Courses.Catalog;

/// <summary>
/// A course's title, summary and glossary in another language, from translations/&lt;language&gt;/. Replaced
/// whole at each import of the course, like the original's glossary.
/// </summary>
public class CourseTranslation
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    /// <summary>ISO 639-1 code: fr, es, ar.</summary>
    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public List<GlossaryTermTranslation> Glossary { get; set; } = [];
}
