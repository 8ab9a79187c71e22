using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Core.Import;

/// <summary>Opens an uploaded file by its content, not its name: a zip signature means XLSX, anything else CSV.</summary>
public static class SpreadsheetFiles
{
    /// <summary>A reader of the file's rows; <paramref name="leaveOpen"/> keeps the stream open when the reader is disposed.</summary>
    public static ISheetReader Open(Stream file, string fileName, string? sheet, SpreadsheetLimits limits, bool leaveOpen = false)
    {
        var start = file.Position;
        Span<byte> magic = stackalloc byte[4];
        var read = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = start;
        var isZip = read == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        if (!isZip && fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx);
        }

        if (isZip && fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException("file.not_csv", ImportMessages.NotCsv);
        }

        return isZip ? new XlsxSheetReader(file, sheet, limits, leaveOpen) : new CsvSheetReader(file, limits, leaveOpen);
    }
}
