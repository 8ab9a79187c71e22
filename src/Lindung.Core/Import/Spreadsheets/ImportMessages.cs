using System.Globalization;
using Lindung.Core.Formatting;

namespace Lindung.Core.Import.Spreadsheets;

/// <summary>File-level messages for users, in Bahasa Indonesia.</summary>
public static class ImportMessages
{
    public const string NotUtf8 =
        "Berkas CSV tidak berkodekan UTF-8. Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\", lalu unggah lagi.";

    public const string BinaryOrUtf16 =
        "Berkas CSV berisi karakter biner (NUL): berkas ini bukan teks UTF-8 (mungkin UTF-16/\"Teks Unicode\" atau berkas lain yang diberi nama .csv). "
        + "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\", lalu unggah lagi.";

    public static string MalformedCsv(int row) => string.Create(CultureInfo.InvariantCulture,
        $"Berkas CSV rusak di sekitar baris {IndonesianFormat.Number(row)}: ada tanda kutip (\") yang dibuka tetapi tidak ditutup dengan benar. Perbaiki baris itu lalu unggah lagi.");

    public const string NotXlsx =
        "Berkas bukan lembar kerja Excel .xlsx yang sah (mungkin .xls lama, rusak, atau berganti nama). Simpan ulang sebagai .xlsx.";

    public const string XmlDtd =
        "Berkas Excel memuat deklarasi DTD/entitas XML yang tidak diizinkan. Simpan ulang dari Excel atau LibreOffice.";

    public const string ZipBomb =
        "Berkas Excel ditolak: isinya mengembang jauh melebihi batas wajar (kemungkinan berkas berbahaya atau rusak).";

    public const string NoSheet = "Berkas Excel tidak memiliki lembar kerja.";

    public static string TooLarge(long size, long max) => string.Create(CultureInfo.InvariantCulture,
        $"Berkas terlalu besar ({IndonesianFormat.Number(size / 1024 / 1024)} MB); batasnya {IndonesianFormat.Number(max / 1024 / 1024)} MB. Pecah menjadi beberapa berkas.");

    public static string CellTooLarge(int max) => string.Create(CultureInfo.InvariantCulture,
        $"Ada sel yang berisi lebih dari {IndonesianFormat.Number(max)} karakter; berkas ditolak.");

    public static string TooManyColumns(int max) => string.Create(CultureInfo.InvariantCulture,
        $"Berkas memiliki lebih dari {max} kolom; gunakan templat Lindung.");

    public static string SheetNotFound(string name) => $"Lembar kerja \"{name}\" tidak ditemukan di berkas Excel.";
}
