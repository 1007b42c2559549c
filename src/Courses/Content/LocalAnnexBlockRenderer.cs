using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Training.Courses.Content;

/// <summary>
/// A local annex as a labelled note: the site's text when it is set, otherwise a placeholder for learners and
/// a note for whoever runs the site. Part of the module's HTML, so the sanitiser sees the annex too.
/// </summary>
/// <param name="language">
/// A translation's language: the box's heading, placeholder and note are written in it when known (as the
/// other boxes' labels are, see <see cref="AdmonitionRenderer"/>), in English otherwise. The annex itself is
/// the site's text, in whatever language the site wrote it.
/// </param>
public sealed class LocalAnnexBlockRenderer(string? language = null) : HtmlObjectRenderer<LocalAnnexBlock>
{
    /// <summary>The box's words in one language; {0} is the annex's name as shown.</summary>
    /// <param name="Heading">The box's title, from the annex's shown name.</param>
    /// <param name="Missing">The placeholder learners read when the site has not set the annex (the heading already names it).</param>
    /// <param name="NoteBefore">The note for the site's administrators, up to the file name.</param>
    /// <param name="NoteMiddle">Between the file name and the setting's name.</param>
    /// <param name="NoteAfter">After the setting's name.</param>
    /// <param name="Names">The shipped courses' annex names in this language; any other name is shown as written.</param>
    private sealed record Texts(
        string Heading, string Missing, string NoteBefore, string NoteMiddle, string NoteAfter, IReadOnlyDictionary<string, string> Names);

    private const string Setting = "Content:LocalAnnexFolder";

    private static readonly Texts English = new(
        "Where you work: {0}",
        "This site has not added its local information on {0} yet. Until it does, ask your supervisor or your unit's coordinator for these details, and keep them where you can find them during a shift.",
        "Note for the site's administrators: write this text in a file named ",
        " in the local annex folder (the setting ",
        ") and import the courses again.",
        new Dictionary<string, string>(StringComparer.Ordinal));

    // Rendered once per language at import, like the other boxes' labels, so the words live here rather
    // than in the site's resource files. French puts a no-break space (U+00A0) before ':' ';' '?' '!'.
    private static readonly Dictionary<string, Texts> Translated = new(StringComparer.Ordinal)
    {
        ["fr"] = new(
            "Sur votre lieu de travail\u00A0: {0}",
            "Ce site n'a pas encore ajouté ses informations locales sur ce point. En attendant, demandez ces coordonnées à votre supérieur ou au coordinateur de votre service, et gardez-les là où vous pourrez les retrouver pendant votre permanence.",
            "Note pour les administrateurs du site\u00A0: écrivez ce texte dans un fichier nommé ",
            " dans le dossier de l'annexe locale (le paramètre ",
            "), puis importez de nouveau les cours.",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["hotlines"] = "lignes d'assistance",
                ["referral-contacts"] = "contacts pour l'orientation",
                ["shelters"] = "foyers d'accueil",
                ["child-protection"] = "protection de l'enfance",
                ["national-law"] = "droit national",
            }),
        ["es"] = new(
            "En su lugar de trabajo: {0}",
            "Este sitio aún no ha añadido su información local sobre este tema. Mientras tanto, pida estos datos a su supervisor o a la persona que coordina su unidad, y guárdelos donde pueda encontrarlos durante su turno.",
            "Nota para quienes administran el sitio: escriban este texto en un archivo llamado ",
            " en la carpeta del anexo local (el ajuste ",
            ") y vuelvan a importar los cursos.",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["hotlines"] = "líneas de ayuda",
                ["referral-contacts"] = "contactos para la derivación",
                ["shelters"] = "centros de acogida",
                ["child-protection"] = "protección de la infancia",
                ["national-law"] = "legislación nacional",
            }),
        ["ar"] = new(
            "في مكان عملكم: {0}",
            "لم يُضِف هذا الموقع بعدُ معلوماته المحلية في هذا الشأن. وإلى أن يفعل، اطلبوا هذه التفاصيل من المشرف عليكم أو من منسّق وحدتكم، واحتفظوا بها في مكان تجدونها فيه أثناء نوبة عملكم.",
            "ملاحظة لمسؤولي الموقع: اكتبوا هذا النص في ملف باسم ",
            " في مجلد الملحق المحلي (الإعداد ",
            ")، ثم استوردوا الدورات من جديد.",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["hotlines"] = "خطوط المساعدة",
                ["referral-contacts"] = "جهات الإحالة",
                ["shelters"] = "دور الإيواء",
                ["child-protection"] = "حماية الطفل",
                ["national-law"] = "القانون الوطني",
            }),
    };

    private Texts Words => language is not null && Translated.TryGetValue(language, out var texts) ? texts : English;

    /// <summary>The box's heading for an annex, in a module written in <paramref name="language"/> (null: the original, in English).</summary>
    public static string Label(string name, string? language = null) =>
        new LocalAnnexBlockRenderer(language).LabelFor(name);

    private string ShownName(string name) =>
        Words.Names.GetValueOrDefault(name) ?? name.Replace('-', ' ');

    private string LabelFor(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Words.Heading, ShownName(name));

    protected override void Write(HtmlRenderer renderer, LocalAnnexBlock obj)
    {
        var words = Words;
        var label = LabelFor(obj.Name);
        renderer.EnsureLine();
        renderer.Write("<div class=\"admonition local-annex").Write(obj.Html is null ? " local-annex-missing" : "")
            .Write("\" role=\"note\" aria-label=\"").WriteEscape(label).WriteLine("\">");
        renderer.Write("<p class=\"admonition-title\">").WriteEscape(label).WriteLine("</p>");
        if (obj.Html is not null)
        {
            renderer.Write(obj.Html);
        }
        else
        {
            renderer.Write("<p>").WriteEscape(string.Format(System.Globalization.CultureInfo.InvariantCulture, words.Missing, ShownName(obj.Name)))
                .WriteLine("</p>");
            // File and setting names read left to right, also on Arabic pages (the site's CSS isolates <code>).
            renderer.Write("<p class=\"local-annex-note\">").WriteEscape(words.NoteBefore)
                .Write("<code>").WriteEscape(obj.Name + ".md").Write("</code>").WriteEscape(words.NoteMiddle)
                .Write("<code>").WriteEscape(Setting).Write("</code>").WriteEscape(words.NoteAfter).WriteLine("</p>");
        }
        renderer.WriteLine("</div>");
    }
}
