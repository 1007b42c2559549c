using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Training.Courses.Content;

namespace Training.Courses.Authoring;

/// <summary>The facts of course.yml a trainer sets in a form: read from the file's text and written back as it.</summary>
public sealed record CourseSettings(
    string Title, string Summary, IReadOnlyList<string> Audience, IReadOnlyList<string> Topics, string Language,
    decimal EstimatedHours, int PassMark, int CertificateValidityMonths)
{
    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The settings in a course.yml; null (and problems) when it cannot be read.</summary>
    public static CourseSettings? Read(string courseYml, List<ContentProblem> problems)
    {
        var file = YamlReader.Read<CourseFile>(courseYml, "course.yml", 1, problems);
        return file is null ? null : new CourseSettings(file.Title ?? "", file.Summary ?? "", file.Audience, file.Topics, file.Language ?? "en",
            file.EstimatedHours ?? 1, file.PassMark ?? 70, file.CertificateValidityMonths ?? 24);
    }

    /// <summary>
    /// The settings as course.yml. Every text is a YAML double-quoted scalar (the JSON string form), so no
    /// colon, quote or line break a trainer types can change the file's shape. Other fields of
    /// <paramref name="previous"/> (published, majorVersion, sources) are kept.
    /// </summary>
    public string ToYaml(string? previous)
    {
        var kept = new List<ContentProblem>();
        var old = previous is null ? null : YamlReader.Read<CourseFile>(previous, "course.yml", 1, kept);
        var text = new StringBuilder()
            .Append("title: ").AppendLine(Quote(Title))
            .Append("summary: ").AppendLine(Quote(Summary))
            .Append("audience: ").AppendLine(List(Audience))
            .Append("topics: ").AppendLine(List(Topics))
            .Append("language: ").AppendLine(Quote(Language))
            .Append("estimatedHours: ").AppendLine(EstimatedHours.ToString(CultureInfo.InvariantCulture))
            .Append("passMark: ").AppendLine(PassMark.ToString(CultureInfo.InvariantCulture))
            .Append("certificateValidityMonths: ").AppendLine(CertificateValidityMonths.ToString(CultureInfo.InvariantCulture))
            .Append("published: ").AppendLine(old?.Published == true ? "true" : "false")
            .Append("majorVersion: ").AppendLine((old?.MajorVersion ?? 1).ToString(CultureInfo.InvariantCulture))
            .Append("sources: ").AppendLine(List(old?.Sources ?? []));
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Sets one top-level key of course.yml (published, majorVersion), adding it when the file lacks it.</summary>
    public static string SetField(string courseYml, string key, string value)
    {
        var line = new Regex($"^{Regex.Escape(key)}:.*$", RegexOptions.Multiline);
        return line.IsMatch(courseYml)
            ? line.Replace(courseYml, $"{key}: {value}", 1)
            : courseYml.TrimEnd('\n', '\r') + $"\n{key}: {value}\n";
    }

    /// <summary>A YAML double-quoted scalar: the JSON form of the text, non-ASCII letters kept readable.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text.Trim(), Quoted);

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => i.Trim()).Where(i => i.Length > 0).Select(Quote)) + "]";
}
