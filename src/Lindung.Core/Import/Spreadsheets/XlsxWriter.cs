using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Lindung.Core.Import.Spreadsheets;

/// <summary>A column of an exported sheet; <see cref="Text"/> formats it as text (NIK, KPJ, phone).</summary>
public sealed record XlsxColumn(string Header, double Width = 16, bool Text = false);

/// <summary>
/// Writes an .xlsx sheet by sheet, row by row, straight into a zip (memory stays flat for any row count).
/// Strings are inline, every text cell passes <see cref="CellSafety.Neutralise"/>, text columns carry the
/// "@" number format so Excel keeps 16-digit NIKs intact when a user types into them.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Style indexes in styles.xml below.
    private const int StyleHeader = 1;
    private const int StyleText = 2;
    private const int StyleWrap = 3;

    private readonly ZipArchive zip;
    private readonly List<string> sheets = [];
    private XmlWriter? sheet;
    private IReadOnlyList<XlsxColumn> columns = [];
    private int row;

    public XlsxWriter(Stream output)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }

    /// <summary>Starts a sheet with a bold, frozen header row.</summary>
    public void BeginSheet(string name, IReadOnlyList<XlsxColumn> sheetColumns)
    {
        EndSheet();
        sheets.Add(name);
        columns = sheetColumns;
        row = 0;
        var entry = zip.CreateEntry($"xl/worksheets/sheet{sheets.Count}.xml", CompressionLevel.Fastest);
        sheet = XmlWriter.Create(entry.Open(), new XmlWriterSettings { CloseOutput = true, Encoding = new System.Text.UTF8Encoding(false) });
        sheet.WriteStartDocument(true);
        sheet.WriteStartElement("worksheet", MainNs);
        sheet.WriteStartElement("sheetViews");
        sheet.WriteStartElement("sheetView");
        sheet.WriteAttributeString("workbookViewId", "0");
        if (columns.Count > 0)
        {
            sheet.WriteStartElement("pane");
            sheet.WriteAttributeString("ySplit", "1");
            sheet.WriteAttributeString("topLeftCell", "A2");
            sheet.WriteAttributeString("activePane", "bottomLeft");
            sheet.WriteAttributeString("state", "frozen");
            sheet.WriteEndElement();
        }

        sheet.WriteEndElement();
        sheet.WriteEndElement();
        if (columns.Count > 0)
        {
            sheet.WriteStartElement("cols");
            for (var i = 0; i < columns.Count; i++)
            {
                sheet.WriteStartElement("col");
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                sheet.WriteAttributeString("min", n);
                sheet.WriteAttributeString("max", n);
                sheet.WriteAttributeString("width", columns[i].Width.ToString(CultureInfo.InvariantCulture));
                sheet.WriteAttributeString("customWidth", "1");
                if (columns[i].Text)
                {
                    sheet.WriteAttributeString("style", StyleText.ToString(CultureInfo.InvariantCulture));
                }

                sheet.WriteEndElement();
            }

            sheet.WriteEndElement();
        }

        sheet.WriteStartElement("sheetData");
        if (columns.Count > 0)
        {
            WriteCells(columns.Select(c => (object?)c.Header).ToArray(), StyleHeader);
        }
    }

    /// <summary>Writes one row: strings (neutralised), whole numbers, decimals, dates (as dd/mm/yyyy text) or nulls.</summary>
    public void WriteRow(params object?[] values) => WriteCells(values, null);

    /// <summary>A row of wrapped text, for instruction sheets.</summary>
    public void WriteNote(string text) => WriteCells([text], StyleWrap);

    private void WriteCells(object?[] values, int? style)
    {
        var w = sheet ?? throw new InvalidOperationException("BeginSheet first.");
        row++;
        w.WriteStartElement("row");
        w.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                continue;
            }

            w.WriteStartElement("c");
            w.WriteAttributeString("r", CellRef(i, row));
            var cellStyle = style ?? (i < columns.Count && columns[i].Text ? StyleText : 0);
            if (cellStyle != 0)
            {
                w.WriteAttributeString("s", cellStyle.ToString(CultureInfo.InvariantCulture));
            }

            switch (values[i])
            {
                case long or int or short or decimal or double when !(i < columns.Count && columns[i].Text):
                    w.WriteElementString("v", Convert.ToString(values[i], CultureInfo.InvariantCulture));
                    break;
                default:
                    w.WriteAttributeString("t", "inlineStr");
                    w.WriteStartElement("is");
                    w.WriteStartElement("t");
                    w.WriteAttributeString("xml", "space", null, "preserve");
                    w.WriteString(CellSafety.Neutralise(Format(values[i]!)));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private void EndSheet()
    {
        if (sheet is null)
        {
            return;
        }

        sheet.WriteEndElement(); // sheetData
        sheet.WriteEndElement(); // worksheet
        sheet.WriteEndDocument();
        sheet.Dispose();
        sheet = null;
    }

    public void Dispose()
    {
        EndSheet();
        WritePart("[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++)
            {
                Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            w.WriteEndElement();
        });
        WritePart("_rels/.rels", w => Relationships(w, [("rId1",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]));
        WritePart("xl/_rels/workbook.xml.rels", w => Relationships(w,
            [.. sheets.Select((_, i) => ($"rId{i + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i + 1}.xml")),
             ($"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")]));
        WritePart("xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", MainNs);
            w.WriteAttributeString("xmlns", "r", null, RelNs);
            w.WriteStartElement("sheets");
            for (var i = 0; i < sheets.Count; i++)
            {
                w.WriteStartElement("sheet");
                w.WriteAttributeString("name", sheets[i]);
                w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("id", RelNs, $"rId{i + 1}");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        });
        WriteRawPart("xl/styles.xml",
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?><styleSheet xmlns=\"" + MainNs + "\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7F1EC\"/></patternFill></fill></fills>"
            + "<borders count=\"1\"><border/></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf></cellXfs>"
            + "</styleSheet>");
        zip.Dispose();
    }

    private void WritePart(string path, Action<XmlWriter> write)
    {
        using var w = XmlWriter.Create(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new XmlWriterSettings { CloseOutput = true, Encoding = new System.Text.UTF8Encoding(false) });
        w.WriteStartDocument(true);
        write(w);
        w.WriteEndDocument();
    }

    private void WriteRawPart(string path, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        w.Write(xml);
    }

    private static void Default(XmlWriter w, string ext, string type)
    {
        w.WriteStartElement("Default");
        w.WriteAttributeString("Extension", ext);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string part, string type)
    {
        w.WriteStartElement("Override");
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    private static void Relationships(XmlWriter w, IEnumerable<(string Id, string Type, string Target)> rels)
    {
        w.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
        foreach (var (id, type, target) in rels)
        {
            w.WriteStartElement("Relationship");
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static string CellRef(int column, int rowNumber)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + rowNumber.ToString(CultureInfo.InvariantCulture);
    }
}
