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
        // "UserId IN (people)" rather than EXISTS: the database can start from the people in scope and read
        // their certificates by person instead of checking every certificate against the scope.
        var people = db.PeopleIn(actor).Select(p => p.Id);
        return db.Certificates.Where(c => people.Contains(c.UserId));
    }

    /// <summary>Leaves out a certificate its holder has since renewed (a newer one for the same course).</summary>
    public static IQueryable<Certificate> NotRenewed(this IQueryable<Certificate> certificates, IAssessmentDbContext db) =>
        certificates.Where(c => !db.Certificates.Any(n => n.UserId == c.UserId && n.CourseId == c.CourseId && n.IssuedAt > c.IssuedAt));

    /// <summary>Valid, not renewed, and expiring after <paramref name="now"/> up to <paramref name="until"/>: what "expiring" means
    /// on the dashboard, in its lists and in the coordinators' digest.</summary>
    public static IQueryable<Certificate> Expiring(this IQueryable<Certificate> certificates, IAssessmentDbContext db, DateTime now, DateTime until) =>
        certificates.NotRenewed(db).Where(c => c.RevokedAt == null && c.ExpiresAt > now && c.ExpiresAt <= until);
}
