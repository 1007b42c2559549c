namespace Training.Web.Features.Accounts;

/// <summary>The site's roles. Learners self-register; an Admin grants the others.</summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Trainer = "Trainer";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Learner, Trainer, Coordinator, Admin];
}
