#!/usr/bin/env python3
"""Adds or replaces UI strings in both resource files, keeping them sorted by key.

usage: tools/resx-add.py STRINGS.tsv   (lines: key<TAB>Bahasa Indonesia<TAB>English)
"""
import re
import sys
from xml.sax.saxutils import escape

RESX = {
    1: "src/Lindung.Web/Resources/SharedResource.resx",
    2: "src/Lindung.Web/Resources/SharedResource.en.resx",
}
ENTRY = re.compile(r'  <data name="([^"]+)" xml:space="preserve">\n    <value>(.*?)</value>\n  </data>\n', re.S)


def main(tsv):
    rows = [line.rstrip("\n").split("\t") for line in open(tsv, encoding="utf-8") if line.strip()]
    for row in rows:
        if len(row) != 3:
            sys.exit(f"need 3 tab-separated fields: {row}")
    for column, path in RESX.items():
        text = open(path, encoding="utf-8").read()
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
    main(sys.argv[1])
