using System.Globalization;
using System.Text;
using System.Text.Json;
using Lindung.Core.Audit;
using Lindung.Core.Data;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Core.Bpjs;

/// <summary>What a column of the collective registration file holds (PRODUCT §7).</summary>
public enum ExportField
{
    Nik,
    Name,
    BirthPlace,
    BirthDate,
    Sex,
    Address,
    Village,
    District,
    Occupation,
    Phone,
    WageOrIncome,
    Programs,
    WorkLocation,
    StartDate,
    FundingSource,
    ParticipationCode,
    Npp,
}

public sealed record ExportColumn(ExportField Field, string Header);

/// <summary>
/// The collective registration file for BPJS: every verified, not-ended engagement not yet registered or sent,
/// one row each, columns as mapped (BPJS's template is not published and changes: an Administrator edits the
/// mapping, stored as a tenant setting). Exporting marks the rows "Dikirim ke BPJS" in the same transaction and
/// is audited (the file holds full NIKs). Every text cell is formula-neutralised; the NIK is written as text.
/// </summary>
public sealed class RegistrationExport(LindungDbContext db, NikProtector protector)
{
    public const string MappingKey = "bpjs.export.columns";

    /// <summary>The audit entity type of a registration export; its entity id is the <see cref="RegistrationExportBatch"/>'s.</summary>
    public const string RegistrationAuditType = "BpjsRegistration";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static readonly IReadOnlyList<ExportColumn> DefaultColumns =
    [
        new(ExportField.Nik, "NIK"), new(ExportField.Name, "Nama Lengkap"), new(ExportField.BirthPlace, "Tempat Lahir"),
        new(ExportField.BirthDate, "Tanggal Lahir"), new(ExportField.Sex, "Jenis Kelamin"), new(ExportField.Address, "Alamat"),
        new(ExportField.Village, "Desa/Kelurahan"), new(ExportField.District, "Kecamatan"), new(ExportField.Occupation, "Pekerjaan"),
        new(ExportField.Phone, "No HP"), new(ExportField.WageOrIncome, "Upah/Penghasilan"), new(ExportField.Programs, "Program"),
        new(ExportField.WorkLocation, "Lokasi Kerja"), new(ExportField.StartDate, "Tanggal Mulai"), new(ExportField.FundingSource, "Sumber Dana"),
        new(ExportField.ParticipationCode, "Kode Jenis Kepesertaan"), new(ExportField.Npp, "NPP"),
    ];

    public async Task<IReadOnlyList<ExportColumn>> MappingAsync(CancellationToken ct = default) =>
        await db.TenantSettings.AsNoTracking().Where(s => s.Key == MappingKey).Select(s => s.Value).FirstOrDefaultAsync(ct) is { } json
            ? JsonSerializer.Deserialize<List<ExportColumn>>(json, Json) ?? [.. DefaultColumns]
            : DefaultColumns;

    public async Task SaveMappingAsync(IReadOnlyList<ExportColumn> columns, CancellationToken ct = default)
    {
        var setting = await db.TenantSettings.FirstOrDefaultAsync(s => s.Key == MappingKey, ct);
        if (setting is null)
        {
            setting = new TenantSetting { Key = MappingKey, Value = "" };
            db.TenantSettings.Add(setting);
        }

        setting.Value = JsonSerializer.Serialize(columns, Json);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes the file (xlsx or csv) and marks the rows sent; returns how many rows.</summary>
    public async Task<int> WriteAsync(Stream output, bool csv, CancellationToken ct = default)
    {
        var columns = await MappingAsync(ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(db.CurrentTenantCode ?? "")).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var query = db.Engagements.AsNoTracking()
            .Where(e => e.Verification == VerificationStatus.Verified && e.Registration == RegistrationStatus.NotRegistered
                        && e.Scheme != Scheme.Jakon && (e.EndDate == null || e.EndDate >= today))
            .OrderBy(e => e.Agency!.Code).ThenBy(e => e.Person!.NameKey)
            .Select(e => new { e.Id, e.Person, e.Agency, e.Category, e.Wage, e.DeclaredIncome, e.Programs, e.StartDate, e.FundingSource });

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = new List<Guid>();
        var items = new List<RegistrationExportItem>();
        using var xlsx = csv ? null : new XlsxWriter(output);
        await using var text = csv ? new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) : null;
        xlsx?.BeginSheet("Pendaftaran", [.. columns.Select(c => new XlsxColumn(c.Header, c.Field is ExportField.Nik or ExportField.Name or ExportField.Address ? 24 : 16,
            Text: c.Field is ExportField.Nik or ExportField.Phone or ExportField.Npp))]);
        if (text is not null)
        {
            await text.WriteLineAsync(string.Join(';', columns.Select(c => Csv(c.Header))));
        }

        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            var p = e.Person!;
            var values = columns.Select(c => c.Field switch
            {
                ExportField.Nik => protector.Decrypt(p.NikCipher),
                ExportField.Name => p.FullName,
                ExportField.BirthPlace => p.BirthPlace,
                ExportField.BirthDate => p.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ExportField.Sex => p.Sex.ToString(),
                ExportField.Address => p.Address,
                ExportField.Village => p.VillageCode is { } v ? regions.GetValueOrDefault(v, v) : null,
                ExportField.District => p.DistrictCode is { } d ? regions.GetValueOrDefault(d, d) : null,
                ExportField.Occupation => e.Category!.Name,
                ExportField.Phone => p.Phone,
                ExportField.WageOrIncome => (e.Wage ?? e.DeclaredIncome)?.ToString(CultureInfo.InvariantCulture),
                ExportField.Programs => e.Programs.Replace(';', '+'),
                ExportField.WorkLocation => e.Agency!.Name,
                ExportField.StartDate => e.StartDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                ExportField.FundingSource => e.FundingSource,
                ExportField.ParticipationCode => ParticipationCodes.For(e.Category!.BpjsParticipationCode, e.FundingSource),
                ExportField.Npp => e.Agency!.Npp,
                _ => null,
            }).ToArray();
            if (xlsx is not null)
            {
                xlsx.WriteRow([.. values]);
            }
            else
            {
                await text!.WriteLineAsync(string.Join(';', values.Select(v => Csv(v ?? ""))));
            }

            ids.Add(e.Id);
            items.Add(new RegistrationExportItem { EngagementId = e.Id, PersonId = p.Id });
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        foreach (var chunk in ids.Chunk(1000))
        {
            await db.Engagements.Where(e => chunk.Contains(e.Id) && e.Registration == RegistrationStatus.NotRegistered)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Registration, RegistrationStatus.SentToBpjs).SetProperty(e => e.SentToBpjsAt, now), ct);
        }

        // Who was in the file, row by row (docs/privacy.md): the batch and its audit event first, then the items in bulk
        // (100,000 rows must not cost 100,000 round trips), all in the export's transaction.
        var batch = new RegistrationExportBatch { At = now, ExportedBy = db.Actor.UserName, Format = csv ? "csv" : "xlsx", Rows = ids.Count };
        db.RegistrationExportBatches.Add(batch);
        db.Audit(AuditActions.Exported, RegistrationAuditType, batch.Id.ToString(),
            $"pendaftaran kolektif BPJS: {ids.Count} baris dengan NIK lengkap, ditandai Dikirim ke BPJS");
        await db.SaveChangesAsync(ct);
        var tenant = db.CurrentTenantCode!;
        foreach (var item in items)
        {
            item.TenantCode = tenant;
            item.BatchId = batch.Id;
        }

        await BulkInsert.InsertAsync(db, items, ct);
        await tx.CommitAsync(ct);
        return ids.Count;
    }

    private static string Csv(string value)
    {
        var safe = CellSafety.Neutralise(value);
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
