using Training.Courses.Catalog;

namespace Training.Courses.Progress;

/// <summary>A learner completed this version of a module. One row per learner and version.</summary>
public class ModuleCompletion
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public int ModuleVersionId { get; set; }

    public ModuleVersion ModuleVersion { get; set; } = null!;

    /// <summary>Copied from the version so progress per module is one indexed lookup.</summary>
    public int ModuleId { get; set; }

    public DateTime CompletedAt { get; set; }
}
