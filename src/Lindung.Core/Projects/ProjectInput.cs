using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Projects;

/// <summary>A project as typed in the form or read from an import row, before it is checked.</summary>
public sealed record ProjectInput(Guid AgencyId, string? ContractNumber, string? PackageName, string? Contractor, long? ContractValue,
    bool IncludesVat, DateOnly? SpkDate, int? DurationDays, string? DistrictCode, string? VillageCode, int? FundingYear, string? FundingSource,
    string? Notes = null);

/// <summary>Checks and applies <see cref="ProjectInput"/>; the form and the importer share it, so both refuse the same things.</summary>
public static class ProjectEditor
{
    public const int MaxDurationDays = 3650;

    public const int MaxContractNumberLength = 100;

    /// <summary>Problems, for people (<see cref="ProjectMessages"/>); empty when the input can be saved. Region codes must be the tenant's own.</summary>
    public static List<CoreMessage> Check(ProjectInput i, string tenantCode, IReadOnlySet<string> regionCodes)
    {
        var problems = new List<CoreMessage>();
        if (string.IsNullOrWhiteSpace(i.ContractNumber))
        {
            problems.Add(ProjectMessages.ContractNumberMissing);
        }
        else if (i.ContractNumber.Trim().Length > MaxContractNumberLength)
        {
            problems.Add(ProjectMessages.ContractNumberTooLong(MaxContractNumberLength));
        }

        if (string.IsNullOrWhiteSpace(i.PackageName))
        {
            problems.Add(ProjectMessages.PackageNameMissing);
        }

        if (string.IsNullOrWhiteSpace(i.Contractor))
        {
            problems.Add(ProjectMessages.ContractorMissing);
        }

        if (i.ContractValue is not > 0)
        {
            problems.Add(ProjectMessages.ContractValueInvalid);
        }

        if (i.SpkDate is null)
        {
            problems.Add(ProjectMessages.SpkDateMissing);
        }

        if (i.DurationDays is not (> 0 and <= MaxDurationDays))
        {
            problems.Add(ProjectMessages.DurationInvalid(MaxDurationDays));
        }

        if (i.FundingYear is not (>= 2000 and <= 2100))
        {
            problems.Add(ProjectMessages.FundingYearInvalid);
        }

        if (string.IsNullOrWhiteSpace(i.FundingSource))
        {
            problems.Add(ProjectMessages.FundingSourceMissing);
        }

        if (i.DistrictCode is { Length: > 0 } d && (!d.StartsWith(tenantCode + ".", StringComparison.Ordinal) || !regionCodes.Contains(d)))
        {
            problems.Add(ProjectMessages.DistrictUnknown);
        }

        if (i.VillageCode is { Length: > 0 } v
            && (!regionCodes.Contains(v) || (i.DistrictCode is { Length: > 0 } dc && !v.StartsWith(dc + ".", StringComparison.Ordinal))))
        {
            problems.Add(ProjectMessages.VillageUnknown);
        }

        return problems;
    }

    public static void Apply(ProjectInput i, ConstructionProject p)
    {
        p.AgencyId = i.AgencyId;
        p.ContractNumber = i.ContractNumber!.Trim();
        p.PackageName = i.PackageName!.Trim();
        p.Contractor = i.Contractor!.Trim();
        p.ContractValue = i.ContractValue!.Value;
        p.IncludesVat = i.IncludesVat;
        p.SpkDate = i.SpkDate!.Value;
        p.DurationDays = i.DurationDays!.Value;
        p.DistrictCode = i.DistrictCode is { Length: > 0 } d ? d : i.VillageCode is { Length: > 0 } v ? v[..v.LastIndexOf('.')] : null;
        p.VillageCode = i.VillageCode is { Length: > 0 } village ? village : null;
        p.FundingYear = i.FundingYear!.Value;
        p.FundingSource = i.FundingSource!.Trim();
        p.Notes = string.IsNullOrWhiteSpace(i.Notes) ? null : i.Notes.Trim();
    }

    public static ConstructionProject New(ProjectInput i)
    {
        var p = new ConstructionProject { ContractNumber = "", PackageName = "", Contractor = "", FundingSource = "" };
        Apply(i, p);
        return p;
    }

    /// <summary>The tenant's kecamatan and desa codes, for <see cref="Check"/>.</summary>
    public static async Task<IReadOnlySet<string>> RegionCodesAsync(LindungDbContext db, string tenantCode, CancellationToken ct = default)
    {
        var prefix = tenantCode + ".";
        return (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }
}
