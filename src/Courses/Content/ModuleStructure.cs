namespace Training.Courses.Content;

/// <summary>Checks that a translated module keeps its original's structure (see <see cref="ModuleOutline"/>).</summary>
public static class ModuleStructure
{
    public static void Compare(ModuleSource original, ModuleSource translation, List<ContentProblem> problems)
    {
        void Report(int line, string message) => problems.Add(new ContentProblem(translation.DisplayPath, line, message));

        if (original.FrontMatter is { } originalFront && translation.FrontMatter is { } translatedFront)
        {
            if (originalFront.Objectives.Count != translatedFront.Objectives.Count)
            {
                Report(translation.Outline.FrontMatterLine, $"The translation has {translatedFront.Objectives.Count} objectives and the original {original.FileName} has {originalFront.Objectives.Count}: translate each objective, no more and no fewer.");
            }
            if (originalFront.EstimatedMinutes != translatedFront.EstimatedMinutes || !originalFront.Sources.SequenceEqual(translatedFront.Sources, StringComparer.Ordinal))
            {
                Report(translation.Outline.FrontMatterLine, "Copy estimatedMinutes and sources from the original unchanged.");
            }
        }
        var a = original.Outline;
        var b = translation.Outline;
        CompareParts(a.Headings, b.Headings, "headings", "heading", Report, (x, y) => $"this heading is level {y.Length} ('{y} ') where the original's is level {x.Length} ('{x} '): keep the original's headings, levels and order.");
        CompareParts(a.Boxes, b.Boxes, "boxes", "box", Report, (x, y) => $"this box is '{y}' where the original has '{x}': keep the same boxes in the same order.");
        CompareParts(a.Footnotes, b.Footnotes, "footnotes", "footnote", Report, (x, y) => $"this footnote is '{y}' where the original has '{x}': keep the same footnote numbers.");
        CompareParts(a.Images, b.Images, "images", "image", Report, (x, y) => $"this image is '{y}' where the original has '{x}': keep the same image paths (a translated image goes in translations/<language>/images/ with the same name).");
        CompareParts(a.Tables, b.Tables, "tables", "table", Report, (x, y) => $"this table has {y} columns where the original's has {x}: keep the same columns.");
    }

    private static void CompareParts(IReadOnlyList<OutlinePart> original, IReadOnlyList<OutlinePart> translated, string plural, string singular,
        Action<int, string> report, Func<string, string, string> differs)
    {
        for (var i = 0; i < Math.Min(original.Count, translated.Count); i++)
        {
            if (original[i].Value != translated[i].Value)
            {
                report(translated[i].Line, $"{char.ToUpperInvariant(singular[0])}{singular[1..]} {i + 1}: " + differs(original[i].Value, translated[i].Value));
                return; // one difference shifts every later one: report the first only
            }
        }
        if (original.Count != translated.Count)
        {
            var line = translated.Count > original.Count ? translated[original.Count].Line : translated.Count > 0 ? translated[^1].Line : 1;
            report(line, $"The translation has {translated.Count} {plural} and the original has {original.Count}: keep the same {plural} in the same order.");
        }
    }
}
