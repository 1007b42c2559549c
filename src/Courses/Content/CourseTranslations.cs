using Training.Courses.Catalog;

namespace Training.Courses.Content;

/// <summary>
/// Brings a course's stored translations in line with its translations/ folder, inside the course's
/// import. A translation with problems is left as last imported; one whose folder is gone is removed.
/// </summary>
public static class CourseTranslations
{
    /// <summary>Title, summary and glossary per language, replaced whole like the original's glossary.</summary>
    public static void Import(Course course, CourseSource source)
    {
        course.Translations.RemoveAll(t => source.Translations.All(s => s.Language != t.Language));
        foreach (var translation in source.Translations.Where(t => t.IsValid))
        {
            var stored = course.Translations.SingleOrDefault(t => t.Language == translation.Language);
            if (stored is null)
            {
                stored = new CourseTranslation { Language = translation.Language };
                course.Translations.Add(stored);
            }
            stored.Title = translation.Course!.Title!.Trim();
            stored.Summary = translation.Course.Summary!.Trim();
            stored.Glossary.Clear();
            stored.Glossary.AddRange(translation.Glossary.Select(g => new GlossaryTermTranslation
            {
                OriginalTerm = g.Original, Term = g.Term, Anchor = g.Anchor, Definition = g.Definition, Source = g.Source,
            }));
        }
    }

    /// <summary>The translations of one module, attached to the original version imported with them.</summary>
    public static void ImportModule(ModuleVersion version, string fileName, CourseSource source, DateTime now)
    {
        version.Translations.RemoveAll(t => source.Translations.All(s => s.Language != t.Language));
        foreach (var translation in source.Translations.Where(t => t.IsValid))
        {
            var stored = version.Translations.SingleOrDefault(t => t.Language == translation.Language);
            if (translation.Modules.SingleOrDefault(m => m.Source.FileName == fileName) is not { } parsed)
            {
                if (stored is not null)
                {
                    version.Translations.Remove(stored); // the translated file was removed
                }
                continue;
            }
            if (stored is null)
            {
                stored = new ModuleTranslation { Language = translation.Language };
                version.Translations.Add(stored);
            }
            if (stored.ContentHash != parsed.Source.ContentHash)
            {
                stored.ContentHash = parsed.Source.ContentHash;
                stored.ImportedAt = now;
            }
            var front = parsed.Source.FrontMatter!;
            stored.Title = front.Title!.Trim();
            stored.Objectives = string.Join('\n', front.Objectives.Select(o => o.Trim()));
            stored.Html = parsed.Rendered.Html;
            stored.TableOfContents = string.Join('\n', parsed.Rendered.TableOfContents.Select(t => $"{t.Level}|{t.Anchor}|{t.Text}"));
        }
    }
}
