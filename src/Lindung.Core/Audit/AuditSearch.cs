using Lindung.Core.Data;
using Lindung.Core.Registry.Protection;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Audit;

/// <summary>What the Auditor searches the trail by; every field optional. Dates are WIB calendar days, inclusive.</summary>
public sealed record AuditQuery(
    string? User = null, string? Action = null, string? EntityType = null, string? EntityId = null, string? Person = null,
    Guid? AgencyId = null, DateOnly? From = null, DateOnly? To = null, string? Text = null);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Searches the audit trail of the current tenant (issue 7). Newest first; served by the (TenantCode, At) index and,
/// for a chosen action or user, by (TenantCode, Action, At) and (TenantCode, UserName, At).
/// </summary>
public static class AuditSearch
{
    public const int PageSize = 50;

    /// <summary>Export cap: beyond it the Auditor narrows the search (the sheet says so).</summary>
    public const int MaxExportRows = 100_000;

    // ToLower()/Contains inside the queries are translated to SQL lower()/LIKE on both providers (no culture involved).
#pragma warning disable CA1304, CA1311, CA1862
    public static async Task<IQueryable<AuditEvent>> FilterAsync(LindungDbContext db, NikProtector nik, AuditQuery q, CancellationToken ct = default)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (Clean(q.User) is { } user)
        {
            var lower = user.ToLowerInvariant();
            events = events.Where(e => e.UserName.ToLower().Contains(lower));
        }

        if (Clean(q.Action) is { } action)
        {
            events = events.Where(e => e.Action == action);
        }

        if (Clean(q.EntityType) is { } type)
        {
            events = events.Where(e => e.EntityType == type);
        }

        if (Clean(q.EntityId) is { } id)
        {
            events = events.Where(e => e.EntityId == id);
        }

        if (Clean(q.Person) is { } person)
        {
            var digits = new string(person.Where(char.IsAsciiDigit).ToArray());
            List<Guid> ids;
            if (digits.Length == 16)
            {
                var hash = nik.Hash(digits);
                ids = await db.People.Where(p => p.NikHash == hash).Select(p => p.Id).ToListAsync(ct);
            }
            else
            {
                var lower = person.ToLowerInvariant();
                ids = await db.People.Where(p => p.FullName.ToLower().Contains(lower)).Select(p => p.Id).Take(500).ToListAsync(ct);
            }

            var keys = ids.Select(i => i.ToString()).ToList();
            events = events.Where(e => e.EntityType == "Person" && keys.Contains(e.EntityId!));
        }

        if (q.AgencyId is { } agency)
        {
            // Derivable OPD: events by the OPD's own users, and events about people engaged in that OPD.
            var userIds = await db.Users.Where(u => u.AgencyId == agency).Select(u => (Guid?)u.Id).ToListAsync(ct);
            var people = await db.Engagements.Where(e => e.AgencyId == agency).Select(e => e.PersonId).Distinct().ToListAsync(ct);
            var keys = people.Select(p => p.ToString()).ToList();
            var agencyKey = agency.ToString();
            events = events.Where(e => userIds.Contains(e.UserId) || (e.EntityType == "Person" && keys.Contains(e.EntityId!))
                || (e.EntityType == "Agency" && e.EntityId == agencyKey));
        }

        if (q.From is { } from)
        {
            var start = ToUtc(from);
            events = events.Where(e => e.At >= start);
        }

        if (q.To is { } to)
        {
            var end = ToUtc(to.AddDays(1));
            events = events.Where(e => e.At < end);
        }

        if (Clean(q.Text) is { } text)
        {
            var lower = text.ToLowerInvariant();
            events = events.Where(e => (e.Detail != null && e.Detail.ToLower().Contains(lower))
                || (e.Before != null && e.Before.ToLower().Contains(lower))
                || (e.After != null && e.After.ToLower().Contains(lower)));
        }

        return events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }
#pragma warning restore CA1304, CA1311, CA1862

    public static async Task<AuditPage> SearchAsync(LindungDbContext db, NikProtector nik, AuditQuery q, int page, CancellationToken ct = default)
    {
        var events = await FilterAsync(db, nik, q, ct);
        var total = await events.CountAsync(ct);
        var p = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await events.Skip((p - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(rows, total, p, PageSize);
    }

    /// <summary>Start of a WIB calendar day, in UTC (audit times are stored in UTC).</summary>
    private static DateTime ToUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
