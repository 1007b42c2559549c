namespace Training.Courses.People;

/// <summary>
/// Writes the invitation mail (the host knows templates, languages and the site's address) and adds it
/// to the outbox in the caller's unit of work: nothing is saved or sent here.
/// </summary>
public interface IInvitationMail
{
    /// <summary>Languages with an invitation template.</summary>
    IReadOnlyCollection<string> Languages { get; }

    void Queue(TrainingUser person, string token, DateTime expiresAt);
}
