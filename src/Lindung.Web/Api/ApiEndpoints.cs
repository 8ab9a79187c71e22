using System.Globalization;
using System.Text;
using Lindung.Core.Api;
using Lindung.Core.Audit;
using Lindung.Core.Coverage;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lindung.Web.Api;

/// <summary>
/// <c>/api/v1</c> for other government systems (docs/api.md). Every endpoint names its scope in
/// <see cref="ApiAccess"/>; the enumeration test fails for an endpoint without one.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const int MaxPageSize = 500;
    public const int MaxWorkersPerSubmission = 1000;

    /// <summary>HttpContext item holding how many records a call returned or received (for its audit line).</summary>
    internal const string CountItem = "lindung.api.count";

    public static void MapLindungApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(ApiSetup.RatePolicy)
            .AddEndpointFilter(AuditCallAsync)
            .WithTags("Lindung");

        api.MapGet("/workers", ListWorkersAsync).WithName("ListWorkers").RequireAuthorization(ApiAccess.ReadPolicy)
            .WithSummary("Registry entries (one per engagement), paged; NIK always masked.");
        api.MapGet("/workers/{id:guid}", GetWorkerAsync).WithName("GetWorker").RequireAuthorization(ApiAccess.ReadPolicy)
            .WithSummary("One person with their engagements; revealNik=true shows the NIK to a client allowed to (audited).");
        api.MapPost("/workers", SubmitWorkersAsync).WithName("SubmitWorkers").RequireAuthorization(ApiAccess.WritePolicy)
            .WithSummary("Submits workers through the upload pipeline; valid rows wait for the Koordinator's verification.");
        api.MapGet("/coverage", CoverageAsync).WithName("Coverage").RequireAuthorization(ApiAccess.ReadPolicy)
            .WithSummary("Coverage (active / eligible) for a month, like `lindung coverage --json`.");
        api.MapGet("/snapshots", SnapshotsAsync).WithName("Snapshots").RequireAuthorization(ApiAccess.ReadPolicy)
            .WithSummary("The monthly coverage snapshots (totals).");
    }

    private static async ValueTask<object?> AuditCallAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        if (http.User.FindFirst(ApiClaims.ClientId)?.Value is not { } client)
        {
            return result;
        }

        // A fresh context: the audit line never carries whatever the handler left tracked.
        await using var scope = http.RequestServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var count = http.Items.TryGetValue(CountItem, out var n) ? n : null;
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        db.Audit(AuditActions.ApiCall, nameof(ApiClient), client,
            FormattableString.Invariant($"{http.Request.Method} {pattern} status={status} count={count ?? 0}"));
        await db.SaveChangesAsync(http.RequestAborted);
        return result;
    }

    // --- Registry -------------------------------------------------------------------------------------------

    internal static async Task<IResult> ListWorkersAsync(HttpContext http, LindungDbContext db, IStringLocalizer<SharedResource> t,
        string? opd = null, string? category = null, string? status = null, DateTimeOffset? updatedSince = null,
        int page = 1, int pageSize = 100, CancellationToken ct = default)
    {
        var caller = ApiCaller.Of(http.User);
        if (page < 1 || pageSize < 1 || pageSize > MaxPageSize)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_BadPaging", MaxPageSize]);
        }

        var query = RegistryQueries.VisibleEngagements(db, caller.AgencyId).AsNoTracking();
        if (opd is { Length: > 0 })
        {
            query = query.Where(e => e.Agency!.Code == opd);
        }

        if (category is { Length: > 0 })
        {
            query = query.Where(e => e.Category!.Code == category);
        }

        if (status is { Length: > 0 })
        {
            if (ParseStatus(status) is not { } verification)
            {
                return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_BadStatus"]);
            }

            query = query.Where(e => e.Verification == verification);
        }

        if (updatedSince is { } since)
        {
            var utc = since.UtcDateTime;
            query = query.Where(e => e.ModifiedAt >= utc || e.Person!.ModifiedAt >= utc);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new WorkerListItem(e.PersonId, e.Id, e.Person!.FullName, e.Person.NikMasked, e.Person.Sex.ToString(),
                e.Person.BirthDate, e.Agency!.Code, e.Category!.Code, StatusName(e.Verification), RegistrationName(e.Registration),
                e.StartDate, e.EndDate, e.ModifiedAt > e.Person.ModifiedAt ? e.ModifiedAt : e.Person.ModifiedAt))
            .ToListAsync(ct);
        http.Items[CountItem] = items.Count;
        return Results.Ok(new WorkerPage(page, pageSize, total, items));
    }

    internal static async Task<IResult> GetWorkerAsync(Guid id, HttpContext http, LindungDbContext db, NikProtector protector,
        IStringLocalizer<SharedResource> t, bool revealNik = false, CancellationToken ct = default)
    {
        var caller = ApiCaller.Of(http.User);
        var person = await RegistryQueries.VisiblePeople(db, caller.AgencyId).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            // Another OPD's worker answers like an unknown one.
            return ApiProblems.Result(StatusCodes.Status404NotFound, t["Api_NotFound"]);
        }

        if (revealNik && !caller.MayRevealNik)
        {
            return ApiProblems.Result(StatusCodes.Status403Forbidden, t["Api_RevealForbidden"]);
        }

        var nik = person.NikMasked;
        // An erased person has no NIK left to reveal (docs/privacy-requests.md).
        if (revealNik && person.ErasedAt is null)
        {
            db.Audit(AuditActions.NikRevealed, nameof(Person), id.ToString(), "api");
            await db.SaveChangesAsync(ct);
            nik = protector.Decrypt(person.NikCipher);
        }

        var engagements = await RegistryQueries.VisibleEngagements(db, caller.AgencyId).AsNoTracking()
            .Where(e => e.PersonId == id).OrderBy(e => e.StartDate)
            .Select(e => new EngagementItem(e.Id, e.Agency!.Code, e.Category!.Code, e.Scheme.ToString(), e.Position, e.StartDate, e.EndDate,
                StatusName(e.Verification), RegistrationName(e.Registration)))
            .ToListAsync(ct);
        http.Items[CountItem] = 1;
        return Results.Ok(new WorkerDetail(person.Id, nik, revealNik, person.FullName, person.BirthPlace, person.BirthDate,
            person.Sex.ToString(), person.Address, person.DistrictCode, person.VillageCode, person.Kpj, person.ModifiedAt, engagements));
    }

    private static VerificationStatus? ParseStatus(string status) => status.ToLowerInvariant() switch
    {
        "pending" => VerificationStatus.Pending,
        "verified" => VerificationStatus.Verified,
        "rejected" => VerificationStatus.Rejected,
        _ => null,
    };

    private static string StatusName(VerificationStatus s) => s switch
    {
        VerificationStatus.Verified => "verified",
        VerificationStatus.Rejected => "rejected",
        _ => "pending",
    };

    private static string RegistrationName(RegistrationStatus s) => s switch
    {
        RegistrationStatus.SentToBpjs => "sentToBpjs",
        RegistrationStatus.Registered => "registered",
        _ => "notRegistered",
    };

    // --- Submission ---------------------------------------------------------------------------------------

    internal static async Task<IResult> SubmitWorkersAsync(SubmitWorkersRequest body, HttpContext http, LindungDbContext db,
        NikProtector protector, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct = default)
    {
        var caller = ApiCaller.Of(http.User);
        if (body.Workers is not { Count: > 0 } workers || workers.Count > MaxWorkersPerSubmission)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_WorkerCount", MaxWorkersPerSubmission]);
        }

        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Code == body.Opd, ct);
        if (agency is null)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_UnknownOpd"]);
        }

        if (caller.AgencyId is { } own && own != agency.Id)
        {
            return ApiProblems.Result(StatusCodes.Status403Forbidden, t["Api_OtherOpd"]);
        }

        var category = await db.WorkerCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == body.Category, ct);
        if (category is null)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_UnknownCategory"]);
        }

        // The same rows the add-worker form and an upload produce: an in-memory CSV through the one importer.
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(caller.TenantCode + "."))
            .ToDictionaryAsync(r => r.Code, ct);
        var csv = new StringBuilder("NIK,Nama,Tempat Lahir,Tanggal Lahir,JK,Alamat,Desa,Kecamatan,No HP,Upah,Jabatan,TMT\n");
        foreach (var w in workers)
        {
            var village = w.VillageCode is { Length: > 0 } code && regions.TryGetValue(code, out var v) ? v : null;
            var district = village?.ParentCode is { } parent && regions.TryGetValue(parent, out var d) ? d : null;
            csv.AppendJoin(',', new[]
            {
                w.Nik, w.Name, w.BirthPlace, w.BirthDate, w.Sex, w.Address, village?.Name ?? w.VillageCode, district?.Name, w.Phone,
                w.Wage?.ToString(CultureInfo.InvariantCulture), w.Position, w.StartDate,
            }.Select(Quote)).Append('\n');
        }

        var period = body.Period ?? time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        WorkerImportReport report;
        try
        {
            report = await new WorkerImporter(db, protector, SpreadsheetLimits.Default).RunAsync(
                new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
                new WorkerImportRequest(agency.Id, category.Id, period, body.DryRun, "api.csv"), null, ct);
        }
        catch (UnusableImportException e)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, e.Message);
        }

        http.Items[CountItem] = workers.Count;
        return Results.Ok(new SubmissionReport(report.Rows, report.Accepted, report.Unchanged, report.Rejected, report.Warnings,
            report.DuplicatesInFile, report.DuplicatesInRegistry, report.Conflicts, report.Errors, report.WarningCodes, report.DryRun,
            report.SubmissionId,
            [.. report.Problems.Select(p => new RowProblem(p.RowNumber - 2, p.Rejected,
                [.. p.Issues.Select(i => new RowIssue(i.Code, i.Message, i.IsWarning))], p.Note))]));
    }

    private static string Quote(string? value) =>
        "\"" + (value ?? "").Replace("\"", "\"\"", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ') + "\"";

    // --- Coverage ---------------------------------------------------------------------------------------

    internal static async Task<IResult> CoverageAsync(HttpContext http, LindungDbContext db, TimeProvider time,
        IStringLocalizer<SharedResource> t, string? period = null, string? by = null, CancellationToken ct = default)
    {
        if (ApiCaller.Of(http.User).AgencyId is not null)
        {
            return ApiProblems.Result(StatusCodes.Status403Forbidden, t["Api_TenantWideOnly"]);
        }

        if (by is not null && !CoverageService.Dimensions.Contains(by))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_BadDimension", string.Join(", ", CoverageService.Dimensions)]);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var month = period ?? today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!Periods.TryParse(month, out var start) || start > today)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, t["Api_BadPeriod"]);
        }

        var (s, frozen) = await new CoverageService(db).ForAsync(month, today, ct);
        var groups = by is null ? [] : s.Groups.Where(g => g.Dimension == by).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CoverageGroup(g.Key, g.Label, g.Eligible, g.Active, CoverageService.Percent(g.Active, g.Eligible))).ToList();
        http.Items[CountItem] = groups.Count;
        return Results.Ok(new CoverageResult(s.Period, s.Eligible, s.Active, CoverageService.Percent(s.Active, s.Eligible),
            s.Source == ActiveSource.BpjsList ? "bpjs" : "registry", frozen, groups));
    }

    internal static async Task<IResult> SnapshotsAsync(HttpContext http, LindungDbContext db, IStringLocalizer<SharedResource> t,
        CancellationToken ct = default)
    {
        if (ApiCaller.Of(http.User).AgencyId is not null)
        {
            return ApiProblems.Result(StatusCodes.Status403Forbidden, t["Api_TenantWideOnly"]);
        }

        var rows = await db.CoverageSnapshots.AsNoTracking().OrderBy(s => s.Period)
            .Select(s => new { s.Period, s.Eligible, s.Active, s.Source, s.CreatedAt }).ToListAsync(ct);
        var items = rows.Select(s => new SnapshotItem(s.Period, s.Eligible, s.Active, CoverageService.Percent(s.Active, s.Eligible),
            s.Source == ActiveSource.BpjsList ? "bpjs" : "registry", s.CreatedAt)).ToList();
        http.Items[CountItem] = items.Count;
        return Results.Ok(items);
    }
}

public sealed record WorkerListItem(Guid PersonId, Guid EngagementId, string Name, string Nik, string Sex, DateOnly BirthDate,
    string Opd, string Category, string Status, string Registration, DateOnly StartDate, DateOnly? EndDate, DateTime UpdatedAt);

public sealed record WorkerPage(int Page, int PageSize, int Total, IReadOnlyList<WorkerListItem> Items);

public sealed record EngagementItem(Guid Id, string Opd, string Category, string Scheme, string? Position, DateOnly StartDate,
    DateOnly? EndDate, string Status, string Registration);

public sealed record WorkerDetail(Guid Id, string Nik, bool NikRevealed, string Name, string? BirthPlace, DateOnly BirthDate, string Sex,
    string? Address, string? DistrictCode, string? VillageCode, string? Kpj, DateTime UpdatedAt, IReadOnlyList<EngagementItem> Engagements);

/// <summary>One worker as submitted: the columns of the upload template.</summary>
public sealed record SubmittedWorker(string? Nik, string? Name, string? BirthPlace, string? BirthDate, string? Sex, string? Address,
    string? VillageCode, string? Phone, long? Wage, string? Position, string? StartDate);

public sealed record SubmitWorkersRequest(string Opd, string Category, string? Period, bool DryRun, IReadOnlyList<SubmittedWorker>? Workers);

public sealed record RowIssue(string Code, string Message, bool Warning);

/// <summary>A problem row: <see cref="Index"/> is the worker's 0-based position in the submitted array.</summary>
public sealed record RowProblem(int Index, bool Rejected, IReadOnlyList<RowIssue> Issues, string? Note);

/// <summary>The same counts as <c>lindung import workers --json</c>, plus the problem rows.</summary>
public sealed record SubmissionReport(int Rows, int Accepted, int Unchanged, int Rejected, int Warnings, int DuplicatesInFile,
    int DuplicatesInRegistry, int Conflicts, IReadOnlyDictionary<string, int> Errors, IReadOnlyDictionary<string, int> WarningCodes,
    bool DryRun, Guid? Submission, IReadOnlyList<RowProblem> Problems);

public sealed record CoverageGroup(string Key, string Label, int Eligible, int Active, decimal CoveragePercent);

public sealed record CoverageResult(string Period, int Eligible, int Active, decimal CoveragePercent, string ActiveSource, bool Frozen,
    IReadOnlyList<CoverageGroup> Groups);

public sealed record SnapshotItem(string Period, int Eligible, int Active, decimal CoveragePercent, string ActiveSource, DateTime CreatedAt);
