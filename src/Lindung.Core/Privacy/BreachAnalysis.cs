using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Privacy;

/// <summary>A person whose data the suspected activity touched, with which kinds and when.</summary>
public sealed record AffectedPerson(Guid PersonId, string? FullName, string? NikMasked, IReadOnlyList<string> Kinds, int Events, DateTime FirstAt, DateTime LastAt);

/// <summary>An export made in the suspected window; <see cref="People"/> is known for BPJS registration files (their rows are recorded).</summary>
public sealed record WindowExport(DateTime At, string UserName, string? EntityType, string? Detail, int? People);

/// <summary>
/// Derives who a suspected breach affects from the audit trail (UU PDP Pasal 46: the notice states which data):
/// events in the window (if any), by the suspected account (if any), of the suspected kinds (if any) — a NIK reveal or
/// subject report of a person, a change of a person's identity or of one of their engagements, a BPJS registration file
/// that held them. Computed on demand, never stored: the set is held in memory as person ids (16 bytes each; 100,000 people
/// ≈ a few MB) and names are read one page at a time.
/// </summary>
public sealed class BreachAnalysis(LindungDbContext db)
{
    private static readonly string[] ChangeActions = [AuditActions.Created, AuditActions.Updated, AuditActions.Deleted];
    private static readonly string[] RevealActions = [AuditActions.NikRevealed, AuditActions.SubjectReportProduced];

    /// <summary>The audit events in the incident's scope (account and window), tenant-filtered like every query.</summary>
    public IQueryable<AuditEvent> EventsInScope(BreachIncident incident)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (incident.WindowFrom is { } from)
        {
            events = events.Where(e => e.At >= from);
        }

        if (incident.WindowTo is { } to)
        {
            events = events.Where(e => e.At < to);
        }

        if (incident.SuspectedUserName is { Length: > 0 } user)
        {
            var lower = user.Trim().ToLowerInvariant();
            // Translated to SQL lower() on both providers (no culture involved), as in AuditSearch.
#pragma warning disable CA1304, CA1311, CA1862
            events = events.Where(e => e.UserName.ToLower() == lower);
#pragma warning restore CA1304, CA1311, CA1862
        }

        return events;
    }

    /// <summary>Every affected person id with the kinds and times that made them so.</summary>
    public async Task<IReadOnlyDictionary<Guid, AffectedPerson>> AffectedAsync(BreachIncident incident, CancellationToken ct = default)
    {
        var kinds = incident.Kinds.Count == 0 ? BreachDataKinds.All : incident.Kinds;
        var scope = EventsInScope(incident);
        var hits = new Dictionary<Guid, (HashSet<string> Kinds, int Events, DateTime First, DateTime Last)>();
        void Hit(Guid person, string kind, DateTime at)
        {
            if (hits.TryGetValue(person, out var h))
            {
                h.Kinds.Add(kind);
                hits[person] = (h.Kinds, h.Events + 1, at < h.First ? at : h.First, at > h.Last ? at : h.Last);
            }
            else
            {
                hits[person] = ([kind], 1, at, at);
            }
        }

        var personEvents = scope.Where(e => e.EntityType == nameof(Person) && e.EntityId != null);
        if (kinds.Contains(BreachDataKinds.Nik))
        {
            await foreach (var e in personEvents.Where(e => RevealActions.Contains(e.Action)).Select(e => new { e.EntityId, e.At }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (Guid.TryParse(e.EntityId, out var id))
                {
                    Hit(id, BreachDataKinds.Nik, e.At);
                }
            }
        }

        if (kinds.Contains(BreachDataKinds.Identity))
        {
            await foreach (var e in personEvents.Where(e => ChangeActions.Contains(e.Action)).Select(e => new { e.EntityId, e.At }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (Guid.TryParse(e.EntityId, out var id))
                {
                    Hit(id, BreachDataKinds.Identity, e.At);
                }
            }
        }

        if (kinds.Contains(BreachDataKinds.Engagement))
        {
            var changed = new List<(Guid Engagement, DateTime At)>();
            await foreach (var e in scope.Where(e => e.EntityType == nameof(Engagement) && e.EntityId != null && ChangeActions.Contains(e.Action))
                               .Select(e => new { e.EntityId, e.At }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (Guid.TryParse(e.EntityId, out var id))
                {
                    changed.Add((id, e.At));
                }
            }

            var personOf = new Dictionary<Guid, Guid>();
            foreach (var chunk in changed.Select(c => c.Engagement).Distinct().Chunk(1000))
            {
                foreach (var e in await db.Engagements.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.PersonId }).ToListAsync(ct))
                {
                    personOf[e.Id] = e.PersonId;
                }
            }

            foreach (var (engagement, at) in changed)
            {
                if (personOf.TryGetValue(engagement, out var person))
                {
                    Hit(person, BreachDataKinds.Engagement, at);
                }
            }
        }

        if (kinds.Contains(BreachDataKinds.Export))
        {
            foreach (var (batch, at) in await RegistrationFilesInScopeAsync(incident, ct))
            {
                await foreach (var person in db.RegistrationExportItems.AsNoTracking().Where(i => i.BatchId == batch).Select(i => i.PersonId)
                                   .AsAsyncEnumerable().WithCancellation(ct))
                {
                    Hit(person, BreachDataKinds.Export, at);
                }
            }
        }

        return hits.ToDictionary(h => h.Key, h => new AffectedPerson(h.Key, null, null,
            [.. BreachDataKinds.All.Where(h.Value.Kinds.Contains)], h.Value.Events, h.Value.First, h.Value.Last));
    }

    private async Task<List<(Guid Batch, DateTime At)>> RegistrationFilesInScopeAsync(BreachIncident incident, CancellationToken ct) =>
        (await EventsInScope(incident).Where(e => e.Action == AuditActions.Exported && e.EntityType == RegistrationExport.RegistrationAuditType && e.EntityId != null)
            .Select(e => new { e.EntityId, e.At }).ToListAsync(ct))
        .Select(e => (Ok: Guid.TryParse(e.EntityId, out var id), id, e.At)).Where(e => e.Ok).Select(e => (e.id, e.At)).ToList();

    /// <summary>One page of affected people, most recently touched first, with names and masked NIKs read for that page only.</summary>
    public async Task<IReadOnlyList<AffectedPerson>> PageAsync(IReadOnlyDictionary<Guid, AffectedPerson> affected, int page, int size, CancellationToken ct = default)
    {
        var slice = affected.Values.OrderByDescending(a => a.LastAt).ThenBy(a => a.PersonId).Skip(Math.Max(0, page - 1) * size).Take(size).ToList();
        return await WithNamesAsync(slice, ct);
    }

    private async Task<List<AffectedPerson>> WithNamesAsync(List<AffectedPerson> slice, CancellationToken ct)
    {
        var ids = slice.Select(a => a.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.FullName, p.NikMasked })
            .ToDictionaryAsync(p => p.Id, ct);
        // A person erased since keeps their line (the id) so the count still adds up.
        return slice.Select(a => people.TryGetValue(a.PersonId, out var p) ? a with { FullName = p.FullName, NikMasked = p.NikMasked } : a).ToList();
    }

    /// <summary>Every export made in the scope (any kind), with the number of people for BPJS registration files.</summary>
    public async Task<IReadOnlyList<WindowExport>> ExportsAsync(BreachIncident incident, CancellationToken ct = default)
    {
        var events = await EventsInScope(incident).Where(e => e.Action == AuditActions.Exported).OrderBy(e => e.At)
            .Select(e => new { e.At, e.UserName, e.EntityType, e.EntityId, e.Detail }).ToListAsync(ct);
        var batchIds = events.Where(e => e.EntityType == RegistrationExport.RegistrationAuditType)
            .Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var rows = await db.RegistrationExportBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id.ToString(), b => b.Rows, ct);
        return events.Select(e => new WindowExport(e.At, e.UserName, e.EntityType, e.Detail,
            e.EntityId is not null && rows.TryGetValue(e.EntityId, out var n) ? n : null)).ToList();
    }

    /// <summary>The affected people as XLSX (masked NIK only), written page by page.</summary>
    public async Task WriteXlsxAsync(Stream output, BreachIncident incident, IReadOnlyDictionary<Guid, AffectedPerson> affected, CancellationToken ct = default)
    {
        using var x = new XlsxWriter(output);
        x.BeginSheet("Terdampak",
        [
            new XlsxColumn("Nama", 30, Text: true), new XlsxColumn("NIK (tersamar)", 20, Text: true), new XlsxColumn("Jenis data", 30, Text: true),
            new XlsxColumn("Peristiwa", 10), new XlsxColumn("Pertama (WIB)", 18, Text: true), new XlsxColumn("Terakhir (WIB)", 18, Text: true),
        ]);
        var ordered = affected.Values.OrderByDescending(a => a.LastAt).ThenBy(a => a.PersonId).ToList();
        foreach (var chunk in ordered.Chunk(1000))
        {
            foreach (var a in await WithNamesAsync([.. chunk], ct))
            {
                x.WriteRow(a.FullName ?? "(dihapus)", a.NikMasked, string.Join(", ", a.Kinds), a.Events,
                    IndonesianFormat.DateTime(a.FirstAt, IndonesianFormat.Wib), IndonesianFormat.DateTime(a.LastAt, IndonesianFormat.Wib));
            }
        }

        x.BeginSheet("Keterangan", [new XlsxColumn("Keterangan", 100)]);
        x.WriteNote($"Dugaan kegagalan pelindungan data pribadi ditemukan {IndonesianFormat.DateTime(incident.DiscoveredAt, IndonesianFormat.Wib)} WIB.");
        x.WriteNote("Orang terdampak diturunkan dari jejak audit: NIK lengkap dilihat, laporan data pribadi, perubahan identitas atau penugasan, "
                    + "dan berkas pendaftaran BPJS yang memuat orang itu, oleh akun dan dalam rentang waktu yang diduga.");
    }
}

/// <summary>Where the 3 × 24-hour notification deadline of UU 27/2022 Pasal 46 stands.</summary>
public enum DeadlineState
{
    Running = 0,
    Overdue = 1,
    NotifiedInTime = 2,
    NotifiedLate = 3,
}

/// <summary>The deadline counted from discovery; <see cref="Remaining"/> is negative once it has passed.</summary>
public sealed record BreachDeadline(DateTime Deadline, TimeSpan Remaining, DeadlineState State)
{
    /// <summary>Pasal 46: "paling lambat 3 × 24 jam" (reference §7.5, confidence high).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromHours(3 * 24);

    public static BreachDeadline Compute(DateTime discoveredAtUtc, DateTime? notifiedAtUtc, DateTime nowUtc)
    {
        var deadline = discoveredAtUtc + Limit;
        return notifiedAtUtc is { } notified
            ? new BreachDeadline(deadline, deadline - notified, notified <= deadline ? DeadlineState.NotifiedInTime : DeadlineState.NotifiedLate)
            : new BreachDeadline(deadline, deadline - nowUtc, nowUtc <= deadline ? DeadlineState.Running : DeadlineState.Overdue);
    }
}

/// <summary>The status steps: Dugaan → Dikonfirmasi → Diberitahukan → Ditutup; closing (e.g. a false alarm) is allowed from any open step.</summary>
public static class BreachWorkflow
{
    public static bool MayMove(BreachStatus from, BreachStatus to) =>
        (from, to) is (BreachStatus.Suspected, BreachStatus.Confirmed) or (BreachStatus.Confirmed, BreachStatus.Notified)
        || (to == BreachStatus.Closed && from != BreachStatus.Closed);

    /// <summary>Moves the incident and records who and when; false (nothing changed) when the step is not allowed.</summary>
    public static bool Move(BreachIncident incident, BreachStatus to, string user, DateTime nowUtc)
    {
        if (!MayMove(incident.Status, to))
        {
            return false;
        }

        incident.Status = to;
        switch (to)
        {
            case BreachStatus.Confirmed:
                (incident.ConfirmedBy, incident.ConfirmedAt) = (user, nowUtc);
                break;
            case BreachStatus.Notified:
                (incident.NotifiedBy, incident.NotifiedAt) = (user, nowUtc);
                break;
            case BreachStatus.Closed:
                (incident.ClosedBy, incident.ClosedAt) = (user, nowUtc);
                break;
        }

        return true;
    }
}
