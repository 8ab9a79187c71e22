using Lindung.Core.Formatting;
using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Core.Audit;

/// <summary>An audit search result as XLSX through <see cref="XlsxWriter"/> (text cells neutralised against formulas).</summary>
public static class AuditExport
{
    public static void Write(Stream output, IEnumerable<AuditEvent> events, string criteria, bool truncated)
    {
        using var xlsx = new XlsxWriter(output);
        xlsx.BeginSheet("Jejak Audit",
        [
            new XlsxColumn("Waktu (WIB)", 18, Text: true), new XlsxColumn("Pengguna", 20, Text: true), new XlsxColumn("Alamat IP", 16, Text: true),
            new XlsxColumn("Tindakan", 24, Text: true), new XlsxColumn("Jenis Data", 18, Text: true), new XlsxColumn("ID Data", 38, Text: true),
            new XlsxColumn("Keterangan", 40, Text: true), new XlsxColumn("Sebelum", 40, Text: true), new XlsxColumn("Sesudah", 40, Text: true),
        ]);
        foreach (var e in events)
        {
            xlsx.WriteRow(IndonesianFormat.DateTime(e.At, IndonesianFormat.Wib), e.UserName, e.IpAddress, e.Action, e.EntityType, e.EntityId,
                e.Detail, e.Before, e.After);
        }

        xlsx.BeginSheet("Keterangan", [new XlsxColumn("Keterangan", 100)]);
        xlsx.WriteNote("Kriteria pencarian: " + criteria);
        if (truncated)
        {
            xlsx.WriteNote($"Hasil dipotong pada {IndonesianFormat.Number(AuditSearch.MaxExportRows)} baris terbaru; persempit pencarian untuk sisanya.");
        }
    }
}
