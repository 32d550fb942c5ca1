//! A .docx of published tables saved as plain text (one cell per line, no
//! tabs) imports as exactly as the published text layout does.
//!
//! `tests/fixtures/libreoffice/tianjin-2025-tables-1-8.txt` is LibreOffice
//! 7.4's "Text (encoded) UTF-8" export of the eight published tables
//! (merged cells as empty lines). `….wps.txt` is the same text written as
//! WPS writes it, by hand: CRLF, merged cells written once, no empty line.
//! `….damaged.txt` is the LibreOffice text with the value of one row of
//! table 3 deleted (line 138, `≥3次`). Every field is compared with
//! `tests/fixtures/tianjin-2025-expected.json`.

use jixiao_domain::{rules, Bilingual, Lang, Severity, Table};
use jixiao_formats::reading::{self, Found, Origin, ReadError, Refusal};
use jixiao_formats::{cell_lines, exchange, layout};

const LIBREOFFICE: &str =
    include_str!("../../../tests/fixtures/libreoffice/tianjin-2025-tables-1-8.txt");
const WPS: &str =
    include_str!("../../../tests/fixtures/libreoffice/tianjin-2025-tables-1-8.wps.txt");
const DAMAGED: &str =
    include_str!("../../../tests/fixtures/libreoffice/tianjin-2025-tables-1-8.damaged.txt");
const PUBLISHED: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");
const EXPECTED: &str = include_str!("../../../tests/fixtures/tianjin-2025-expected.json");

fn expected() -> Vec<Table> {
    exchange::from_json(EXPECTED).unwrap().tables
}

/// Every field of every table, as `layout_import.rs` compares them.
fn assert_tables(got: &[Table], want: &[Table], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: table count");
    for (n, (g, w)) in got.iter().zip(want).enumerate() {
        let t = format!("{what}: table {}", n + 1);
        assert_eq!(g.unit_code, w.unit_code, "{t} unit_code");
        assert_eq!(g.unit_name, w.unit_name, "{t} unit_name");
        assert_eq!(g.money_unit, w.money_unit, "{t} money_unit");
        assert_eq!(g.project, w.project, "{t} project");
        assert_eq!(g.budget.total, w.budget.total, "{t} 预算数");
        assert_eq!(g.budget.fiscal, w.budget.fiscal, "{t} 财政资金");
        assert_eq!(g.budget.other, w.budget.other, "{t} 其他资金");
        assert_eq!(g.purpose, w.purpose, "{t} purpose");
        assert_eq!(g.goals, w.goals, "{t} goals");
        assert_eq!(g.framework, w.framework, "{t} framework");
        assert_eq!(
            g.indicators.len(),
            w.indicators.len(),
            "{t} indicator count"
        );
        for (r, (gi, wi)) in g.indicators.iter().zip(&w.indicators).enumerate() {
            assert_eq!(gi, wi, "{t} indicator row {}", r + 1);
        }
        assert_eq!(g, w, "{t} as a whole");
    }
}

fn read_tables(text: &str, name: &str) -> (Origin, Vec<Table>) {
    match reading::read_file(name, text.as_bytes(), None) {
        Ok(Found::Tables { from, tables }) => (from, tables),
        other => panic!("{name}: expected tables, got {other:?}"),
    }
}

#[test]
fn libreoffice_text_imports_field_by_field() {
    assert!(cell_lines::fits(LIBREOFFICE));
    assert!(
        !cell_lines::fits(PUBLISHED),
        "the published layout stays the layout's"
    );
    let got = layout::import(LIBREOFFICE).expect("imports").tables;
    assert_tables(&got, &expected(), "layout::import");
    let (from, tables) = read_tables(LIBREOFFICE, "表.txt");
    assert_eq!(from, Origin::Text);
    assert_tables(&tables, &expected(), "reading::read_file");
}

#[test]
fn wps_text_with_crlf_and_merged_cells_written_once_imports_the_same() {
    assert!(WPS.contains("\r\n") && !WPS.contains("\r\n\r\n"));
    let (_, tables) = read_tables(WPS, "表.txt");
    assert_tables(&tables, &expected(), "WPS");
}

#[test]
fn the_same_as_the_published_layout_with_no_errors() {
    let published = layout::import(PUBLISHED).unwrap();
    assert_eq!(layout::import(LIBREOFFICE).unwrap(), published);
    for (n, t) in layout::import(WPS).unwrap().tables.iter().enumerate() {
        let errors: Vec<_> = rules::check(t)
            .into_iter()
            .filter(|f| f.severity() == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "table {}: {errors:?}", n + 1);
    }
}

#[test]
fn a_damaged_table_refuses_the_text_and_names_the_table_and_its_line() {
    let e = layout::import(DAMAGED).unwrap_err();
    assert_eq!(e.line, 136, "{e}");
    let zh = e.text().into_lang(Lang::Zh);
    let en = e.text().into_lang(Lang::En);
    assert!(
        zh.starts_with("第 136 行：第 3 张表「大学科技园建设服务」没有导入"),
        "{zh}"
    );
    assert!(zh.contains("第 136 行到第 140 行"), "{zh}");
    assert!(zh.ends_with("整份文本都没有导入。"), "{zh}");
    assert!(
        en.starts_with("Line 136: Table 3 (大学科技园建设服务) was not imported"),
        "{en}"
    );
    assert!(en.contains("lines 136 to 140"), "{en}");

    // Reading says it as its answer: no other form is tried on such text.
    match reading::read_input(DAMAGED, None, Some("表.txt")) {
        Err(ReadError::Refused(a)) => {
            assert_eq!(a.form, Origin::Text);
            assert_eq!(a.refusal, Refusal::Layout(e));
        }
        other => panic!("expected the layout's refusal, got {other:?}"),
    }
}

#[test]
fn read_in_part_gives_the_other_tables_and_names_the_one_left_out() {
    let out = reading::read_file_in_part("表.txt", DAMAGED.as_bytes(), None).unwrap();
    let Found::Tables { from, tables } = &out.found else {
        panic!("expected tables, got {:?}", out.found);
    };
    assert_eq!(*from, Origin::Text);
    let mut want = expected();
    want.remove(2);
    assert_tables(tables, &want, "in part");
    assert_eq!(out.left_out.len(), 1, "{:?}", out.left_out);
    let left = &out.left_out[0];
    assert!(
        left.get(Lang::Zh)
            .starts_with("第 136 行：第 3 张表「大学科技园建设服务」没有导入"),
        "{left}"
    );
    assert!(!left.get(Lang::Zh).contains("整份文本"), "{left}");
    assert!(
        left.get(Lang::En).starts_with("Line 136: Table 3"),
        "{left}"
    );

    // A whole text reads whole, as `read_input` reads it.
    let whole = reading::read_input_in_part(LIBREOFFICE, None, None).unwrap();
    assert!(whole.left_out.is_empty());
    assert_eq!(
        Ok(whole.found),
        reading::read_input(LIBREOFFICE, None, None)
    );
    let published = reading::read_input_in_part(PUBLISHED, None, None).unwrap();
    assert_eq!(
        Ok(published.found),
        reading::read_input(PUBLISHED, None, None)
    );
}

/// Inserts `extra` as a line after the `nth` (0-based) line equal to `after`.
fn insert_after(text: &str, after: &str, nth: usize, extra: &str) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut seen = 0;
    let mut out = Vec::new();
    for line in text.split(eol) {
        out.push(line.to_string());
        if line == after {
            if seen == nth {
                out.push(extra.to_string());
            }
            seen += 1;
        }
    }
    out.join(eol)
}

fn left_out(text: &str) -> Vec<String> {
    reading::read_input_in_part(text, None, None)
        .unwrap()
        .left_out
        .iter()
        .map(|t| t.get(Lang::Zh).to_string())
        .collect()
}

#[test]
fn an_extra_cell_or_a_missing_value_leaves_its_table_out_in_either_style() {
    // An extra value in table 5 (after `≥5场`), in both styles.
    for (text, style) in [(LIBREOFFICE, "LibreOffice"), (WPS, "WPS")] {
        let extra = insert_after(text, "≥5场", 0, "≥6场");
        let left = left_out(&extra);
        assert_eq!(left.len(), 1, "{style}: {left:?}");
        assert!(
            left[0].contains("第 5 张表「技术市场服务」"),
            "{style}: {left:?}"
        );
        assert!(layout::import(&extra).is_err(), "{style}");
    }
    // An extra empty cell where LibreOffice writes merged cells.
    let blank = insert_after(LIBREOFFICE, "≥4次", 0, "");
    let left = left_out(&blank);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].contains("第 5 张表"), "{left:?}");
    // A value missing in the WPS style (table 3, `≥3次`).
    let missing = WPS.replacen("≥3次\r\n", "", 1);
    let left = left_out(&missing);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(
        left[0].contains("第 3 张表「大学科技园建设服务」"),
        "{left:?}"
    );
}

#[test]
fn a_text_whose_every_table_is_damaged_is_refused() {
    let text = "项目名称\n某项目\n一级指标\n二级指标\n三级指标\n绩效指标描述\n指标值\n\
                产出指标\n数量指标\n完成数\n完成数\n";
    let e = layout::import(text).unwrap_err();
    assert!(e.to_string().contains("第 1 张表「某项目」没有导入"), "{e}");
    assert!(reading::read_input_in_part(text, None, None).is_err());
}

#[test]
fn a_cell_of_two_lines_and_words_as_values_are_read_in_either_style() {
    for (text, style) in [(LIBREOFFICE, "LibreOffice"), (WPS, "WPS")] {
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let twice = "组织开展政策培训、论坛活动";
        let row = format!("{twice}{eol}{twice}{eol}≥3次{eol}");
        // A description of two paragraphs.
        let desc = format!("{twice}{eol}组织开展政策培训{eol}论坛活动等{eol}≥3次{eol}");
        // A 三级指标 of two paragraphs that says what the description says.
        let name = format!("组织开展政策培训、{eol}论坛活动{eol}{twice}{eol}≥3次{eol}");
        // Words for values.
        let words = format!("{twice}{eol}{twice}{eol}达标{eol}");
        let cases = [
            (desc, twice, "组织开展政策培训\n论坛活动等", "≥3次"),
            (name, "组织开展政策培训、\n论坛活动", twice, "≥3次"),
            (words, twice, twice, "达标"),
        ];
        for (replacement, name, description, value) in cases {
            let changed = text.replacen(&row, &replacement, 1);
            assert_ne!(changed, text);
            let tables = layout::import(&changed).unwrap().tables;
            let mut want = expected();
            let ind = &mut want[2].indicators[1];
            ind.name = name.into();
            ind.description = description.into();
            ind.value = value.into();
            assert_tables(&tables, &want, style);
        }
    }
}

#[test]
fn two_damaged_tables_are_both_named() {
    let text = insert_after(DAMAGED, "≥5场", 0, "≥6场");
    let left = left_out(&text);
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left[0].contains("第 3 张表"), "{left:?}");
    assert!(left[1].contains("第 5 张表「技术市场服务」"), "{left:?}");
    let e = layout::import(&text).unwrap_err();
    assert!(e.message.contains("另有 1 张表也对不齐。"), "{e}");
    assert!(
        e.message_en
            .contains("1 more table does not line up either."),
        "{e:?}"
    );
}
