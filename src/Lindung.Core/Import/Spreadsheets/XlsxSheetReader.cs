using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Lindung.Core.Import.Spreadsheets;

/// <summary>
/// Streams the rows of one sheet of an .xlsx with <see cref="XmlReader"/> straight from the zip: no DOM,
/// DTDs (hence external entities) refused, every part's inflated size capped and its compression ratio
/// checked before and while it is read (zip bombs). Shared and inline strings; numeric, date-formatted,
/// boolean and error cells keep their origin in <see cref="SheetCell.Kind"/>. Formulas are never evaluated:
/// the cached value is read.
/// </summary>
public sealed class XlsxSheetReader : ISheetReader
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private readonly ZipArchive zip;
    private readonly SpreadsheetLimits limits;
    private readonly List<string> sharedStrings = [];
    private readonly bool[] dateStyles;
    private readonly IEnumerator<(int Row, SheetCell[] Cells)> rows;
    private readonly CountingStream counter;
    private readonly long sheetCompressedBytes;

    public XlsxSheetReader(Stream stream, string? sheetName = null, SpreadsheetLimits? limits = null, bool leaveOpen = false)
    {
        this.limits = limits ?? SpreadsheetLimits.Default;
        TotalBytes = stream.CanSeek ? stream.Length : 0;
        if (TotalBytes > this.limits.MaxFileBytes)
        {
            throw new UnreadableFileException("file.too_large", ImportMessages.TooLarge(TotalBytes, this.limits.MaxFileBytes));
        }

        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx, e);
        }

        CheckSizes();
        var sheetPath = FindSheet(sheetName);
        LoadSharedStrings();
        dateStyles = LoadDateStyles();
        var entry = zip.GetEntry(sheetPath) ?? throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx);
        sheetCompressedBytes = entry.CompressedLength;
        counter = OpenLimited(entry);
        rows = ReadRows(XmlReader.Create(counter, XmlSettings)).GetEnumerator();
    }

    public int RowNumber { get; private set; }

    public IReadOnlyList<SheetCell> Cells { get; private set; } = [];

    /// <summary>Approximated from the inflated bytes read and the sheet's compression ratio.</summary>
    public long Position => counter.Length == 0 ? 0 : Math.Min(TotalBytes, (long)((double)counter.BytesRead / counter.Length * sheetCompressedBytes));

    public long TotalBytes { get; }

    public bool Read()
    {
        try
        {
            if (!rows.MoveNext())
            {
                return false;
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException("file.xml_dtd", ImportMessages.XmlDtd, e);
        }
        catch (XmlException e)
        {
            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx, e);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx, e);
        }

        (RowNumber, var cells) = rows.Current;
        Cells = cells;
        return true;
    }

    private void CheckSizes()
    {
        long total = 0;
        foreach (var e in zip.Entries)
        {
            total += e.Length;
            var ratio = e.CompressedLength == 0 ? e.Length : (double)e.Length / e.CompressedLength;
            if (total > limits.MaxInflatedBytes || (e.Length > 1_000_000 && ratio > limits.MaxCompressionRatio))
            {
                throw new UnreadableFileException("file.zip_bomb", ImportMessages.ZipBomb);
            }
        }
    }

    /// <summary>Caps a part at its declared size and the inflated-size limit, whatever its header claims.</summary>
    private CountingStream OpenLimited(ZipArchiveEntry entry)
    {
        var max = Math.Min(limits.MaxInflatedBytes, Math.Max(entry.Length, 1));
        return new CountingStream(entry.Open(), entry.Length, max);
    }

    private XmlReader OpenXml(string path)
    {
        var entry = zip.GetEntry(path) ?? throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx);
        return XmlReader.Create(OpenLimited(entry), XmlSettings);
    }

    private string FindSheet(string? sheetName)
    {
        var sheets = new List<(string Name, string RelId)>();
        using (var xml = Guard(() => OpenXml("xl/workbook.xml")))
        {
            Guard(() =>
            {
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                    {
                        sheets.Add((xml.GetAttribute("name") ?? "",
                            xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ?? ""));
                    }
                }

                return 0;
            });
        }

        if (sheets.Count == 0)
        {
            throw new UnreadableFileException("file.no_sheet", ImportMessages.NoSheet);
        }

        var chosen = sheetName is null
            ? sheets[0]
            : sheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase));
        if (chosen.Name is null)
        {
            throw new UnreadableFileException("file.no_sheet", ImportMessages.SheetNotFound(sheetName!));
        }

        using var rels = Guard(() => OpenXml("xl/_rels/workbook.xml.rels"));
        return Guard(() =>
        {
            while (rels.Read())
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") == chosen.RelId)
                {
                    var target = rels.GetAttribute("Target") ?? "";
                    return target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }

            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx);
        });
    }

    private void LoadSharedStrings()
    {
        if (zip.GetEntry("xl/sharedStrings.xml") is null)
        {
            return;
        }

        using var xml = Guard(() => OpenXml("xl/sharedStrings.xml"));
        var names = new XlsxNames(xml.NameTable);
        Guard(() =>
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                {
                    sharedStrings.Add(ReadText(xml, names));
                }
            }

            return 0;
        });
    }

    /// <summary>Which cell styles format a number as a date (built-in formats 14–22, 45–47, or a custom d/m/y code).</summary>
    private bool[] LoadDateStyles()
    {
        if (zip.GetEntry("xl/styles.xml") is null)
        {
            return [];
        }

        var customDate = new HashSet<int>();
        var styles = new List<bool>();
        using var xml = Guard(() => OpenXml("xl/styles.xml"));
        Guard(() =>
        {
            var inCellXfs = false;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "numFmt"
                    && int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && IsDateFormatCode(xml.GetAttribute("formatCode") ?? ""))
                {
                    customDate.Add(id);
                }
                else if (xml.LocalName == "cellXfs")
                {
                    inCellXfs = xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement;
                }
                else if (inCellXfs && xml.NodeType == XmlNodeType.Element && xml.LocalName == "xf")
                {
                    var fmt = int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    styles.Add(fmt is >= 14 and <= 22 or >= 45 and <= 47 || customDate.Contains(fmt));
                }
            }

            return 0;
        });
        return [.. styles];
    }

    private static bool IsDateFormatCode(string code)
    {
        var inQuote = false;
        var inBracket = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    inQuote = !inQuote;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case ']':
                    inBracket = false;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' when !inQuote && !inBracket:
                    return true;
            }
        }

        return false;
    }

    private IEnumerable<(int Row, SheetCell[] Cells)> ReadRows(XmlReader xml)
    {
        using (xml)
        {
            // Names compared by reference with the reader's own atomised strings, and each element's attributes walked once:
            // a per-row subtree reader and three lookups by name per cell were a fifth of the reader's time (perf profile,
            // docs/performance.md "Stop 17").
            var names = xml.NameTable;
            var rowName = names.Add("row");
            var cellName = names.Add("c");
            var referenceName = names.Add("r");
            var typeName = names.Add("t");
            var styleName = names.Add("s");
            var cellNames = new XlsxNames(names);
            var cells = new List<SheetCell>();
            var rowNumber = 0;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, rowName))
                {
                    continue;
                }

                string? rowReference = null;
                while (xml.MoveToNextAttribute())
                {
                    if (ReferenceEquals(xml.LocalName, referenceName) && xml.NamespaceURI.Length == 0)
                    {
                        rowReference = xml.Value;
                    }
                }

                xml.MoveToElement();
                rowNumber = int.TryParse(rowReference, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                cells.Clear();
                if (xml.IsEmptyElement)
                {
                    continue;
                }

                var rowDepth = xml.Depth;
                while (xml.Read() && xml.Depth > rowDepth)
                {
                    if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, cellName))
                    {
                        continue;
                    }

                    string? reference = null, type = null, style = null;
                    while (xml.MoveToNextAttribute())
                    {
                        if (xml.NamespaceURI.Length != 0)
                        {
                            continue;
                        }

                        var name = xml.LocalName;
                        if (ReferenceEquals(name, referenceName))
                        {
                            reference = xml.Value;
                        }
                        else if (ReferenceEquals(name, typeName))
                        {
                            type = xml.Value;
                        }
                        else if (ReferenceEquals(name, styleName))
                        {
                            style = xml.Value;
                        }
                    }

                    xml.MoveToElement();
                    var column = ColumnIndex(reference, cells.Count);
                    if (column >= limits.MaxColumns)
                    {
                        throw new UnreadableFileException("file.too_many_columns", ImportMessages.TooManyColumns(limits.MaxColumns));
                    }

                    var cell = ReadCell(xml, cellNames, type, style);
                    while (cells.Count < column)
                    {
                        cells.Add(SheetCell.Empty);
                    }

                    cells.Add(cell);
                }

                yield return (rowNumber, cells.ToArray());
            }
        }
    }

    /// <summary>Reads the cell the reader is on, leaving it on the cell's end (or on the cell itself when it is empty).</summary>
    private SheetCell ReadCell(XmlReader c, XlsxNames names, string? type, string? styleText)
    {
        var style = int.TryParse(styleText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (c.IsEmptyElement)
        {
            return SheetCell.Empty;
        }

        string? value = null;
        string? inline = null;
        var depth = c.Depth;
        while (c.Read() && c.Depth > depth)
        {
            if (c.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (ReferenceEquals(c.LocalName, names.Value))
            {
                value = c.ReadElementContentAsString();
                if (c.NodeType == XmlNodeType.EndElement && c.Depth == depth)
                {
                    break;
                }
            }
            else if (ReferenceEquals(c.LocalName, names.InlineString))
            {
                inline = ReadText(c, names);
            }
        }

        var cell = type switch
        {
            "s" => new SheetCell(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count
                ? sharedStrings[i]
                : ""),
            "inlineStr" => new SheetCell(inline ?? ""),
            "str" => new SheetCell(value ?? ""),
            "b" => new SheetCell(value == "1" ? "TRUE" : "FALSE"),
            "e" => new SheetCell(value ?? "#ERROR"),
            "d" => new SheetCell(value ?? "", CellKind.Date),
            _ when value is null => SheetCell.Empty,
            _ when style < dateStyles.Length && dateStyles[style] => new SheetCell(SerialToIsoDate(value), CellKind.Date),
            _ => new SheetCell(value, CellKind.Number),
        };
        if (cell.Text.Length > limits.MaxCellChars)
        {
            throw new UnreadableFileException("file.cell_too_large", ImportMessages.CellTooLarge(limits.MaxCellChars));
        }

        return cell;
    }

    /// <summary>An Excel date serial (1900 system, with its fictitious 29 Feb 1900) as yyyy-MM-dd; other text unchanged.</summary>
    internal static string SerialToIsoDate(string serial)
    {
        if (!double.TryParse(serial, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < 1 || d >= 2_958_466)
        {
            return serial;
        }

        var days = (int)Math.Floor(d);
        if (days == 60)
        {
            return serial; // 29/02/1900 does not exist; the date parser reports it.
        }

        var date = new DateOnly(1899, 12, 31).AddDays(days > 60 ? days - 1 : days);
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The text of an si/is element, leaving the reader on its end element.</summary>
    private static string ReadText(XmlReader xml, XlsxNames names)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        // Almost always one t: its string is returned as it is, without a builder.
        string? first = null;
        System.Text.StringBuilder? more = null;
        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            // Phonetic runs (rPh) repeat the text in another script; only t directly under si/is or under r counts. Skip and
            // ReadElementContentAsString already stand on the next node, which is looked at before reading further.
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.Phonetic))
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.Text))
            {
                var part = xml.ReadElementContentAsString();
                if (first is null)
                {
                    first = part;
                }
                else
                {
                    (more ??= new System.Text.StringBuilder(first)).Append(part);
                }
            }
            else if (!xml.Read())
            {
                break;
            }
        }

        return more?.ToString() ?? first ?? "";
    }

    /// <summary>The element names the reader compares, atomised in one reader's name table (compared by reference).</summary>
    private sealed class XlsxNames(XmlNameTable table)
    {
        public string Value { get; } = table.Add("v");

        public string InlineString { get; } = table.Add("is");

        public string Text { get; } = table.Add("t");

        public string Phonetic { get; } = table.Add("rPh");
    }

    private static int ColumnIndex(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                index = index * 26 + (ch - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return index - 1;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException("file.xml_dtd", ImportMessages.XmlDtd, e);
        }
        catch (XmlException e)
        {
            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx, e);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableFileException("file.not_xlsx", ImportMessages.NotXlsx, e);
        }
    }

    public void Dispose()
    {
        rows.Dispose();
        zip.Dispose();
    }

    /// <summary>Counts inflated bytes and stops a part that inflates past its cap (its header may lie).</summary>
    private sealed class CountingStream(Stream inner, long declared, long max) : Stream
    {
        public long BytesRead { get; private set; }

        public override long Length => declared;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int n)
        {
            BytesRead += n;
            if (BytesRead > max)
            {
                throw new UnreadableFileException("file.zip_bomb", ImportMessages.ZipBomb);
            }

            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
