namespace Training.Courses.Organisations;

/// <summary>What a change to a unit came to; the pages turn each into a sentence in the person's language.</summary>
public enum UnitOutcome
{
    Done,
    NotFound,
    NameMissing,
    NameTooLong,
    NameHasSlash,
    NameTaken,
    ParentArchived,
    MoveIntoItself,
    HasPeopleOrHistory,
    PersonNotFound,
    AlreadyCoordinator,
}
