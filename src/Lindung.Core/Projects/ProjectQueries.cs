using Lindung.Core.Contributions;
using Lindung.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Projects;

/// <summary>What a project's list row and page show beyond its stored fields.</summary>
public sealed record ProjectStatus(DateOnly Deadline, bool RegistrationOverdue, bool TermDueWithoutProof, long Contribution);

public enum ProjectFilter
{
    All,

    /// <summary>Deadline passed and not registered.</summary>
    Overdue,

    /// <summary>A term payment is due (on or before today) and no certificate is on file.</summary>
    TermWithoutProof,
    Registered,
    NotRegistered,
}

public sealed record ProjectListRow(Guid Id, Guid AgencyId, string AgencyName, string ContractNumber, string PackageName, string Contractor,
    long ContractValue, bool IncludesVat, DateOnly SpkDate, int FundingYear, string FundingSource, string? DistrictCode, string? VillageCode, string? RegistrationNumber,
    bool HasCertificate, ProjectStatus Status);

public sealed record ProjectQuery(Guid? OwnAgencyId = null, Guid? AgencyId = null, int? FundingYear = null, string? Search = null,
    ProjectFilter Filter = ProjectFilter.All);

/// <summary>
/// The project rules in one place (docs/projects.md): the contribution is the construction calculator's on the
/// contract value with the rate table in force on the SPK date; the registration deadline is the 14th working
/// day after the SPK; overdue = deadline before today and no registration number; a term payment due on or
/// before today without a certificate on file needs proof of registration.
/// </summary>
public static class ProjectQueries
{
    public static ContributionResult Contribution(RateBook book, ConstructionProject p) =>
        Calculators.Jakon(book.For(p.SpkDate), p.ContractValue, p.IncludesVat);

    public static ProjectStatus StatusOf(ConstructionProject p, IEnumerable<DateOnly> termDates, RateBook book,
        IReadOnlySet<DateOnly> holidays, DateOnly today)
    {
        var deadline = WorkingDays.RegistrationDeadline(p.SpkDate, holidays);
        return new ProjectStatus(deadline,
            RegistrationOverdue: !p.IsRegistered && today > deadline,
            TermDueWithoutProof: !p.HasCertificate && termDates.Any(d => d <= today),
            Contribution: Contribution(book, p).Total);
    }

    /// <summary>The list: one query for projects, one for term dates, then the rules in memory (a regency has hundreds of projects a year).</summary>
    public static async Task<List<ProjectListRow>> ListAsync(LindungDbContext db, ProjectQuery q, DateOnly today, CancellationToken ct = default)
    {
        var projects = db.ConstructionProjects.AsNoTracking();
        if (q.OwnAgencyId is { } own)
        {
            projects = projects.Where(p => p.AgencyId == own);
        }

        if (q.AgencyId is { } agency)
        {
            projects = projects.Where(p => p.AgencyId == agency);
        }

        if (q.FundingYear is { } year)
        {
            projects = projects.Where(p => p.FundingYear == year);
        }

        var list = await projects.OrderByDescending(p => p.SpkDate).ThenBy(p => p.ContractNumber).ToListAsync(ct);
        if (q.Search?.Trim() is { Length: > 0 } s)
        {
            // In memory: case-insensitive the same way on both engines.
            list = list.Where(p => p.ContractNumber.Contains(s, StringComparison.OrdinalIgnoreCase) || p.PackageName.Contains(s, StringComparison.OrdinalIgnoreCase)
                || p.Contractor.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var ids = list.Select(p => p.Id).ToList();
        var terms = (await db.ProjectTermPayments.AsNoTracking().Where(t => ids.Contains(t.ProjectId)).Select(t => new { t.ProjectId, t.DueOn }).ToListAsync(ct))
            .ToLookup(t => t.ProjectId, t => t.DueOn);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var book = await RateBookStore.LoadAsync(db, ct);
        var holidays = await HolidayCalendar.LoadAsync(db, ct);
        return list
            .Select(p => new ProjectListRow(p.Id, p.AgencyId, agencies.GetValueOrDefault(p.AgencyId, ""), p.ContractNumber, p.PackageName, p.Contractor,
                p.ContractValue, p.IncludesVat, p.SpkDate, p.FundingYear, p.FundingSource, p.DistrictCode, p.VillageCode, p.RegistrationNumber, p.HasCertificate,
                StatusOf(p, terms[p.Id], book, holidays, today)))
            .Where(r => q.Filter switch
            {
                ProjectFilter.Overdue => r.Status.RegistrationOverdue,
                ProjectFilter.TermWithoutProof => r.Status.TermDueWithoutProof,
                ProjectFilter.Registered => r.RegistrationNumber is not null,
                ProjectFilter.NotRegistered => r.RegistrationNumber is null,
                _ => true,
            })
            .ToList();
    }

    /// <summary>Today in the regency (WIB), from the injected clock.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
}
