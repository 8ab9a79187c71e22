using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Privacy;

/// <summary>
/// A data subject's request (UU 27/2022 PDP) to correct or delete their personal data, recorded by staff from the
/// worker's page: Diterima → Diproses → Dilaksanakan / Ditolak (with a reason), who and when per step. Every change is
/// audited (the requester's name and the text of the request are personal data: the trail records that they changed,
/// never their value).
/// </summary>
public sealed class PersonalDataRequest : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public Guid PersonId { get; set; }
    public RequestKind Kind { get; set; }

    /// <summary>The day the regency received the request (the letter's or the visit's date, WIB).</summary>
    public DateOnly ReceivedOn { get; set; }

    public RequestChannel Channel { get; set; }
    public string RequesterName { get; set; } = "";
    public RequesterRelation Relation { get; set; }

    /// <summary>What is asked, as the requester put it.</summary>
    public string Details { get; set; } = "";

    public RequestStatus Status { get; set; } = RequestStatus.Received;
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string? ProcessingBy { get; set; }
    public DateTime? ProcessingAt { get; set; }
    public string? DoneBy { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? RefusedBy { get; set; }
    public DateTime? RefusedAt { get; set; }
    public string? RefusalReason { get; set; }

    /// <summary>For a correction: the audit event of the edit that carried it out (the edit is audited by the registry).</summary>
    public Guid? CorrectionAuditEventId { get; set; }

    /// <summary>For a correction: the names of the fields the edit changed (no values), e.g. <c>FullName;Address</c>.</summary>
    public string? ChangedFields { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.Processing;
}

public enum RequestKind
{
    /// <summary>Koreksi.</summary>
    Correction = 1,

    /// <summary>Penghapusan.</summary>
    Deletion = 2,
}

/// <summary>Diterima → Diproses → Dilaksanakan / Ditolak.</summary>
public enum RequestStatus
{
    Received = 0,
    Processing = 1,
    Done = 2,
    Refused = 3,
}

public enum RequestChannel
{
    InPerson = 1,
    Letter = 2,
    Email = 3,
    Phone = 4,
    Other = 9,
}

public enum RequesterRelation
{
    Self = 1,
    Heir = 2,
    Representative = 3,
    Other = 9,
}

/// <summary>What a user may do with requests (PRODUCT §2; docs/privacy-requests.md "Who may").</summary>
public static class RequestWorkflow
{
    public const int MaxDetails = 2000;
    public const int MaxName = 200;
    public const int MaxReason = 1000;

    /// <summary>Diterima → Diproses.</summary>
    public static bool StartProcessing(PersonalDataRequest r, string user, DateTime now)
    {
        if (r.Status != RequestStatus.Received)
        {
            return false;
        }

        (r.Status, r.ProcessingBy, r.ProcessingAt) = (RequestStatus.Processing, user, now);
        return true;
    }

    /// <summary>Diterima/Diproses → Ditolak, with a reason.</summary>
    public static bool Refuse(PersonalDataRequest r, string reason, string user, DateTime now)
    {
        if (!r.IsOpen || string.IsNullOrWhiteSpace(reason))
        {
            return false;
        }

        (r.Status, r.RefusedBy, r.RefusedAt, r.RefusalReason) = (RequestStatus.Refused, user, now, reason.Trim());
        return true;
    }

    /// <summary>Diterima/Diproses → Dilaksanakan. A request never skips the processing step in its record.</summary>
    public static bool MarkDone(PersonalDataRequest r, string user, DateTime now)
    {
        if (!r.IsOpen)
        {
            return false;
        }

        if (r.Status == RequestStatus.Received)
        {
            StartProcessing(r, user, now);
        }

        (r.Status, r.DoneBy, r.DoneAt) = (RequestStatus.Done, user, now);
        return true;
    }
}
