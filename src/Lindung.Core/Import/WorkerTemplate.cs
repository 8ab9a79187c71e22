using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;

namespace Lindung.Core.Import;

/// <summary>
/// The Excel template an OPD fills: a "Data" sheet (NIK formatted as text so Excel cannot damage it), an
/// instructions sheet and a sheet of valid codes (kecamatan, desa, categories).
/// </summary>
public static class WorkerTemplate
{
    public static void Write(Stream output, WorkerCategory category, IReadOnlyList<Region> tenantRegions, IReadOnlyList<WorkerCategory> categories)
    {
        using var x = new XlsxWriter(output);
        var amount = category.Scheme == Scheme.BPU ? "Penghasilan" : "Upah";
        x.BeginSheet("Data",
        [
            new("NIK", 20, Text: true), new("Nama", 28), new("Tempat Lahir", 16), new("Tanggal Lahir", 14, Text: true), new("JK", 5),
            new("Alamat", 30), new("Desa", 20), new("Kecamatan", 20), new("No HP", 16, Text: true), new(amount, 14),
            new("Jabatan", 20), new("TMT", 12, Text: true), new("NIP", 20, Text: true),
        ]);
        x.BeginSheet("Petunjuk", [new XlsxColumn("Petunjuk pengisian — " + category.Name, 110)]);
        foreach (var line in new[]
        {
            "Isi satu baris per pekerja di lembar Data, mulai baris 2. Jangan mengubah judul kolom di baris 1.",
            "NIK: 16 digit persis seperti di KTP. Kolom NIK sudah berformat Teks; jika menyalin dari berkas lain, tempel sebagai teks (jangan biarkan Excel mengubahnya menjadi 1,60901E+15).",
            "Nama: sesuai KTP. Gelar boleh ditulis (H., Hj., S.Pd.); Lindung menyimpannya terpisah.",
            "Tanggal Lahir dan TMT: dd/mm/yyyy, misalnya 17/08/1980. Jika Tanggal Lahir kosong, diambil dari NIK (dengan peringatan).",
            "JK: L atau P. No HP: nomor seluler, misalnya 0812-3456-7890.",
            $"{amount}: rupiah per bulan tanpa desimal, misalnya 1500000." + (category.DefaultIncome is { } d ? $" Jika kosong dipakai {d:N0}." : ""),
            "Desa dan Kecamatan: tulis nama seperti di lembar Kode.",
            "NIP hanya diisi bila ada; ASN (PNS/PPPK) tidak boleh didaftarkan sebagai non-ASN.",
            "Simpan sebagai .xlsx (atau CSV UTF-8), lalu unggah di menu Pengajuan → Unggah berkas. Baris bermasalah dapat diunduh kembali lengkap dengan Keterangan.",
        })
        {
            x.WriteNote(line);
        }

        x.BeginSheet("Kode", [new("Kode kecamatan", 16, Text: true), new("Kecamatan", 30), new("Kode desa", 18, Text: true), new("Desa/kelurahan", 30)]);
        var districts = tenantRegions.Where(r => r.Level == RegionLevel.District).ToDictionary(r => r.Code, r => r.Name);
        foreach (var v in tenantRegions.Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            x.WriteRow(v.ParentCode, districts.GetValueOrDefault(v.ParentCode!), v.Code, v.Name);
        }

        x.BeginSheet("Kategori", [new("Kode", 22, Text: true), new("Nama", 30), new("Skema", 8)]);
        foreach (var c in categories)
        {
            x.WriteRow(c.Code, c.Name, c.Scheme.ToString().ToUpperInvariant());
        }
    }
}
