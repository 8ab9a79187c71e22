using System.Globalization;
using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Core.Projects;

/// <summary>
/// The project list as XLSX through <see cref="XlsxWriter"/> (every text cell neutralised against formulas),
/// with the same columns the importer reads back, plus what Lindung computed.
/// </summary>
public static class ProjectExport
{
    public static void Write(Stream output, IReadOnlyList<ProjectListRow> rows, IReadOnlyDictionary<string, string> regionNames,
        IReadOnlyDictionary<Guid, string> agencyCodes, DateOnly today)
    {
        var inv = CultureInfo.InvariantCulture;
        using var xlsx = new XlsxWriter(output);
        xlsx.BeginSheet("Proyek",
        [
            new XlsxColumn("OPD", 12, Text: true), new XlsxColumn("Nomor Kontrak", 28, Text: true), new XlsxColumn("Nama Paket", 40),
            new XlsxColumn("Penyedia", 28), new XlsxColumn("Nilai Kontrak", 18), new XlsxColumn("Termasuk PPN", 12),
            new XlsxColumn("Tanggal SPK", 12, Text: true), new XlsxColumn("Kecamatan", 18), new XlsxColumn("Desa", 18),
            new XlsxColumn("Tahun Anggaran", 10), new XlsxColumn("Sumber Dana", 12), new XlsxColumn("Iuran JKK+JKM (Rp)", 16),
            new XlsxColumn("Batas Pendaftaran", 14, Text: true), new XlsxColumn("Nomor Pendaftaran BPJS", 24, Text: true),
            new XlsxColumn("Sertifikat", 10), new XlsxColumn("Terlambat Didaftarkan", 12), new XlsxColumn("Termin Tanpa Bukti", 12),
        ]);
        foreach (var r in rows)
        {
            xlsx.WriteRow(agencyCodes.GetValueOrDefault(r.AgencyId, r.AgencyName), r.ContractNumber, r.PackageName, r.Contractor, r.ContractValue,
                r.IncludesVat ? "Ya" : "Tidak", r.SpkDate.ToString("dd/MM/yyyy", inv),
                r.DistrictCode is { } d ? regionNames.GetValueOrDefault(d, d) : null, r.VillageCode is { } v ? regionNames.GetValueOrDefault(v, v) : null,
                r.FundingYear, r.FundingSource, r.Status.Contribution, r.Status.Deadline.ToString("dd/MM/yyyy", inv), r.RegistrationNumber,
                r.HasCertificate ? "Ada" : "Belum", r.Status.RegistrationOverdue ? "Ya" : "Tidak", r.Status.TermDueWithoutProof ? "Ya" : "Tidak");
        }

        xlsx.BeginSheet("Keterangan", [new XlsxColumn("Keterangan", 100)]);
        xlsx.WriteNote("Keadaan per " + today.ToString("dd/MM/yyyy", inv) + ". Iuran JKK+JKM dihitung dari nilai kontrak dengan tarif berjenjang marginal "
            + "yang berlaku pada tanggal SPK (tanpa PPN bila nilai termasuk PPN).");
        xlsx.WriteNote("Batas pendaftaran: 14 hari kerja setelah tanggal SPK, tanpa Sabtu, Minggu dan hari libur/cuti bersama yang diatur Administrator.");
    }
}
