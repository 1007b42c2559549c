namespace Training.Courses.People;

public enum InvitationStatus
{
    Valid,
    Unknown,
    Expired,
    Used,
    Replaced,
}
