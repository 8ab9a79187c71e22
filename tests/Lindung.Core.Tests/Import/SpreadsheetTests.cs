using System.IO.Compression;
using System.Text;
using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Core.Tests.Import;

public class SpreadsheetTests
{
    private static List<string[]> ReadAll(ISheetReader reader)
    {
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Cells.Select(c => c.Text).ToArray());
        }

        return rows;
    }

    private static MemoryStream Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
    }

    [Fact]
    public void Csv_CommaWithQuotesAndBom_ReadsFields()
    {
        using var reader = new CsvSheetReader(Csv("NIK,Nama\r\n\"1609014708850001\",\"Siti, S.Pd.\"\r\n", bom: true));

        var rows = ReadAll(reader);

        Assert.Equal(["NIK", "Nama"], rows[0]);
        Assert.Equal(["1609014708850001", "Siti, S.Pd."], rows[1]);
        Assert.Equal(2, reader.RowNumber);
    }

    [Fact]
    public void Csv_Semicolons_AreDetected()
    {
        using var reader = new CsvSheetReader(Csv("NIK;Nama;Upah\n1609014708850001;Siti;1.500.000\n"));

        Assert.Equal(["1609014708850001", "Siti", "1.500.000"], ReadAll(reader)[1]);
    }

    [Fact]
    public void Csv_NotUtf8_IsRefusedWithAnExplanation()
    {
        var latin1 = Encoding.Latin1.GetBytes("NIK,Nama\n1609014708850001,Andr\u00e9\n");
        var e = Assert.Throws<UnreadableFileException>(() =>
        {
            using var reader = new CsvSheetReader(new MemoryStream(latin1));
            ReadAll(reader);
        });

        Assert.Equal("file.encoding", e.Code);
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_Utf16WithoutByteOrderMark_IsRefusedNotReadAsText()
    {
        var utf16 = Encoding.Unicode.GetBytes("NIK;Nama\n1609014708850001;Siti\n");
        using var reader = new CsvSheetReader(new MemoryStream(utf16));

        var e = Assert.Throws<UnreadableFileException>(() => ReadAll(reader));
        Assert.Equal("file.encoding", e.Code);
        Assert.Contains("UTF-16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_QuoteNeverClosed_IsRefusedWithTheRow()
    {
        using var reader = new CsvSheetReader(Csv("NIK;Nama\n1609014708850001;Siti\n1609011208850002;\"Ahmad\n1609011208850003;Budi\n"));

        var e = Assert.Throws<UnreadableFileException>(() => ReadAll(reader));
        Assert.Equal("file.csv_malformed", e.Code);
        Assert.Contains("baris 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_OversizedFile_IsRefusedBeforeReading()
    {
        var e = Assert.Throws<UnreadableFileException>(() =>
            new CsvSheetReader(Csv(new string('x', 2048)), new SpreadsheetLimits { MaxFileBytes = 1024 }));

        Assert.Equal("file.too_large", e.Code);
    }

    [Fact]
    public void Csv_HugeSingleCell_IsRefused()
    {
        using var reader = new CsvSheetReader(Csv("NIK,Nama\n1," + new string('a', 5000) + "\n"), new SpreadsheetLimits { MaxCellChars = 1000 });

        Assert.Equal("file.cell_too_large", Assert.Throws<UnreadableFileException>(() => ReadAll(reader)).Code);
    }

    [Fact]
    public void Xlsx_WrittenByXlsxWriter_RoundTripsTextNumbersAndSheets()
    {
        var file = new MemoryStream();
        using (var w = new XlsxWriter(file))
        {
            w.BeginSheet("Petunjuk", []);
            w.WriteNote("Isi satu baris per pekerja.");
            w.BeginSheet("Data", [new XlsxColumn("NIK", Text: true), new XlsxColumn("Nama"), new XlsxColumn("Upah")]);
            w.WriteRow("1609014708850001", "Siti Nurhayati", 1_500_000L);
            w.WriteRow("1609011208850002", "=HYPERLINK(\"http://x\")", null);
        }

        file.Position = 0;
        using var reader = new XlsxSheetReader(file, "Data");
        var rows = new List<SheetCell[]>();
        while (reader.Read())
        {
            rows.Add([.. reader.Cells]);
        }

        Assert.Equal(["NIK", "Nama", "Upah"], rows[0].Select(c => c.Text));
        Assert.Equal(new SheetCell("1609014708850001"), rows[1][0]);
        Assert.Equal(new SheetCell("1500000", CellKind.Number), rows[1][2]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[2][1].Text);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+62812", "'+62812")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Siti", "Siti")]
    [InlineData("", "")]
    public void Neutralise_FormulaStarts_ArePrefixed(string input, string expected) =>
        Assert.Equal(expected, CellSafety.Neutralise(input));

    [Fact]
    public void Xlsx_ZipBomb_IsRefused()
    {
        var file = MinimalXlsx(sheetXml: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + new string(' ', 60_000_000) + "</sheetData></worksheet>");

        var e = Assert.Throws<UnreadableFileException>(() => ReadAll(new XlsxSheetReader(file)));

        Assert.Equal("file.zip_bomb", e.Code);
    }

    [Fact]
    public void Xlsx_ZipBombWithinRatioButOverTotal_IsRefused()
    {
        var file = MinimalXlsx(sheetXml: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>");

        var e = Assert.Throws<UnreadableFileException>(() => ReadAll(new XlsxSheetReader(file, limits: new SpreadsheetLimits { MaxInflatedBytes = 100 })));

        Assert.Equal("file.zip_bomb", e.Code);
    }

    [Fact]
    public void Xlsx_ExternalEntity_IsRefused()
    {
        var file = MinimalXlsx(sheetXml: "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
            + "<c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>");

        var e = Assert.Throws<UnreadableFileException>(() => ReadAll(new XlsxSheetReader(file)));

        Assert.Equal("file.xml_dtd", e.Code);
    }

    [Fact]
    public void Xlsx_NotAZip_IsRefused()
    {
        var e = Assert.Throws<UnreadableFileException>(() => new XlsxSheetReader(new MemoryStream(Encoding.ASCII.GetBytes("NIK,Nama\n1,2"))));

        Assert.Equal("file.not_xlsx", e.Code);
    }

    [Fact]
    public void Xlsx_SharedStringsNumbersDatesAndGaps_AreReadWithTheirKind()
    {
        var file = MinimalXlsx(
            sheetXml: "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"C3\"><v>1.60901470885E+15</v></c>"
                + "<c r=\"D3\" s=\"1\"><v>29450</v></c><c r=\"E3\" t=\"b\"><v>1</v></c></row></sheetData></worksheet>",
            sharedStrings: "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si>"
                + "<si><r><t>Siti </t></r><r><t>Nurhayati</t></r></si></sst>",
            styles: "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\">"
                + "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
        using var reader = new XlsxSheetReader(file);

        Assert.True(reader.Read());

        Assert.Equal(3, reader.RowNumber);
        Assert.Equal(new SheetCell("Siti Nurhayati"), reader.Cells[0]);
        Assert.Equal(SheetCell.Empty, reader.Cells[1]);
        Assert.Equal(new SheetCell("1.60901470885E+15", CellKind.Number), reader.Cells[2]);
        Assert.Equal(new SheetCell("1980-08-17", CellKind.Date), reader.Cells[3]);
        Assert.Equal("TRUE", reader.Cells[4].Text);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Xlsx_PrefixedElementsAttributesInAnyOrderAndRowsWithoutReferences_AreReadAsExcelShowsThem()
    {
        // Shapes other writers produce: a namespace prefix on every element, Excel's own row attributes (spans, x14ac),
        // attributes in any order, rows and cells without r, empty rows and cells, inline rich text, and a row whose
        // extension element is no cell.
        var file = MinimalXlsx(
            sheetXml: "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\"><x:sheetData>"
                + "<x:row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><x:c t=\"inlineStr\" r=\"A1\"><x:is><x:r><x:t>Sit</x:t></x:r>"
                + "<x:r><x:t>i</x:t></x:r></x:is></x:c><x:c r=\"B1\"/><x:c s=\"0\" r=\"C1\" t=\"str\"><x:v>=x</x:v></x:c></x:row>"
                + "<x:row r=\"2\"/>"
                + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>tanpa r</x:t></x:is></x:c><x:c><x:v>42</x:v></x:c>"
                + "<x:extLst><x:ext uri=\"{00000000-0000-0000-0000-000000000000}\"><x:v>9</x:v></x:ext></x:extLst></x:row>"
                + "<x:row r=\"7\"><x:c r=\"B7\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
                + "</x:sheetData></x:worksheet>",
            sharedStrings: "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Nurhayati</t>"
                + "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si></sst>");
        using var reader = new XlsxSheetReader(file);

        Assert.True(reader.Read());
        Assert.Equal(1, reader.RowNumber);
        Assert.Equal(["Siti", "", "=x"], reader.Cells.Select(c => c.Text));
        Assert.True(reader.Read()); // the empty row 2 holds no cell and is not returned
        Assert.Equal(3, reader.RowNumber);
        Assert.Equal(new SheetCell("tanpa r"), reader.Cells[0]);
        Assert.Equal(new SheetCell("42", CellKind.Number), reader.Cells[1]);
        Assert.Equal(2, reader.Cells.Count);
        Assert.True(reader.Read());
        Assert.Equal(7, reader.RowNumber);
        Assert.Equal([SheetCell.Empty, new SheetCell("Nurhayati")], reader.Cells);
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("29450", "1980-08-17")]
    [InlineData("59", "1900-02-28")]
    [InlineData("61", "1900-03-01")]
    [InlineData("60", "60")]
    public void SerialToIsoDate_Excel1900System_HandlesTheLeapYearBug(string serial, string expected) =>
        Assert.Equal(expected, XlsxSheetReader.SerialToIsoDate(serial));

    /// <summary>A hand-made .xlsx package: the parts a spreadsheet program needs, with the given sheet XML.</summary>
    public static MemoryStream MinimalXlsx(string sheetXml, string? sharedStrings = null, string? styles = null)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }

            Part("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Part("xl/worksheets/sheet1.xml", sheetXml);
            if (sharedStrings is not null)
            {
                Part("xl/sharedStrings.xml", sharedStrings);
            }

            if (styles is not null)
            {
                Part("xl/styles.xml", styles);
            }
        }

        ms.Position = 0;
        return ms;
    }
}
