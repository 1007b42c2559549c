using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Training.Courses.Content;

/// <summary>Reads trainer-written YAML and turns its errors into file:line problems.</summary>
public static class YamlReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <param name="firstLine">The file line the YAML text starts on (front matter starts on line 2).</param>
    public static T? Read<T>(string yaml, string file, int firstLine, List<ContentProblem> problems) where T : class
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml);
        }
        catch (YamlException e)
        {
            var line = firstLine + (int)Math.Max(0, e.Start.Line - 1);
            problems.Add(new ContentProblem(file, line, "YAML: " + Describe(e)));
            return null;
        }
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet wraps the useful message (an unknown property, a bad value) in an outer one.
        var innermost = e;
        while (innermost.InnerException is YamlException inner)
        {
            innermost = inner;
        }
        var message = innermost.InnerException?.Message ?? innermost.Message;
        if (message.StartsWith("No node deserializer", StringComparison.Ordinal))
        {
            return "this value has the wrong shape: a text or number was expected, not a list. Check brackets and quotes (a title with a colon needs quotes).";
        }
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }
}
