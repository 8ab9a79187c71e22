using System.Globalization;
using System.Text.RegularExpressions;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Formatting;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry.Validation;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Projects;

/// <summary>
/// Who imports and for which OPD: <paramref name="FixedAgencyId"/> (an Operator OPD's own OPD, or <c>--opd</c>)
/// puts every row in that OPD; otherwise each row names its OPD by code or short name.
/// </summary>
public sealed record ProjectImportRequest(string FileName, Guid? FixedAgencyId, bool DryRun = false);

/// <summary>A problem of one row (or of the file, at its header row), for people; <see cref="Message"/> in the current UI culture.</summary>
public sealed record ProjectImportError(int Row, CoreMessage Text)
{
    public string Message => Text.ToString();
}

public sealed record ProjectImportReport(int Rows, int Added, int Updated, int Unchanged, IReadOnlyList<ProjectImportError> Errors)
{
    public bool Committed => Errors.Count == 0;
}

/// <summary>
/// Imports a project list (XLSX or CSV, streamed) all-or-nothing: every row is checked first with the same
/// rules as the form, and if any row has a problem nothing is written. Idempotent by contract number: a row
/// whose contract number exists updates that project (only within the importer's OPD scope), an identical row
/// changes nothing. Registration fields are never imported; they are recorded with their certificate.
/// </summary>
public sealed partial class ProjectImporter(LindungDbContext db, SpreadsheetLimits limits)
{
    private enum Field
    {
        Agency,
        ContractNumber,
        PackageName,
        Contractor,
        ContractValue,
        IncludesVat,
        SpkDate,
        Duration,
        District,
        Village,
        FundingYear,
        FundingSource,
    }

    // Header synonyms, compared after lower-casing and dropping everything but letters and digits.
    private static readonly Dictionary<string, Field> Headers = new (string[] Names, Field Field)[]
    {
        (["opd", "kodeopd", "perangkatdaerah", "skpd"], Field.Agency),
        (["nomorkontrak", "nokontrak", "nomorkontrakspk", "nomorperjanjian", "nokontrakspk"], Field.ContractNumber),
        (["namapaket", "paket", "paketpekerjaan", "namapekerjaan", "namapaketpekerjaan", "pekerjaan"], Field.PackageName),
        (["penyedia", "penyediajasa", "kontraktor", "namapenyedia", "pelaksana", "namakontraktor"], Field.Contractor),
        (["nilaikontrak", "nilai", "nilaikontrakrp", "nilaikontrakrupiah", "nilaipekerjaan"], Field.ContractValue),
        (["termasukppn", "ppn", "nilaitermasukppn", "includeppn"], Field.IncludesVat),
        (["tanggalspk", "tglspk", "tanggalsuratperintahkerja", "spk", "tanggalmulai"], Field.SpkDate),
        (["jangkawaktu", "jangkawaktuhari", "durasi", "durasihari", "lamapekerjaan", "waktupelaksanaan", "waktupelaksanaanhari"], Field.Duration),
        (["kecamatan", "kec"], Field.District),
        (["desa", "kelurahan", "desakelurahan", "lokasidesa"], Field.Village),
        (["tahunanggaran", "ta", "tahun"], Field.FundingYear),
        (["sumberdana", "sumberanggaran", "dana"], Field.FundingSource),
    }.SelectMany(x => x.Names.Select(n => (n, x.Field))).ToDictionary(x => x.n, x => x.Field, StringComparer.Ordinal);

    private static readonly Field[] Required = [Field.ContractNumber, Field.PackageName, Field.Contractor, Field.ContractValue, Field.SpkDate, Field.Duration, Field.FundingYear, Field.FundingSource];

    public async Task<ProjectImportReport> RunAsync(Stream file, ProjectImportRequest request, CancellationToken ct = default)
    {
        var tenant = db.CurrentTenantCode ?? throw new InvalidOperationException("Import needs a tenant.");
        using var reader = SpreadsheetFiles.Open(file, request.FileName, null, limits);
        var errors = new List<ProjectImportError>();
        Dictionary<Field, int>? map = null;
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Code, a.ShortName }).ToListAsync(ct);
        var agencyByKey = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in agencies)
        {
            agencyByKey.TryAdd(a.Code, a.Id);
            agencyByKey.TryAdd(a.ShortName, a.Id);
        }

        var regions = await RegionResolver.LoadAsync(db, tenant, ct);
        var regionCodes = await ProjectEditor.RegionCodesAsync(db, tenant, ct);
        var inputs = new List<(int Row, ProjectInput Input)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            var cells = reader.Cells;
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }

            if (map is null)
            {
                map = HeaderMap(cells);
                var missing = Required.Where(f => !map.ContainsKey(f)).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(new(reader.RowNumber, ProjectMessages.ColumnsMissing(string.Join(", ", missing.Select(Label)))));
                    break;
                }

                if (request.FixedAgencyId is null && !map.ContainsKey(Field.Agency))
                {
                    errors.Add(new(reader.RowNumber, ProjectMessages.AgencyColumnMissing));
                    break;
                }

                continue;
            }

            var (input, problems) = ParseRow(cells, map, request.FixedAgencyId, agencyByKey, regions);
            if (input is not null)
            {
                problems.AddRange(ProjectEditor.Check(input, tenant, regionCodes));
                var number = input.ContractNumber?.Trim() ?? "";
                if (number.Length > 0 && seen.TryGetValue(number, out var firstRow))
                {
                    problems.Add(ProjectMessages.ContractNumberRepeated(number, firstRow));
                }
                else if (number.Length > 0)
                {
                    seen[number] = reader.RowNumber;
                }
            }

            errors.AddRange(problems.Select(p => new ProjectImportError(reader.RowNumber, p)));
            if (input is not null && problems.Count == 0)
            {
                inputs.Add((reader.RowNumber, input));
            }
        }

        if (map is null && errors.Count == 0)
        {
            errors.Add(new(1, ProjectMessages.FileEmpty));
        }

        var numbers = inputs.Select(i => i.Input.ContractNumber!.Trim()).ToList();
        var existing = await db.ConstructionProjects.Where(p => numbers.Contains(p.ContractNumber)).ToDictionaryAsync(p => p.ContractNumber, StringComparer.OrdinalIgnoreCase, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (row, input) in inputs)
        {
            if (!existing.TryGetValue(input.ContractNumber!.Trim(), out var project))
            {
                db.ConstructionProjects.Add(ProjectEditor.New(input));
                added++;
                continue;
            }

            if (request.FixedAgencyId is { } own && project.AgencyId != own)
            {
                errors.Add(new(row, ProjectMessages.ContractNumberOfOtherAgency(project.ContractNumber)));
                continue;
            }

            ProjectEditor.Apply(input with { Notes = project.Notes }, project);
            if (db.Entry(project).Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        var goodRows = inputs.Select(i => i.Row).ToHashSet();
        var rows = inputs.Count + errors.Select(e => e.Row).Distinct().Count(r => !goodRows.Contains(r));
        if (errors.Count > 0 || request.DryRun)
        {
            db.ChangeTracker.Clear();
            return new ProjectImportReport(rows, errors.Count > 0 ? 0 : added, errors.Count > 0 ? 0 : updated, errors.Count > 0 ? 0 : unchanged,
                errors.OrderBy(e => e.Row).ToList());
        }

        db.Audit(AuditActions.ImportCommitted, nameof(ConstructionProject), detail:
            string.Create(CultureInfo.InvariantCulture, $"file={request.FileName} rows={rows} added={added} updated={updated} unchanged={unchanged}"));
        await db.SaveChangesAsync(ct);
        return new ProjectImportReport(rows, added, updated, unchanged, []);
    }

    private static Dictionary<Field, int> HeaderMap(IReadOnlyList<SheetCell> cells)
    {
        var map = new Dictionary<Field, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (Headers.TryGetValue(HeaderKey(cells[i].Text), out var field))
            {
                map.TryAdd(field, i);
            }
        }

        return map;
    }

    private static string HeaderKey(string text) => NotAlphaNumeric().Replace(text.ToLowerInvariant(), "");

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NotAlphaNumeric();

    private static (ProjectInput? Input, List<CoreMessage> Problems) ParseRow(IReadOnlyList<SheetCell> cells, Dictionary<Field, int> map, Guid? fixedAgency,
        Dictionary<string, Guid> agencyByKey, RegionResolver regions)
    {
        string? Text(Field f) => map.TryGetValue(f, out var i) && i < cells.Count && cells[i].Text.Trim() is { Length: > 0 } t ? t : null;
        var problems = new List<CoreMessage>();

        var agency = Guid.Empty;
        if (fixedAgency is { } fixedId)
        {
            agency = fixedId;
        }
        else if (Text(Field.Agency) is not { } agencyText || !agencyByKey.TryGetValue(agencyText, out agency))
        {
            problems.Add(ProjectMessages.AgencyUnknown(Text(Field.Agency)));
        }

        long? value = null;
        if (Text(Field.ContractValue) is { } valueText)
        {
            if (FieldParsing.TryParseRupiah(valueText, out var v))
            {
                value = v;
            }
            else if (decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d))
            {
                value = (long)d;
            }
            else
            {
                problems.Add(ProjectMessages.ContractValueUnreadable(valueText));
            }
        }

        bool includesVat = false;
        if (Text(Field.IncludesVat) is { } vatText)
        {
            switch (vatText.Trim().ToLowerInvariant())
            {
                case "ya" or "y" or "1" or "true" or "termasuk" or "benar":
                    includesVat = true;
                    break;
                case "tidak" or "t" or "n" or "0" or "false" or "tidak termasuk" or "belum" or "salah":
                    break;
                default:
                    problems.Add(ProjectMessages.VatUnreadable(vatText));
                    break;
            }
        }

        DateOnly? spk = null;
        if (Text(Field.SpkDate) is { } spkText)
        {
            if (DateParsing.TryParse(spkText, out var d))
            {
                spk = d;
            }
            else
            {
                problems.Add(ProjectMessages.SpkDateUnreadable(spkText));
            }
        }

        int? duration = null;
        if (Text(Field.Duration) is { } durationText)
        {
            var digits = durationText.Replace("hari", "", StringComparison.OrdinalIgnoreCase).Trim();
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || (decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var dn) && dn == decimal.Truncate(dn) && dn is > 0 and < int.MaxValue && (n = (int)dn) > 0))
            {
                duration = n;
            }
            else
            {
                problems.Add(ProjectMessages.DurationUnreadable(durationText));
            }
        }

        int? year = null;
        if (Text(Field.FundingYear) is { } yearText)
        {
            if (int.TryParse(yearText.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                year = y;
            }
            else
            {
                problems.Add(ProjectMessages.FundingYearUnreadable(yearText));
            }
        }

        var (district, village, unresolved) = regions.Resolve(Text(Field.District), Text(Field.Village));
        if (unresolved)
        {
            problems.Add(ProjectMessages.RegionNotFound(Text(Field.District), Text(Field.Village)));
        }

        if (problems.Count > 0)
        {
            // Still report the form-level problems (missing fields) of this row together with these.
            var partial = new ProjectInput(Guid.Empty, Text(Field.ContractNumber), Text(Field.PackageName), Text(Field.Contractor), value ?? 1,
                includesVat, spk ?? new DateOnly(2000, 1, 1), duration ?? 1, null, null, year ?? 2000, Text(Field.FundingSource));
            problems.AddRange(ProjectEditor.Check(partial, "", new HashSet<string>()));
            return (null, problems);
        }

        return (new ProjectInput(agency, Text(Field.ContractNumber), Text(Field.PackageName), Text(Field.Contractor), value, includesVat, spk,
            duration, district, village, year, Text(Field.FundingSource)), problems);
    }

    private static string Label(Field f) => f switch
    {
        Field.ContractNumber => "Nomor Kontrak",
        Field.PackageName => "Nama Paket",
        Field.Contractor => "Penyedia",
        Field.ContractValue => "Nilai Kontrak",
        Field.SpkDate => "Tanggal SPK",
        Field.Duration => "Jangka Waktu (hari)",
        Field.FundingYear => "Tahun Anggaran",
        Field.FundingSource => "Sumber Dana",
        _ => f.ToString(),
    };
}
