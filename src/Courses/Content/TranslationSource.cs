using System.Security.Cryptography;
using System.Text;

namespace Training.Courses.Content;

public sealed record TranslatedGlossaryEntry(string Original, string Term, string Anchor, string Definition, string Source);

/// <summary>
/// One translation of a course (translations/fr/) read through the same pipeline as the original and
/// checked against it: its course.yml, glossary.yml and whichever modules it translates. Errors leave
/// <see cref="IsValid"/> false; the original imports regardless.
/// </summary>
public sealed class TranslationSource
{
    public required string Language { get; init; }

    /// <summary>The translation's folder in the course's files (translations/fr).</summary>
    public required string Folder { get; init; }

    public CourseTranslationFile? Course { get; private set; }

    public IReadOnlyList<TranslatedGlossaryEntry> Glossary { get; private set; } = [];

    /// <summary>The translated modules, each with the same file name (and slug) as its original.</summary>
    public IReadOnlyList<ParsedModule> Modules { get; private set; } = [];

    public string ContentHash { get; private set; } = "";

    public List<ContentProblem> Problems { get; } = [];

    public bool IsValid => Problems.Count == 0;

    public static TranslationSource Read(CourseSource original, string language, string folder)
    {
        var translation = new TranslationSource { Language = language, Folder = folder };
        translation.Load(original);
        return translation;
    }

    private void Load(CourseSource original)
    {
        var files = original.Files;
        var Display = files.Display;
        var hash = new StringBuilder(Language);

        var courseFile = Folder + "/course.yml";
        if (files.Exists(courseFile))
        {
            var text = files.ReadText(courseFile);
            hash.Append('\0').Append(text);
            Course = YamlReader.Read<CourseTranslationFile>(text, Display(courseFile), 1, Problems);
            if (Course is not null && (string.IsNullOrWhiteSpace(Course.Title) || string.IsNullOrWhiteSpace(Course.Summary)))
            {
                Problems.Add(new ContentProblem(Display(courseFile), 1, "A translated course.yml needs the translated title and summary."));
            }
        }
        else
        {
            Problems.Add(new ContentProblem(Display(courseFile), 1, "Every translation needs a course.yml with the translated title and summary."));
        }

        var glossaryFile = Folder + "/glossary.yml";
        if (files.Exists(glossaryFile))
        {
            var text = files.ReadText(glossaryFile);
            hash.Append('\0').Append(text);
            Glossary = GlossaryTranslation.Read(text, Display(glossaryFile), original.Glossary, Problems);
        }
        else if (original.Glossary.Count > 0)
        {
            Problems.Add(new ContentProblem(Display(glossaryFile), 1, $"The translation has no glossary.yml: translate each of the original's {original.Glossary.Count} glossary terms, naming it with 'original:'."));
        }

        var originals = original.Modules.ToDictionary(m => m.Source.FileName, m => m.Source, StringComparer.Ordinal);
        var modules = new List<ModuleSource>();
        foreach (var file in files.FilesIn(Folder).Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var name = file[(Folder.Length + 1)..];
            if (name.EndsWith(".quiz.md", StringComparison.Ordinal) || name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!originals.TryGetValue(name, out var originalModule))
            {
                Problems.Add(new ContentProblem(Display(file), 1, $"This translation has no original: the course has no module file '{name}'. A translation keeps its original's file name."));
                continue;
            }
            var module = ModuleSource.Parse(files.ReadBytes(file), name, Display(file), originalModule.Slug, originalModule.Position, Problems);
            ModuleStructure.Compare(originalModule, module, Problems);
            hash.Append('\0').Append(name).Append(':').Append(module.ContentHash);
            modules.Add(module);
        }
        // A translated image changes where a module's image points, so its name counts too.
        foreach (var image in files.FilesUnder(Folder + "/images"))
        {
            hash.Append('\0').Append(image[(Folder.Length + 1)..]).Append(':').Append(files.ReadBytes(image).Length);
        }

        // Links to a module without a translation lead to the original, which the learner then reads.
        var modulesByFile = originals.ToDictionary(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            modulesByFile[module.FileName] = module;
        }
        var context = new CourseContext
        {
            CourseSlug = original.Slug,
            Files = files,
            OverlayFolder = Folder,
            Language = Language,
            GlossaryAnchors = Glossary.GroupBy(g => g.Term, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Anchor, StringComparer.OrdinalIgnoreCase),
            ModulesByFile = modulesByFile,
            LocalAnnex = original.LocalAnnex,
        };
        Modules = modules.Select(m => new ParsedModule(m, ModuleRenderer.Render(m, context, Problems))).ToList();
        hash.Append(context.AnnexHashText());
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())));
    }
}
