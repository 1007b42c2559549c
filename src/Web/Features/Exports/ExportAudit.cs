using Training.Courses.Audit;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Exports;

/// <summary>
/// Records who downloaded which list with which filters. Saved before the first byte is streamed, so an
/// export cut off half way is still on record.
/// </summary>
public sealed class ExportAudit(AuditLog audit, TrainingDbContext db)
{
    public async Task RecordAsync(Actor actor, string list, string? targetId, ExportFormat format, string filters, CancellationToken cancellationToken)
    {
        var detail = $"{list}.{format.ToString().ToLowerInvariant()}" + (filters.Length > 0 ? $": {filters}" : "");
        audit.Record(actor, AuditActions.ExportDownloaded, list, targetId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
