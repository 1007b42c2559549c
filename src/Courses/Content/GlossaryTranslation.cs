namespace Training.Courses.Content;

/// <summary>Reads a translated glossary.yml and checks it against the original: one entry per original term, no more.</summary>
public static class GlossaryTranslation
{
    public static List<TranslatedGlossaryEntry> Read(string text, string file, IReadOnlyList<GlossaryEntry> original, List<ContentProblem> problems)
    {
        var entries = YamlReader.Read<List<GlossaryTranslationFileEntry>>(text, file, 1, problems);
        if (entries is null)
        {
            return [];
        }
        var originals = original.ToDictionary(g => g.Term, StringComparer.OrdinalIgnoreCase);
        var translated = new Dictionary<string, TranslatedGlossaryEntry>(StringComparer.OrdinalIgnoreCase);
        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var searchFrom = 0;
        foreach (var entry in entries)
        {
            var line = LineOf(text, entry, ref searchFrom);
            if (string.IsNullOrWhiteSpace(entry.Original) || string.IsNullOrWhiteSpace(entry.Term) || string.IsNullOrWhiteSpace(entry.Definition))
            {
                problems.Add(new ContentProblem(file, line, "Every translated glossary entry needs original (the original's term), term and definition."));
                continue;
            }
            var originalTerm = entry.Original.Trim();
            if (!originals.TryGetValue(originalTerm, out var source))
            {
                problems.Add(new ContentProblem(file, line, $"'original: {originalTerm}' does not match a term of the original glossary.yml: copy the original's term exactly."));
                continue;
            }
            if (translated.ContainsKey(originalTerm))
            {
                problems.Add(new ContentProblem(file, line, $"The original term '{source.Term}' is translated twice: keep one entry for it."));
                continue;
            }
            if (!terms.Add(entry.Term.Trim()))
            {
                problems.Add(new ContentProblem(file, CourseSource.LineOf(text, "term: " + entry.Term.Trim()), $"The term '{entry.Term.Trim()}' is defined twice: each translated term must be different."));
                continue;
            }
            var sourceName = entry.Source?.Trim() ?? "";
            if (!string.Equals(sourceName, source.Source, StringComparison.Ordinal))
            {
                problems.Add(new ContentProblem(file, line, $"The source of '{source.Term}' is '{source.Source}' in the original: a translation keeps the same source."));
            }
            translated[originalTerm] = new TranslatedGlossaryEntry(source.Term, entry.Term.Trim(), CourseSource.GlossaryAnchor(entry.Term.Trim()), entry.Definition.Trim(), source.Source);
        }
        foreach (var missing in original.Where(g => !translated.ContainsKey(g.Term)))
        {
            problems.Add(new ContentProblem(file, 1, $"The original term '{missing.Term}' has no translated entry: add one with 'original: {missing.Term}'."));
        }
        // In the original's order, so the two glossaries line up.
        return original.Where(g => translated.ContainsKey(g.Term)).Select(g => translated[g.Term]).ToList();
    }

    /// <summary>The line of the entry's "original:" key, searching on from the previous entry, so a repeated term finds its own line.</summary>
    private static int LineOf(string text, GlossaryTranslationFileEntry entry, ref int searchFrom)
    {
        var needle = entry.Original?.Trim() ?? entry.Term?.Trim();
        if (string.IsNullOrEmpty(needle))
        {
            return 1;
        }
        var index = text.IndexOf(needle, searchFrom, StringComparison.Ordinal);
        if (index < 0)
        {
            return 1;
        }
        searchFrom = index + needle.Length;
        return text.AsSpan(0, index).Count('\n') + 1;
    }
}
