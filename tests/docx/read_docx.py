#!/usr/bin/env python3
"""Reads a .docx with python-docx (a reader jixiao did not write) and prints
JSON of what a word processor would show, for tests/cli.rs to compare:

    {"body": [                         the body in order
        {"paragraph": "1.…绩效目标表", "page_break_before": true,
         "alignment": "CENTER"},
        {"table": [[cell text, …], …],   one entry per grid position; a
                                         merged cell's text at every
                                         position it covers
         "merges": [[r0, c0, r1, c1], …]} regions one cell covers
     ],
     "sections": [{"width_mm": 210, "height_mm": 297,
                   "orientation": "PORTRAIT"}],
     "east_asia_fonts": ["宋体", …]}     w:eastAsia fonts of runs and styles

Usage: read_docx.py FILE.docx
"""

import json
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def table_json(table):
    rows, cols = len(table.rows), len(table.columns)
    # One _Cell per grid position, the same object wherever a merged cell
    # spans (python-docx's layout grid, which table.cell() reads from).
    grid = table._cells
    cells = [grid[r * cols : (r + 1) * cols] for r in range(rows)]
    seen = {}
    for r in range(rows):
        for c in range(cols):
            key = id(cells[r][c])
            r0, c0, r1, c1 = seen.get(key, (r, c, r, c))
            seen[key] = (min(r0, r), min(c0, c), max(r1, r), max(c1, c))
    merges = sorted(list(m) for m in seen.values() if m[0] != m[2] or m[1] != m[3])
    return {
        "table": [[cell.text for cell in row] for row in cells],
        "merges": merges,
    }


def main():
    document = docx.Document(sys.argv[1])
    body = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = Paragraph(child, document)
            body.append(
                {
                    "paragraph": p.text,
                    "page_break_before": bool(p.paragraph_format.page_break_before),
                    "alignment": p.alignment.name if p.alignment is not None else None,
                }
            )
        elif child.tag == qn("w:tbl"):
            body.append(table_json(Table(child, document)))
    sections = [
        {
            "width_mm": round(s.page_width.mm),
            "height_mm": round(s.page_height.mm),
            "orientation": s.orientation.name,
        }
        for s in document.sections
    ]
    fonts = set()
    for part in (document.element, document.styles.element):
        for f in part.iter(qn("w:rFonts")):
            if f.get(qn("w:eastAsia")):
                fonts.add(f.get(qn("w:eastAsia")))
    json.dump(
        {"body": body, "sections": sections, "east_asia_fonts": sorted(fonts)},
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )


if __name__ == "__main__":
    main()
