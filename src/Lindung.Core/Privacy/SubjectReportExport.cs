using Lindung.Core.Claims;
using Lindung.Core.Formatting;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Registry;

namespace Lindung.Core.Privacy;

/// <summary>
/// A <see cref="SubjectReport"/> as XLSX, one sheet per part, through <see cref="XlsxWriter"/> (text cells neutralised
/// against formulas). Sheet and column names are in Bahasa Indonesia like the other exports: the file is handed to the person.
/// </summary>
public static class SubjectReportExport
{
    public static void Write(Stream output, SubjectReport r)
    {
        using var x = new XlsxWriter(output);
        string When(DateTime? utc) => utc is { } u ? IndonesianFormat.DateTime(u, IndonesianFormat.Wib) : "";
        var p = r.Identity;

        x.BeginSheet("Identitas", [new XlsxColumn("Data", 30, Text: true), new XlsxColumn("Nilai", 60, Text: true)]);
        x.WriteRow("Nama lengkap", (p.FrontTitle is null ? "" : p.FrontTitle + " ") + p.FullName + (p.BackTitle is null ? "" : ", " + p.BackTitle));
        x.WriteRow(p.NikRevealed ? "NIK" : "NIK (tersamar)", p.Nik);
        x.WriteRow("Tempat lahir", p.BirthPlace);
        x.WriteRow("Tanggal lahir", IndonesianFormat.Date(p.BirthDate));
        x.WriteRow("Jenis kelamin", p.Sex == 'P' ? "Perempuan" : "Laki-laki");
        x.WriteRow("Alamat", p.Address);
        x.WriteRow("Desa/Kelurahan", p.Village);
        x.WriteRow("Kecamatan", p.District);
        x.WriteRow("Nomor HP", p.Phone);
        x.WriteRow("KPJ", p.Kpj);
        x.WriteRow("Dicatat di Lindung", When(p.CreatedAt));
        x.WriteRow("Terakhir diubah", When(p.ModifiedAt));
        x.WriteRow("Wilayah penerbitan NIK (turunan)", r.Derived.NikRegion);
        x.WriteRow("Umur (turunan)", r.Derived.AgeYears.ToString(System.Globalization.CultureInfo.InvariantCulture) + " tahun");
        x.WriteRow("Kunci nama untuk pencocokan (turunan)", r.Derived.NameKey);
        x.WriteRow("Memenuhi syarat hari ini (turunan)", r.Derived.EligibleToday ? "Ya" : "Tidak");
        x.WriteRow("Status BPJS terakhir (turunan)", r.Derived.LatestBpjsStatus is { } latest ? $"{latest.Period}: {(latest.Active ? "Aktif" : "Non-aktif")}" : "");

        x.BeginSheet("Penugasan",
        [
            new XlsxColumn("OPD", 30, Text: true), new XlsxColumn("Kategori", 24, Text: true), new XlsxColumn("Jabatan", 20, Text: true),
            new XlsxColumn("Skema", 10, Text: true), new XlsxColumn("Upah/Penghasilan", 16), new XlsxColumn("Sumber dana", 12, Text: true),
            new XlsxColumn("Program", 16, Text: true), new XlsxColumn("Mulai", 12, Text: true), new XlsxColumn("Berakhir", 12, Text: true),
            new XlsxColumn("Verifikasi", 16, Text: true), new XlsxColumn("Diverifikasi oleh", 18, Text: true), new XlsxColumn("Diverifikasi pada", 18, Text: true),
            new XlsxColumn("Pendaftaran", 18, Text: true), new XlsxColumn("Dikirim ke BPJS", 18, Text: true), new XlsxColumn("Terdaftar", 12, Text: true),
        ]);
        foreach (var e in r.Engagements)
        {
            x.WriteRow(e.Agency, e.Category, e.Position, e.Scheme, e.WageOrIncome, e.FundingSource, e.Programs.Replace(';', '+'),
                IndonesianFormat.Date(e.StartDate), e.EndDate is { } end ? IndonesianFormat.Date(end) : "",
                Verification(e.Verification) + (e.VerificationReason is null ? "" : ": " + e.VerificationReason), e.VerifiedBy, When(e.VerifiedAt),
                Registration(e.Registration), When(e.SentToBpjsAt), e.RegisteredOn is { } on ? IndonesianFormat.Date(on) : "");
        }

        x.BeginSheet("Status BPJS",
        [
            new XlsxColumn("Periode", 10, Text: true), new XlsxColumn("KPJ", 14, Text: true), new XlsxColumn("Status", 12, Text: true),
            new XlsxColumn("Tanggal kepesertaan", 14, Text: true), new XlsxColumn("Iuran terakhir", 12, Text: true),
            new XlsxColumn("Berkas BPJS", 30, Text: true), new XlsxColumn("Diimpor oleh", 18, Text: true), new XlsxColumn("Diimpor pada", 18, Text: true),
        ]);
        foreach (var s in r.BpjsStatuses)
        {
            x.WriteRow(s.Period, s.Kpj, s.Active ? "Aktif" : "Non-aktif", s.ParticipationDate is { } d ? IndonesianFormat.Date(d) : "", s.LastPaidPeriod,
                s.FileName, s.ImportedBy, When(s.ImportedAt));
        }

        x.BeginSheet("Dikirim ke",
        [
            new XlsxColumn("Penerima", 26, Text: true), new XlsxColumn("Waktu (WIB)", 18, Text: true), new XlsxColumn("Oleh", 18, Text: true),
            new XlsxColumn("Penugasan (OPD)", 30, Text: true), new XlsxColumn("Baris dalam berkas", 14), new XlsxColumn("Format", 8, Text: true),
        ]);
        foreach (var d in r.Disclosures)
        {
            x.WriteRow(d.Recipient, When(d.At), d.By ?? "(tidak tercatat)", d.Agency, d.RowsInFile, d.Format);
        }

        x.BeginSheet("Kejadian dan klaim",
        [
            new XlsxColumn("Tanggal", 12, Text: true), new XlsxColumn("Jenis", 18, Text: true), new XlsxColumn("Tempat", 20, Text: true),
            new XlsxColumn("Uraian", 40, Text: true), new XlsxColumn("Program", 8, Text: true), new XlsxColumn("Status klaim", 14, Text: true),
            new XlsxColumn("Dibayar (Rp)", 14), new XlsxColumn("Ahli waris tercatat", 12), new XlsxColumn("Dicatat oleh", 18, Text: true),
        ]);
        foreach (var i in r.Incidents)
        {
            x.WriteRow(IndonesianFormat.Date(i.OccurredOn), i.Kind == IncidentKind.Death ? "Meninggal dunia" : "Kecelakaan kerja", i.Place, i.Description,
                i.Program, i.ClaimStatus?.ToString(), i.AmountPaid, i.Heirs, i.RecordedBy);
        }

        x.BeginSheet("Dokumen",
        [
            new XlsxColumn("Jenis", 20, Text: true), new XlsxColumn("Nama/berkas", 36, Text: true), new XlsxColumn("OPD", 28, Text: true),
            new XlsxColumn("Oleh", 18, Text: true), new XlsxColumn("Waktu (WIB)", 18, Text: true), new XlsxColumn("Diterima", 12, Text: true),
        ]);
        foreach (var d in r.Documents)
        {
            x.WriteRow(d.Kind == SubjectDocumentKind.SubmissionFile ? "Berkas unggahan OPD" : "Dokumen klaim", d.Name, d.Agency, d.By, When(d.At),
                d.Received is null ? "" : d.Received.Value ? (d.ReceivedOn is { } on ? IndonesianFormat.Date(on) : "Ya") : "Belum");
        }

        x.BeginSheet("Asal data",
        [
            new XlsxColumn("Waktu (WIB)", 18, Text: true), new XlsxColumn("Asal", 22, Text: true), new XlsxColumn("Oleh", 18, Text: true),
            new XlsxColumn("OPD/pihak", 28, Text: true), new XlsxColumn("Berkas", 30, Text: true), new XlsxColumn("Keterangan", 40, Text: true),
        ]);
        foreach (var s in r.Sources)
        {
            x.WriteRow(When(s.At), s.Kind switch
            {
                SubjectSourceKind.Submission => "Pengajuan OPD",
                SubjectSourceKind.BpjsFile => "Berkas BPJS",
                _ => "Formulir / perubahan",
            }, s.By, s.Agency, s.FileName, s.Detail);
        }

        x.BeginSheet("Akses dan perubahan",
        [
            new XlsxColumn("Waktu (WIB)", 18, Text: true), new XlsxColumn("Pengguna", 20, Text: true), new XlsxColumn("Alamat IP", 16, Text: true),
            new XlsxColumn("Jenis", 20, Text: true), new XlsxColumn("Tindakan", 22, Text: true), new XlsxColumn("Data", 14, Text: true),
            new XlsxColumn("Keterangan", 40, Text: true), new XlsxColumn("Sebelum", 40, Text: true), new XlsxColumn("Sesudah", 40, Text: true),
        ]);
        foreach (var a in r.Access)
        {
            x.WriteRow(When(a.At), a.UserName, a.IpAddress, AccessKind(a.Kind), a.Action, a.EntityType, a.Detail, a.Before, a.After);
        }

        x.BeginSheet("Keterangan", [new XlsxColumn("Keterangan", 100)]);
        x.WriteNote($"Laporan data pribadi (UU 27/2022 tentang Pelindungan Data Pribadi) dibuat {When(r.ProducedAt)} WIB oleh {r.ProducedBy}.");
        if (r.LimitedToOwnAgency)
        {
            x.WriteNote("Laporan ini terbatas pada data OPD pembuat laporan; laporan lengkap dapat diminta ke Disnakertrans.");
        }

        if (r.AccessTruncated)
        {
            x.WriteNote($"Daftar akses dipotong pada {IndonesianFormat.Number(SubjectReportBuilder.MaxAccessEvents)} peristiwa terbaru.");
        }
    }

    public static string AccessKind(SubjectAccessKind kind) => kind switch
    {
        SubjectAccessKind.Reveal => "NIK lengkap dilihat",
        SubjectAccessKind.Change => "Perubahan data",
        SubjectAccessKind.Verification => "Keputusan verifikasi",
        SubjectAccessKind.Export => "Ekspor",
        SubjectAccessKind.Report => "Laporan data pribadi",
        _ => "Lainnya",
    };

    private static string Verification(VerificationStatus v) => v switch
    {
        VerificationStatus.Verified => "Diverifikasi",
        VerificationStatus.Rejected => "Ditolak",
        _ => "Menunggu verifikasi",
    };

    private static string Registration(RegistrationStatus v) => v switch
    {
        RegistrationStatus.SentToBpjs => "Dikirim ke BPJS",
        RegistrationStatus.Registered => "Terdaftar",
        _ => "Belum didaftarkan",
    };
}
