#!/usr/bin/env python3
"""Adds or replaces UI strings in a pair of resource files, keeping them sorted by key.

usage: tools/resx-add.py STRINGS.tsv [BASE]   (lines: key<TAB>Bahasa Indonesia<TAB>English)

BASE is the path of a resource pair without ".resx": BASE.resx (Bahasa Indonesia, the neutral language) and
BASE.en.resx (English). Without it, the web app's src/Lindung.Web/Resources/SharedResource; the command-line tool's
are src/Lindung.Cli/Resources/CliText. Files that do not exist yet are created.
"""
import os
import re
import sys
from xml.sax.saxutils import escape

DEFAULT_BASE = "src/Lindung.Web/Resources/SharedResource"
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve">\n    <value>(.*?)</value>\n  </data>\n', re.S)
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def main(tsv, base=DEFAULT_BASE):
    rows = [line.rstrip("\n").split("\t") for line in open(tsv, encoding="utf-8") if line.strip()]
    for row in rows:
        if len(row) != 3:
            sys.exit(f"need 3 tab-separated fields: {row}")
    for column, path in {1: base + ".resx", 2: base + ".en.resx"}.items():
        text = open(path, encoding="utf-8").read() if os.path.exists(path) else HEADER + "</root>\n"
        first = ENTRY.search(text)
        head = text[: first.start()] if first else text[: text.rindex("</root>")]
        entries = {m.group(1): m.group(2) for m in ENTRY.finditer(text)}
        for row in rows:
            entries[row[0]] = escape(row[column])
        body = "".join(
            f'  <data name="{k}" xml:space="preserve">\n    <value>{v}</value>\n  </data>\n'
            for k, v in sorted(entries.items())
        )
        open(path, "w", encoding="utf-8").write(head + body + "</root>\n")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(*sys.argv[1:])
