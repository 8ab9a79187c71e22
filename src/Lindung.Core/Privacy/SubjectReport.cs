using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Claims;
using Lindung.Core.Data;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Privacy;

/// <summary>
/// What Lindung holds about one person, where it came from, who saw or changed it and to whom it was sent: the
/// report a data subject may ask for under UU 27/2022 (PDP). Built by <see cref="SubjectReportBuilder"/>; shown as a
/// printable page and written as XLSX by <see cref="SubjectReportExport"/>.
/// </summary>
public sealed record SubjectReport(
    DateTime ProducedAt,
    string ProducedBy,
    bool LimitedToOwnAgency,
    SubjectIdentity Identity,
    SubjectDerivedFacts Derived,
    IReadOnlyList<SubjectEngagement> Engagements,
    IReadOnlyList<SubjectBpjsStatus> BpjsStatuses,
    IReadOnlyList<SubjectDisclosure> Disclosures,
    IReadOnlyList<SubjectIncident> Incidents,
    IReadOnlyList<SubjectDocument> Documents,
    IReadOnlyList<SubjectSource> Sources,
    IReadOnlyList<SubjectAccess> Access,
    bool AccessTruncated);

/// <summary>Identity fields as stored. <see cref="Nik"/> is the masked form unless the report was produced with an audited reveal.</summary>
public sealed record SubjectIdentity(
    Guid PersonId, string Nik, bool NikRevealed, string FullName, string? FrontTitle, string? BackTitle, string? BirthPlace, DateOnly BirthDate,
    char Sex, string? Address, string? Village, string? District, string? Phone, string? Kpj, DateTime CreatedAt, DateTime ModifiedAt);

/// <summary>Facts Lindung computed from the stored fields rather than received.</summary>
public sealed record SubjectDerivedFacts(string? NikRegion, int AgeYears, string NameKey, bool EligibleToday, SubjectBpjsStatus? LatestBpjsStatus);

public sealed record SubjectEngagement(
    Guid Id, string Agency, string Category, string? Position, string Scheme, long? WageOrIncome, string FundingSource, string Programs,
    DateOnly StartDate, DateOnly? EndDate, EndReason? EndReason, VerificationStatus Verification, string? VerificationReason, string? VerifiedBy,
    DateTime? VerifiedAt, RegistrationStatus Registration, DateTime? SentToBpjsAt, DateOnly? RegisteredOn);

public sealed record SubjectBpjsStatus(string Period, string? Kpj, bool Active, string? StatusText, DateOnly? ParticipationDate, string? LastPaidPeriod,
    MatchKind Match, string FileName, string? ImportedBy, DateTime ImportedAt);

/// <summary>A transfer of the person's data outside Lindung: a collective registration file handed to BPJS.</summary>
/// <param name="BatchId">The export's id, or null when only the engagement's "Dikirim ke BPJS" time is known (files made before exports recorded their rows).</param>
public sealed record SubjectDisclosure(Guid? BatchId, DateTime At, string? By, string Recipient, string? Agency, int? RowsInFile, string? Format);

public sealed record SubjectIncident(Guid Id, IncidentKind Kind, DateOnly OccurredOn, string Place, string Description, string? Program,
    ClaimStatus? ClaimStatus, long? AmountPaid, int Heirs, string? RecordedBy, DateTime CreatedAt);

/// <summary>A document Lindung holds or tracks about the person: an uploaded submission file or a claim checklist paper.</summary>
public sealed record SubjectDocument(SubjectDocumentKind Kind, string Name, string? Agency, string? By, DateTime? At, bool? Received, DateOnly? ReceivedOn);

public enum SubjectDocumentKind
{
    SubmissionFile = 1,
    ClaimDocument = 2,
}

/// <summary>Where a fact came from: an OPD's upload or form entry, a form edit, or a BPJS file.</summary>
public sealed record SubjectSource(SubjectSourceKind Kind, DateTime At, string? By, string? Agency, string? FileName, string? Detail);

public enum SubjectSourceKind
{
    Submission = 1,
    FormChange = 2,
    BpjsFile = 3,
}

/// <summary>One audit event about the person: who saw or changed what, when, from where.</summary>
public sealed record SubjectAccess(DateTime At, string UserName, string? IpAddress, SubjectAccessKind Kind, string Action, string? EntityType,
    string? Detail, string? Before, string? After);

public enum SubjectAccessKind
{
    Reveal = 1,
    Change = 2,
    Verification = 3,
    Export = 4,
    Report = 5,
    Other = 9,
}

/// <summary>
/// Builds a <see cref="SubjectReport"/> for a person the actor may see (an Operator OPD: a person with an engagement in
/// their OPD, and then only that OPD's engagements and what hangs off them), and audits that it was produced — with a
/// NIK reveal of its own when the full NIK is put in the report — in one SaveChanges.
/// </summary>
public sealed class SubjectReportBuilder(LindungDbContext db, NikProtector protector)
{
    /// <summary>At most this many audit events are listed (newest first); the report says when there were more.</summary>
    public const int MaxAccessEvents = 5000;

    /// <summary>Returns null when the person does not exist or is not visible to the actor (the page answers 404).</summary>
    public async Task<SubjectReport?> BuildAsync(Guid personId, Guid? ownAgencyId, bool revealNik, string format, CancellationToken ct = default)
    {
        var person = await RegistryQueries.VisiblePeople(db, ownAgencyId).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now.AddHours(7));
        var engagements = await RegistryQueries.VisibleEngagements(db, ownAgencyId).AsNoTracking().Where(e => e.PersonId == personId)
            .OrderBy(e => e.StartDate)
            .Select(e => new
            {
                Engagement = e,
                Agency = e.Agency!.Name,
                Category = e.Category!.Name,
            }).ToListAsync(ct);
        var engagementIds = engagements.Select(e => e.Engagement.Id).ToList();

        var regionCodes = new[] { person.DistrictCode, person.VillageCode, person.NikRegionCode }.OfType<string>().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        string? Region(string? code) => code is null ? null : regions.GetValueOrDefault(code, code);

        var statuses = await (from s in db.BpjsStatuses.AsNoTracking()
                              join i in db.BpjsImports.AsNoTracking() on s.ImportId equals i.Id
                              where s.PersonId == personId
                              orderby s.Period descending, i.CreatedAt descending
                              select new SubjectBpjsStatus(s.Period, s.Kpj, s.Active, s.StatusText, s.ParticipationDate, s.LastPaidPeriod, s.Match,
                                  i.FileName, i.ImportedBy, i.CreatedAt)).ToListAsync(ct);

        var disclosures = await (from item in db.RegistrationExportItems.AsNoTracking()
                                 join b in db.RegistrationExportBatches.AsNoTracking() on item.BatchId equals b.Id
                                 where item.PersonId == personId && engagementIds.Contains(item.EngagementId)
                                 orderby b.At
                                 select new { b.Id, b.At, b.ExportedBy, b.Rows, b.Format, item.EngagementId }).ToListAsync(ct);
        var agencyOf = engagements.ToDictionary(e => e.Engagement.Id, e => e.Agency);
        var sent = disclosures.Select(d => new SubjectDisclosure(d.Id, d.At, d.ExportedBy, "BPJS Ketenagakerjaan", agencyOf.GetValueOrDefault(d.EngagementId),
                d.Rows, d.Format)).ToList();
        // Files made before exports recorded their rows: the engagement still knows when it was sent, not by whom.
        sent.AddRange(engagements.Where(e => e.Engagement.SentToBpjsAt is not null && disclosures.All(d => d.EngagementId != e.Engagement.Id))
            .Select(e => new SubjectDisclosure(null, e.Engagement.SentToBpjsAt!.Value, null, "BPJS Ketenagakerjaan", e.Agency, null, null)));

        var incidents = (await db.Incidents.AsNoTracking()
                .Where(i => i.PersonId == personId && (ownAgencyId == null || i.AgencyId == ownAgencyId))
                .Include(i => i.Claim!).ThenInclude(c => c.Documents)
                .Include(i => i.Claim!).ThenInclude(c => c.Heirs)
                .OrderBy(i => i.OccurredOn).AsSplitQuery().ToListAsync(ct))
            .Select(i => new
            {
                Incident = i,
                i.Claim,
                Heirs = i.Claim?.Heirs.Count ?? 0,
                Documents = i.Claim?.Documents.OrderBy(d => d.Kind).ToList() ?? [],
            }).ToList();

        var submissionIds = engagements.Select(e => e.Engagement.SubmissionId).OfType<Guid>().Distinct().ToList();
        var submissions = await db.Submissions.AsNoTracking().Where(s => submissionIds.Contains(s.Id))
            .Join(db.Agencies, s => s.AgencyId, a => a.Id, (s, a) => new { Submission = s, Agency = a.Name }).ToListAsync(ct);

        var entityIds = engagementIds.Select(i => i.ToString()).Append(personId.ToString())
            .Concat(incidents.Select(i => i.Incident.Id.ToString()))
            .Concat(incidents.Where(i => i.Claim is not null).Select(i => i.Claim!.Id.ToString())).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType != null && AuditedTypes.Contains(e.EntityType) && e.EntityId != null && entityIds.Contains(e.EntityId))
            .OrderByDescending(e => e.At).Take(MaxAccessEvents + 1).ToListAsync(ct);
        var batchIds = disclosures.Select(d => d.Id.ToString()).Distinct().ToList();
        var exportEvents = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == RegistrationExport.RegistrationAuditType && e.EntityId != null && batchIds.Contains(e.EntityId))
            .ToListAsync(ct);
        var truncated = events.Count > MaxAccessEvents;
        var access = events.Take(MaxAccessEvents).Concat(exportEvents).OrderByDescending(e => e.At)
            .Select(e => new SubjectAccess(e.At, e.UserName, e.IpAddress, KindOf(e), e.Action, e.EntityType, e.Detail, e.Before, e.After)).ToList();

        var sources = submissions.Select(s => new SubjectSource(SubjectSourceKind.Submission, s.Submission.SubmittedAt ?? s.Submission.CreatedAt,
                s.Submission.SubmittedBy, s.Agency, s.Submission.FileName, s.Submission.Period))
            .Concat(events.Where(e => e.Action is AuditActions.Created or AuditActions.Updated && e.EntityType is nameof(Person) or nameof(Engagement))
                .Select(e => new SubjectSource(SubjectSourceKind.FormChange, e.At, e.UserName, null, null, ChangedFields(e))))
            .Concat(statuses.GroupBy(s => (s.FileName, s.ImportedAt)).Select(g => new SubjectSource(SubjectSourceKind.BpjsFile, g.Key.ImportedAt,
                g.First().ImportedBy, "BPJS Ketenagakerjaan", g.Key.FileName, g.First().Period)))
            .OrderBy(s => s.At).ToList();

        var documents = submissions.Where(s => s.Submission.FileName is not null)
            .Select(s => new SubjectDocument(SubjectDocumentKind.SubmissionFile, s.Submission.FileName!, s.Agency, s.Submission.SubmittedBy,
                s.Submission.SubmittedAt ?? s.Submission.CreatedAt, null, null))
            .Concat(incidents.SelectMany(i => i.Documents.Select(d => new SubjectDocument(SubjectDocumentKind.ClaimDocument, d.Kind.ToString(),
                agencyOf.GetValueOrDefault(i.Incident.EngagementId), null, d.ModifiedAt, d.Received, d.ReceivedOn))))
            .ToList();

        var nik = person.NikMasked;
        if (revealNik)
        {
            nik = protector.Decrypt(person.NikCipher);
            db.Audit(AuditActions.NikRevealed, nameof(Person), personId.ToString(), "laporan data pribadi (UU PDP)");
        }

        db.Audit(AuditActions.SubjectReportProduced, nameof(Person), personId.ToString(),
            $"laporan data pribadi (UU PDP), {format}, NIK {(revealNik ? "lengkap" : "tersamar")}");
        await db.SaveChangesAsync(ct);

        var age = today.Year - person.BirthDate.Year - (today < person.BirthDate.AddYears(today.Year - person.BirthDate.Year) ? 1 : 0);
        var identity = new SubjectIdentity(person.Id, nik, revealNik, person.FullName, person.FrontTitle, person.BackTitle, person.BirthPlace,
            person.BirthDate, person.Sex, person.Address, Region(person.VillageCode), Region(person.DistrictCode), person.Phone, person.Kpj,
            person.CreatedAt, person.ModifiedAt);
        var derived = new SubjectDerivedFacts(Region(person.NikRegionCode), age, person.NameKey,
            engagements.Any(e => e.Engagement.Verification == VerificationStatus.Verified && e.Engagement.Scheme != MasterData.Scheme.Jakon
                                 && e.Engagement.StartDate <= today && (e.Engagement.EndDate == null || e.Engagement.EndDate >= today)),
            statuses.FirstOrDefault());

        return new SubjectReport(now, db.Actor.UserName, ownAgencyId is not null, identity, derived,
            engagements.Select(x => x.Engagement).Select(e => new SubjectEngagement(e.Id, agencyOf[e.Id],
                engagements.First(x => x.Engagement.Id == e.Id).Category, e.Position, e.Scheme.ToString().ToUpperInvariant(), e.Wage ?? e.DeclaredIncome,
                e.FundingSource, e.Programs, e.StartDate, e.EndDate, e.EndReason, e.Verification, e.VerificationReason, e.VerifiedBy, e.VerifiedAt,
                e.Registration, e.SentToBpjsAt, e.RegisteredOn)).ToList(),
            statuses, sent.OrderBy(d => d.At).ToList(),
            incidents.Select(i => new SubjectIncident(i.Incident.Id, i.Incident.Kind, i.Incident.OccurredOn, i.Incident.Place, i.Incident.Description,
                i.Claim?.Program, i.Claim?.Status, i.Claim?.AmountPaid, i.Heirs, i.Incident.RecordedBy, i.Incident.CreatedAt)).ToList(),
            documents, sources, access, truncated);
    }

    private static readonly string[] AuditedTypes = [nameof(Person), nameof(Engagement), nameof(Incident), nameof(Claim)];

    public static SubjectAccessKind KindOf(AuditEvent e) => e.Action switch
    {
        AuditActions.NikRevealed => SubjectAccessKind.Reveal,
        AuditActions.SubjectReportProduced => SubjectAccessKind.Report,
        AuditActions.Exported => SubjectAccessKind.Export,
        AuditActions.Updated when e.EntityType == nameof(Engagement) && (e.After ?? "").Contains("\"Verification\"", StringComparison.Ordinal)
            => SubjectAccessKind.Verification,
        AuditActions.Created or AuditActions.Updated or AuditActions.Deleted => SubjectAccessKind.Change,
        _ => SubjectAccessKind.Other,
    };

    /// <summary>The property names an audited change touched, e.g. "Phone, Address" (values stay in Before/After).</summary>
    private static string? ChangedFields(AuditEvent e)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(e.After ?? e.Before ?? "{}");
            return string.Join(", ", doc.RootElement.EnumerateObject().Select(p => p.Name));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
