using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Core.Import;

/// <summary>
/// The problem rows as an XLSX to fix and upload again: the original columns (NIK as text), then "Baris"
/// (row in the uploaded file) and "Keterangan" (what is wrong). Every cell is formula-neutralised.
/// </summary>
public static class ErrorReport
{
    public static void Write(Stream output, WorkerImportReport report)
    {
        using var xlsx = new XlsxWriter(output);
        var columns = report.Headers
            .Select(h => new XlsxColumn(h, Width: Math.Clamp(h.Length + 6, 10, 30), Text: true))
            .Append(new XlsxColumn("Baris", 8))
            .Append(new XlsxColumn("Keterangan", 80))
            .ToList();
        xlsx.BeginSheet("Perbaiki", columns);
        foreach (var p in report.Problems)
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < report.Headers.Count; i++)
            {
                values[i] = i < p.Cells.Length ? p.Cells[i] : null;
            }

            values[^2] = (long)p.RowNumber;
            values[^1] = (p.Rejected ? "DITOLAK: " : "") + p.Explanation;
            xlsx.WriteRow(values);
        }

        if (report.ProblemsTruncated)
        {
            xlsx.WriteRow($"Hanya {WorkerImportReport.MaxProblemsKept} baris bermasalah pertama yang dicantumkan.");
        }
    }
}
