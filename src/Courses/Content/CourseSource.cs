using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Training.Courses.Content;

public sealed record GlossaryEntry(string Term, string Anchor, string Definition, string Source);

public sealed record ParsedModule(ModuleSource Source, RenderedModule Rendered);

/// <summary>A course folder read, checked and rendered. Errors leave <see cref="IsValid"/> false.</summary>
public sealed partial class CourseSource
{
    public required string Slug { get; init; }

    /// <summary>The files the course was read from.</summary>
    public required CourseFiles Files { get; init; }

    public CourseFile? Course { get; private set; }

    public IReadOnlyList<GlossaryEntry> Glossary { get; private set; } = [];

    public IReadOnlyList<ParsedModule> Modules { get; private set; } = [];

    /// <summary>The course's translations (translations/&lt;language&gt;/), each checked against the original.</summary>
    public IReadOnlyList<TranslationSource> Translations { get; private set; } = [];

    /// <summary>Hash over every file the course is built from: equal hashes mean nothing to import.</summary>
    public string ContentHash { get; private set; } = "";

    public List<ContentProblem> Problems { get; } = [];

    /// <summary>The site's local annex the modules (and their translations) were rendered with.</summary>
    public ILocalAnnex LocalAnnex { get; private init; } = LocalAnnexTexts.None;

    /// <summary>Every problem of the course and of its translations.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The original has no problems, whatever its translations have: it can be imported.</summary>
    public bool OriginalIsValid => Problems.All(translationProblems.Contains);

    private readonly List<ContentProblem> translationProblems = [];

    /// <param name="displayRoot">Problems name files relative to this folder (usually the current directory).</param>
    /// <param name="localAnnex">The site's local annex for <c>{{annex: name}}</c> lines; none (placeholders) when null.</param>
    public static CourseSource Read(string folder, string displayRoot, ILocalAnnex? localAnnex = null) =>
        Read(CourseFiles.FromFolder(folder, displayRoot), localAnnex);

    /// <summary>Reads, checks and renders a course from its files: the one pipeline for folders, zips and drafts.</summary>
    public static CourseSource Read(CourseFiles files, ILocalAnnex? localAnnex = null)
    {
        var source = new CourseSource { Slug = files.Slug, Files = files, LocalAnnex = localAnnex ?? LocalAnnexTexts.None };
        source.Load();
        return source;
    }

    private void Load()
    {
        var Display = Files.Display;
        var hash = new StringBuilder();

        if (!SlugPattern().IsMatch(Slug))
        {
            Problems.Add(new ContentProblem(Display(""), 1, $"The folder name '{Slug}' is the course's address: use lower-case letters, digits and hyphens only."));
        }

        const string courseFile = "course.yml";
        if (!Files.Exists(courseFile))
        {
            Problems.Add(new ContentProblem(Display(courseFile), 1, "Every course folder needs a course.yml file."));
            return;
        }
        var courseText = Files.ReadText(courseFile);
        hash.Append(courseText);
        Course = YamlReader.Read<CourseFile>(courseText, Display(courseFile), 1, Problems);
        if (Course is not null)
        {
            CheckCourse(Course, Display(courseFile));
        }

        const string glossaryFile = "glossary.yml";
        if (Files.Exists(glossaryFile))
        {
            var glossaryText = Files.ReadText(glossaryFile);
            hash.Append('\0').Append(glossaryText);
            Glossary = ReadGlossary(glossaryText, Display(glossaryFile));
        }

        var modules = new List<ModuleSource>();
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files.FilesIn("").Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var name = file;
            if (name.EndsWith(".quiz.md", StringComparison.Ordinal) || name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var match = ModuleFileName().Match(name);
            if (!match.Success)
            {
                Problems.Add(new ContentProblem(Display(file), 1, "Module files are named NN-slug.md (for example 01-warning-signs.md): a number for the order, then lower-case words with hyphens."));
                continue;
            }
            var slug = match.Groups["slug"].Value;
            if (slugs.TryGetValue(slug, out var other))
            {
                Problems.Add(new ContentProblem(Display(file), 1, $"Duplicate module slug '{slug}': {other} has it too. Rename one of the files."));
                continue;
            }
            slugs[slug] = name;
            var module = ModuleSource.Parse(Files.ReadBytes(file), name, Display(file), slug, int.Parse(match.Groups["position"].Value, System.Globalization.CultureInfo.InvariantCulture), Problems);
            hash.Append('\0').Append(name).Append(':').Append(module.ContentHash);
            modules.Add(module);
        }
        if (modules.Count == 0)
        {
            Problems.Add(new ContentProblem(Display(""), 1, "The course has no module files (NN-slug.md)."));
        }

        var context = new CourseContext
        {
            CourseSlug = Slug,
            Files = Files,
            GlossaryAnchors = Glossary.ToDictionary(g => g.Term, g => g.Anchor, StringComparer.OrdinalIgnoreCase),
            ModulesByFile = modules.ToDictionary(m => m.FileName, StringComparer.Ordinal),
            LocalAnnex = LocalAnnex,
        };
        Modules = modules.Select(m => new ParsedModule(m, ModuleRenderer.Render(m, context, Problems))).ToList();
        hash.Append(context.AnnexHashText());

        // A translation's problems (and a misnamed language folder) keep that translation out, not the course.
        Translations = TranslationFolders.Read(Files, Course?.Language?.Trim(), translationProblems)
            .Select(t => TranslationSource.Read(this, t.Language, t.Folder))
            .ToList();
        foreach (var translation in Translations)
        {
            translationProblems.AddRange(translation.Problems);
            hash.Append('\0').Append(translation.ContentHash);
        }
        Problems.AddRange(translationProblems);
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())));
    }

    private void CheckCourse(CourseFile course, string file)
    {
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                Problems.Add(new ContentProblem(file, 1, message));
            }
        }
        Require(!string.IsNullOrWhiteSpace(course.Title), "course.yml needs a title.");
        Require(!string.IsNullOrWhiteSpace(course.Summary), "course.yml needs a summary.");
        Require(course.Audience.Count > 0, "course.yml needs an audience: who the course is for.");
        Require(!string.IsNullOrWhiteSpace(course.Language), "course.yml needs a language, such as en.");
        Require(course.EstimatedHours is > 0, "course.yml needs estimatedHours, a number above 0.");
        Require(course.PassMark is >= 0 and <= 100, "course.yml needs passMark, a percentage from 0 to 100.");
        Require(course.CertificateValidityMonths is >= 0, "course.yml needs certificateValidityMonths (0 means certificates never expire).");
        Require(course.MajorVersion >= 1, "majorVersion in course.yml is a whole number from 1 up.");
    }

    private List<GlossaryEntry> ReadGlossary(string text, string file)
    {
        var entries = YamlReader.Read<List<GlossaryFileEntry>>(text, file, 1, Problems) ?? [];
        var glossary = new List<GlossaryEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Term) || string.IsNullOrWhiteSpace(entry.Definition))
            {
                Problems.Add(new ContentProblem(file, LineOf(text, entry.Term), "Every glossary entry needs a term and a definition."));
                continue;
            }
            if (!seen.Add(entry.Term.Trim()))
            {
                Problems.Add(new ContentProblem(file, LineOf(text, entry.Term), $"The term '{entry.Term}' is defined twice."));
                continue;
            }
            glossary.Add(new GlossaryEntry(entry.Term.Trim(), GlossaryAnchor(entry.Term.Trim()),
                entry.Definition.Trim(), entry.Source?.Trim() ?? ""));
        }
        return glossary;
    }

    /// <summary>The anchor of a term on the glossary page: "term-" and its letters and digits, joined by hyphens.</summary>
    public static string GlossaryAnchor(string term) => "term-" + AnchorText().Replace(term.ToLowerInvariant(), "-").Trim('-');

    internal static int LineOf(string text, string? needle)
    {
        if (string.IsNullOrEmpty(needle))
        {
            return 1;
        }
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?<position>\d+)-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")]
    private static partial Regex ModuleFileName();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex AnchorText();
}
