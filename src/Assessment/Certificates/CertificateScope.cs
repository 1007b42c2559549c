using Training.Courses.People;

namespace Training.Assessment.Certificates;

/// <summary>The certificates an actor may see: those of the people in their scope (admins: all).</summary>
public static class CertificateScope
{
    public static IQueryable<Certificate> CertificatesIn(this IAssessmentDbContext db, Actor actor)
    {
        if (actor.SeesEverything)
        {
            return db.Certificates;
        }
        var people = db.PeopleIn(actor);
        return db.Certificates.Where(c => people.Any(p => p.Id == c.UserId));
    }
}
