using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Privacy;
using Lindung.Core.Registry;

namespace Lindung.Web.Pages.Pekerja.Permintaan;

/// <summary>
/// Ties a correction request to the edit that carried it out: the names of the changed fields (never values) and the
/// edit's own audit event, which the DbContext writes during the save.
/// </summary>
public static class CorrectionLink
{
    /// <summary>Before the save: the request is Dilaksanakan with the changed field names.</summary>
    public static void Record(LindungDbContext db, PersonalDataRequest request, Person person)
    {
        var changed = db.Entry(person).Properties
            .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                && p.Metadata.Name is not (nameof(Person.ModifiedAt) or nameof(Person.CreatedAt)))
            .Select(p => p.Metadata.Name).Order(StringComparer.Ordinal);
        request.ChangedFields = string.Join(';', changed);
        RequestWorkflow.MarkDone(request, db.Actor.UserName, db.Time.GetUtcNow().UtcDateTime);
    }

    /// <summary>After the save: the person's update event written in it.</summary>
    public static void LinkAuditEvent(LindungDbContext db, PersonalDataRequest request, Person person) =>
        request.CorrectionAuditEventId = db.AuditEvents.Local
            .LastOrDefault(e => e.Action == AuditActions.Updated && e.EntityType == nameof(Person) && e.EntityId == person.Id.ToString())?.Id;
}
