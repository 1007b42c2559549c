namespace Training.Courses.Content;

/// <summary>Reads every course folder under the content folder. One broken course never hides the others.</summary>
public static class ContentLibrary
{
    public static IReadOnlyList<CourseSource> ReadAll(string contentFolder, string displayRoot, ILocalAnnex? localAnnex = null)
    {
        var courses = Directory.EnumerateDirectories(contentFolder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(d => CourseSource.Read(d, displayRoot, localAnnex))
            .ToList();

        // Folder names differing only in case would share an address.
        foreach (var duplicate in courses.GroupBy(c => c.Slug).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            duplicate.Problems.Add(new ContentProblem(duplicate.Files.Display(""), 1,
                $"Duplicate course slug '{duplicate.Slug}': another folder has the same name. Rename one."));
        }
        return courses;
    }
}
