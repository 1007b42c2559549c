namespace Training.Courses.Content;

/// <summary>
/// The site's local annex: short Markdown texts each deployment writes for itself (hotlines, shelters,
/// referral contacts, national law), shown where a module says <c>{{annex: name}}</c>. Looked up by name
/// only, never by a path a course or a user wrote.
/// </summary>
public interface ILocalAnnex
{
    /// <summary>The annex's Markdown, or null when this site has not set it.</summary>
    /// <param name="name">Already checked against <see cref="LocalAnnexBlock.IsValidName"/>.</param>
    string? Find(string name);
}
