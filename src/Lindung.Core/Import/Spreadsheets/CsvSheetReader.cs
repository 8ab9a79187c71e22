using System.Text;
using Sylvan.Data.Csv;

namespace Lindung.Core.Import.Spreadsheets;

/// <summary>
/// CSV with <c>,</c> or <c>;</c> (detected from the header line), quoted fields, UTF-8 with or without BOM.
/// Invalid UTF-8 refuses the file with an explanation instead of silently mangling names.
/// </summary>
public sealed class CsvSheetReader : ISheetReader
{
    private readonly Stream stream;
    private readonly CsvDataReader csv;
    private readonly SpreadsheetLimits limits;
    private SheetCell[] cells = [];

    public CsvSheetReader(Stream stream, SpreadsheetLimits? limits = null, bool leaveOpen = false)
    {
        this.stream = stream;
        this.limits = limits ?? SpreadsheetLimits.Default;
        TotalBytes = stream.CanSeek ? stream.Length : 0;
        if (TotalBytes > this.limits.MaxFileBytes)
        {
            throw new UnreadableFileException("file.too_large", ImportMessages.TooLarge(TotalBytes, this.limits.MaxFileBytes));
        }

        var delimiter = DetectDelimiter(stream);
        var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true,
            bufferSize: 1 << 16, leaveOpen: leaveOpen);
        try
        {
            csv = CsvDataReader.Create(reader, new CsvDataReaderOptions
            {
                HasHeaders = false,
                Delimiter = delimiter,
                MaxBufferSize = Math.Max(1 << 20, this.limits.MaxCellChars * 4),
            });
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableFileException("file.encoding", ImportMessages.NotUtf8, e);
        }
    }

    public int RowNumber { get; private set; }

    public IReadOnlyList<SheetCell> Cells => cells;

    public long Position => stream.CanSeek ? stream.Position : 0;

    public long TotalBytes { get; }

    public bool Read()
    {
        try
        {
            if (!csv.Read())
            {
                return false;
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableFileException("file.encoding", ImportMessages.NotUtf8, e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new UnreadableFileException("file.cell_too_large", ImportMessages.CellTooLarge(limits.MaxCellChars), e);
        }
        catch (CsvFormatException e)
        {
            // A quote opened and never closed would otherwise pull every later line into one cell.
            throw new UnreadableFileException("file.csv_malformed", ImportMessages.MalformedCsv(RowNumber + 1), e);
        }

        RowNumber++;
        var count = csv.RowFieldCount;
        if (count > limits.MaxColumns)
        {
            throw new UnreadableFileException("file.too_many_columns", ImportMessages.TooManyColumns(limits.MaxColumns));
        }

        if (cells.Length != count)
        {
            cells = new SheetCell[count];
        }

        for (var i = 0; i < count; i++)
        {
            var text = csv.GetString(i);
            if (text.Length > limits.MaxCellChars)
            {
                throw new UnreadableFileException("file.cell_too_large", ImportMessages.CellTooLarge(limits.MaxCellChars));
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                // NUL never occurs in text: this is UTF-16 without a byte-order mark, or a binary file.
                throw new UnreadableFileException("file.encoding", ImportMessages.BinaryOrUtf16);
            }

            cells[i] = new SheetCell(text);
        }

        return true;
    }

    /// <summary>
    /// Semicolon when the first line has more semicolons than commas outside quotes (Excel saves CSV with
    /// semicolons in the Indonesian locale). Both are ASCII, so the raw UTF-8 bytes can be counted.
    /// </summary>
    private static char DetectDelimiter(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return ',';
        }

        var start = stream.Position;
        var buffer = new byte[16384];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        int commas = 0, semicolons = 0;
        var quoted = false;
        for (var i = 0; i < read; i++)
        {
            var b = buffer[i];
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b is (byte)'\n' or (byte)'\r')
            {
                break;
            }
            else if (!quoted && b == (byte)',')
            {
                commas++;
            }
            else if (!quoted && b == (byte)';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    public void Dispose() => csv.Dispose();
}
