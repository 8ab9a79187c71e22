using System.Globalization;

namespace Lindung.Core.Registry.Validation;

/// <summary>Row messages for users, in Bahasa Indonesia: what is wrong and what to do.</summary>
public static class ValidationMessages
{
    public const string NikMissing = "NIK kosong.";
    public const string NikFormat = "NIK memuat karakter selain angka (spasi, titik dan tanda hubung boleh).";
    public const string NikExcelDamage =
        "NIK berubah karena sel Excel berformat angka — ketik ulang sebagai teks (format sel Teks, atau awali dengan tanda petik ').";
    public const string NikSerial = "Nomor urut NIK (4 digit terakhir) tidak boleh 0000.";
    public const string NikBirthDateMismatch = "Tanggal lahir tidak cocok dengan NIK (peringatan).";
    public const string NikSexMismatch = "Jenis kelamin tidak cocok dengan NIK (peringatan).";
    public const string NameMissing = "Nama kosong.";
    public const string NameInvalid = "Nama memuat angka atau tanda yang tidak lazim untuk nama.";
    public const string BirthDateMissing = "Tanggal lahir kosong.";
    public const string SexInvalid = "Jenis kelamin tidak dikenali (isi L atau P).";
    public const string IncomeInvalid = "Upah/penghasilan bukan angka rupiah yang sah.";
    public const string PhoneInvalid = "Nomor HP tidak dikenali (contoh: 0812-3456-7890); dibiarkan kosong (peringatan).";
    public const string BirthDateTakenFromNik = "Tanggal lahir kosong; diambil dari NIK (peringatan).";

    public const string NipPresent =
        "Baris memuat NIP: ASN (PNS/PPPK) tidak boleh didaftarkan sebagai non-ASN — periksa statusnya (peringatan).";

    public const string PersonDiffers =
        "Nama/tanggal lahir/jenis kelamin berbeda dengan data registri untuk NIK ini; data registri dipertahankan, koreksi lewat halaman pekerja (peringatan).";

    public static string AgeOutOfRange(int age, int? min, int? max) =>
        string.Create(CultureInfo.InvariantCulture, $"Usia {age} tahun di luar batas kategori ({min?.ToString(CultureInfo.InvariantCulture) ?? "-"}–{max?.ToString(CultureInfo.InvariantCulture) ?? "-"} tahun).");

    public static string DuplicateInFile(int firstRow) =>
        string.Create(CultureInfo.InvariantCulture, $"NIK sama dengan baris {firstRow}; baris ini dilewati.");

    public const string ConflictQueued =
        "Orang ini masih tercatat aktif di OPD/kategori lain; dikirim ke antrean konflik Koordinator.";

    public static string NikLength(int length) => length < 16
        ? string.Create(CultureInfo.InvariantCulture, $"NIK hanya {length} digit; harus 16 digit.")
        : string.Create(CultureInfo.InvariantCulture, $"NIK {length} digit; harus 16 digit.");

    public static string NikProvince(string code) => $"Kode provinsi NIK \"{code}\" tidak ada.";

    public static string NikDate(string ddmmyy) => $"Tanggal lahir dalam NIK ({ddmmyy}) bukan tanggal yang sah.";

    public static string NikRegionUnknown(string district) =>
        $"Kode wilayah NIK {district} tidak ada di tabel wilayah Kemendagri 2025 (peringatan; wilayah bisa berubah).";

    public static string BirthDateInvalid(string raw) =>
        $"Tanggal lahir \"{raw}\" tidak dikenali (gunakan 17/08/1980, 1980-08-17 atau 17 Agustus 1980).";

    public static string CategoryUnknown(string raw) => $"Kategori \"{raw}\" tidak dikenal.";

    public static string RegionUnresolved(string raw) => $"Desa/kecamatan \"{raw}\" tidak ditemukan di kabupaten ini (peringatan).";
}
