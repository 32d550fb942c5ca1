#!/usr/bin/env python3
"""Writes tests/fixtures/tianjin-2025-tables-1-8.docx with python-docx, not
with jixiao's own writer: the eight published tables of
tests/fixtures/tianjin-2025-expected.json, each after its title and unit
paragraphs, as a Word author lays them out:

    N.<项目名称>绩效目标表                       (a paragraph; a bookmark on
                                                  even tables, as published)
    331202<单位名称>      单位：万元              (one paragraph with a right
                                                  tab stop on odd tables, two
                                                  paragraphs on even ones, a
                                                  borderless first table row
                                                  on tables 3 and 6)
    项目名称 | <项目名称>                          (a 7-column table)
    预算规模及资金用途 | 预算数 | … | 其他资金 | … (merged down two rows)
                       | <资金用途>
    绩效目标 | 1.<goal> …
    一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值
    产出指标 | 数量指标 | …                        (一级 and 二级 merged down
             | 质量指标 | …                         their rows with cell.merge)

On even tables the indicators are a second, 5-column table right after the
first, as in the published documents. Each table after the first starts a
new page.

Usage: make_fixture.py [OUT.docx]   (default: the fixture path)
"""

import json
import sys
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests/fixtures/tianjin-2025-expected.json"
OUT = ROOT / "tests/fixtures/tianjin-2025-tables-1-8.docx"


def east_asia(run, font):
    run.font.name = "Times New Roman"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def set_lines(cell, lines):
    """The cell's text, one paragraph per line."""
    cell.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def bookmark(paragraph, n):
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(n))
    start.set(qn("w:name"), f"_Toc_4_4_{n:010d}")
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(n))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def amount(value):
    return "" if value is None else value


def runs(keys):
    """(start, end) of each run of equal consecutive keys."""
    out, i = [], 0
    while i < len(keys):
        j = i
        while j + 1 < len(keys) and keys[j + 1] == keys[i]:
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def goal_line(i, goal):
    # The published text writes "1. 1.开展…" when a goal carries its own number.
    sep = " " if goal[:1].isdigit() else ""
    return f"{i}.{sep}{goal}"


def indicator_rows(table, first, cols, indicators):
    """Fills rows first.. with the indicators; cols = (一级, 二级, 三级,
    描述, 指标值) start columns and the spans of 三级 and 描述."""
    (c1, c2, c3, c4, c5), span = cols
    for k, ind in enumerate(indicators):
        row = first + k
        table.cell(row, c3).merge(table.cell(row, c3 + span - 1)).text = ind["name"]
        table.cell(row, c4).merge(table.cell(row, c4 + span - 1)).text = ind["description"]
        table.cell(row, c5).text = ind["value"]
    level1 = [ind["level1"] for ind in indicators]
    for a, b in runs(level1):
        top = table.cell(first + a, c1)
        if b > a:
            top = top.merge(table.cell(first + b, c1))
        top.text = level1[a]
        level2 = [ind["level2"] for ind in indicators[a : b + 1]]
        for x, y in runs(level2):
            cell = table.cell(first + a + x, c2)
            if y > x:
                cell = cell.merge(table.cell(first + a + y, c2))
            cell.text = level2[x]


def header(table, row, labels_at):
    for col, span, label in labels_at:
        cell = table.cell(row, col)
        if span > 1:
            cell = cell.merge(table.cell(row, col + span - 1))
        cell.text = label


def add_table(document, n, t):
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.page_break_before = n > 1
    run = title.add_run(f"{n}.{t['project']}绩效目标表")
    run.bold = True
    run.font.size = Pt(16)
    east_asia(run, "宋体")
    if n % 2 == 0:
        bookmark(title, n)

    unit = f"{t['unit_code']}{t['unit_name']}"
    money = f"单位：{t['money_unit']}"
    # Tables 3 and 6 carry the unit line in a borderless first row of the
    # table, as some published documents do.
    unit_row = n % 3 == 0
    if not unit_row and n % 2:
        p = document.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Pt(480), WD_TAB_ALIGNMENT.RIGHT)
        east_asia(p.add_run(f"{unit}\t{money}"), "仿宋")
    elif not unit_row:
        east_asia(document.add_paragraph().add_run(unit), "仿宋")
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        east_asia(p.add_run(money), "仿宋")

    inds = t["indicators"]
    separate = n % 2 == 0
    o = 1 if unit_row else 0
    head_rows = 4 + o
    rows = head_rows + (0 if separate else 1 + len(inds))
    table = document.add_table(rows=rows, cols=7)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if unit_row:
        east_asia(table.cell(0, 0).merge(table.cell(0, 4)).paragraphs[0].add_run(unit), "仿宋")
        money_cell = table.cell(0, 5).merge(table.cell(0, 6))
        money_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        east_asia(money_cell.paragraphs[0].add_run(money), "仿宋")
        for tc in (table.cell(0, 0)._tc, table.cell(0, 5)._tc):
            borders = OxmlElement("w:tcBorders")
            for side in ("top", "left", "right"):
                edge = OxmlElement(f"w:{side}")
                edge.set(qn("w:val"), "nil")
                borders.append(edge)
            tc.get_or_add_tcPr().append(borders)

    table.cell(o, 0).text = "项目名称"
    table.cell(o, 1).merge(table.cell(o, 6)).text = t["project"]
    block = table.cell(o + 1, 0).merge(table.cell(o + 2, 0))
    block.text = "预算规模及资金用途"
    b = t["budget"]
    for col, text in enumerate(
        ["预算数", amount(b["total"]), "其中：财政资金", amount(b["fiscal"]), "其他资金", amount(b["other"])],
        start=1,
    ):
        table.cell(o + 1, col).text = text
    table.cell(o + 2, 1).merge(table.cell(o + 2, 6)).text = t["purpose"]
    table.cell(o + 3, 0).text = "绩效目标"
    set_lines(
        table.cell(o + 3, 1).merge(table.cell(o + 3, 6)),
        [goal_line(i, g) for i, g in enumerate(t["goals"], start=1)],
    )

    if separate:
        document.add_paragraph()
        ind_table = document.add_table(rows=1 + len(inds), cols=5)
        ind_table.style = "Table Grid"
        labels = [(c, 1, l) for c, l in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"])]
        header(ind_table, 0, labels)
        indicator_rows(ind_table, 1, ((0, 1, 2, 3, 4), 1), inds)
    else:
        h = head_rows
        header(table, h, [(0, 1, "一级指标"), (1, 1, "二级指标"), (2, 2, "三级指标"), (4, 2, "绩效指标描述"), (6, 1, "指标值")])
        indicator_rows(table, h + 1, ((0, 1, 2, 4, 6), 2), inds)


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    tables = json.loads(EXPECTED.read_text(encoding="utf-8"))["tables"]
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    # python-docx's template starts with no paragraph; the first table's
    # title is the first paragraph.
    for n, t in enumerate(tables, start=1):
        add_table(document, n, t)
    # The same bytes every run: a fixed date in the document properties.
    import datetime

    fixed = datetime.datetime(2025, 1, 1)
    core = document.core_properties
    core.created = core.modified = fixed
    core.last_printed = fixed
    core.revision = 1
    core.author = core.last_modified_by = "jixiao tests"
    core.title = "天津市科学技术发展战略研究院 2025 年项目支出绩效目标表 1-8"
    document.save(out)


if __name__ == "__main__":
    main()
