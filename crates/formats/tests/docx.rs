//! Word documents in and out (`crates/formats/src/docx/`).
//!
//! In: `tests/fixtures/tianjin-2025-tables-1-8.docx` was written by
//! python-docx (`tests/docx/make_fixture.py`), not by jixiao, from the
//! field-by-field transcription of the eight published tables; it must
//! import as that transcription, and as the published text does; so must
//! the same document saved again by LibreOffice
//! (`tests/fixtures/tianjin-2025-tables-1-8.libreoffice.docx`). Out: what
//! [`docx::document`] writes imports back as the same tables (python-docx
//! reads it in `tests/cli.rs`).

use jixiao_domain::{Amount, Bilingual, Indicator, MoneyUnit, Table};
use jixiao_formats::docx::{self, Damage, DocxError};
use jixiao_formats::reading::{self, Found, Origin, ReadError};
use jixiao_formats::{exchange, layout, xlsx};
use proptest::prelude::*;

const DOCX: &[u8] = include_bytes!("../../../tests/fixtures/tianjin-2025-tables-1-8.docx");
/// The python-docx fixture opened and saved again by LibreOffice 7.4
/// (`soffice --headless --convert-to "docx:MS Word 2007 XML"`): the same
/// tables in the markup another word processor writes.
const LIBREOFFICE_DOCX: &[u8] =
    include_bytes!("../../../tests/fixtures/tianjin-2025-tables-1-8.libreoffice.docx");
const TEXT: &str = include_str!("../../../tests/fixtures/tianjin-2025-tables-1-8.txt");
const EXPECTED: &str = include_str!("../../../tests/fixtures/tianjin-2025-expected.json");

fn expected() -> Vec<Table> {
    exchange::from_json(EXPECTED).unwrap().tables
}

fn assert_tables(got: &[Table], want: &[Table], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: table count");
    for (n, (g, w)) in got.iter().zip(want).enumerate() {
        let t = n + 1;
        assert_eq!(g.unit_code, w.unit_code, "{what}: table {t} unit_code");
        assert_eq!(g.unit_name, w.unit_name, "{what}: table {t} unit_name");
        assert_eq!(g.money_unit, w.money_unit, "{what}: table {t} money_unit");
        assert_eq!(g.project, w.project, "{what}: table {t} project");
        assert_eq!(g.budget, w.budget, "{what}: table {t} budget");
        assert_eq!(g.purpose, w.purpose, "{what}: table {t} purpose");
        assert_eq!(g.goals, w.goals, "{what}: table {t} goals");
        assert_eq!(g.framework, w.framework, "{what}: table {t} framework");
        assert_eq!(
            g.indicators.len(),
            w.indicators.len(),
            "{what}: table {t} indicator count"
        );
        for (r, (gi, wi)) in g.indicators.iter().zip(&w.indicators).enumerate() {
            assert_eq!(gi, wi, "{what}: table {t} indicator row {}", r + 1);
        }
        assert_eq!(g, w, "{what}: table {t} as a whole");
    }
}

#[test]
fn the_python_docx_fixture_imports_field_by_field() {
    let got = docx::read(DOCX).expect("the fixture reads").tables;
    assert_tables(&got, &expected(), "against the transcription");
    let text = layout::import(TEXT).unwrap().tables;
    assert_tables(&got, &text, "against the published text");
    let saved_again = docx::read(LIBREOFFICE_DOCX).expect("LibreOffice's .docx reads");
    assert_tables(&saved_again.tables, &got, "saved again by LibreOffice");
    // Merged 一级 and 二级 cells carry down their rows.
    assert_eq!(got[0].indicators[3].level1, "产出指标");
    assert_eq!(got[1].indicators[1].level2, "数量指标");
}

#[test]
fn reading_a_chosen_file_finds_the_word_document_by_its_content() {
    for name in ["表.docx", "表.DOCX", "-", "无扩展名"] {
        match reading::read_file(name, DOCX, None) {
            Ok(Found::Tables { from, tables }) => {
                assert_eq!(from, Origin::Word, "{name}");
                assert_eq!(tables.len(), 8, "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(Origin::Word.name().zh, "Word 文档");
    assert_eq!(Origin::Word.name().en, "Word document");
}

/// The fixture's eight tables, and one with every field other provinces'
/// forms add, blank amounts and text that needs escaping.
fn tables_to_write() -> Vec<Table> {
    let mut tables = expected();
    let mut full = tables[2].clone();
    full.project = "A&B <试点> \"项目\"".into();
    full.money_unit = MoneyUnit::Yuan;
    full.department = Some("某某局".into());
    full.implementer = Some("某某中心".into());
    full.total_funds = Amount::parse("900000.00");
    full.plan_start = Some("2025-01-01".into());
    full.plan_end = Some("2025年12月31日".into());
    full.overall_goal = Some("三年内完成。\n第二行".into());
    full.purpose = "第一段。\n第二段。".into();
    full.budget.other = Amount::Blank;
    full.goals = vec!["第一项。".into(), "第二项，含 <&>。".into()];
    full.indicators.push(Indicator::new(
        "满意度指标",
        "服务对象满意度指标",
        "群众满意度",
        "问卷",
        "≥90%",
    ));
    tables.push(full);
    tables
}

#[test]
fn what_we_write_reads_back_as_the_same_tables() {
    let want = tables_to_write();
    let bytes = docx::document(&want);
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let got = docx::read(&bytes).expect("our .docx reads").tables;
    assert_tables(&got, &want, "round trip");
    // One table alone, as the page's export of the open table.
    let one = docx::read(&docx::document(&want[..1])).unwrap().tables;
    assert_eq!(one, want[..1]);
    // The same bytes every time.
    assert_eq!(bytes, docx::document(&want));
}

#[test]
fn old_protected_damaged_and_tableless_documents_say_what_to_do() {
    let mut doc = docx::OLE_MAGIC.to_vec();
    doc.resize(4096, 0);
    assert_eq!(docx::read(&doc).unwrap_err(), DocxError::OldWord);
    let e = reading::read_file("去年.doc", &doc, None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::OldWord));
    assert!(
        e.text().zh.contains("另存为") && e.text().zh.contains(".docx"),
        "{e}"
    );
    assert!(
        e.text().en.contains("Save As") && e.text().en.contains(".docx"),
        "{e}"
    );
    // An OLE file named .xls is a spreadsheet: the old advice.
    assert!(matches!(
        reading::read_file("表.xls", &doc, None).unwrap_err(),
        ReadError::Unreadable { .. }
    ));

    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut protected = doc.clone();
    protected[1024..1024 + name.len()].copy_from_slice(&name);
    let e = reading::read_file("加密.docx", &protected, None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::Protected));
    assert!(e.text().zh.contains("密码"), "{e}");

    let cut = &DOCX[..DOCX.len() / 2];
    let e = reading::read_file("半个.docx", cut, None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::Damaged(Damage::NotZip)));
    assert!(e.text().zh.contains("已损坏或不完整"), "{e}");
    assert!(e.text().en.contains("damaged or incomplete"), "{e}");
    // Text named .docx is no Word document either.
    let e = reading::read_file("假的.docx", b"hello", None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::Damaged(Damage::NotZip)));
    // A workbook named .docx: a ZIP without word/document.xml.
    let book = xlsx::workbook(&expected());
    let e = reading::read_file("表格.docx", &book, None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::Damaged(Damage::NoDocument)));
    // A byte flipped inside the deflated document part.
    let mut flipped = DOCX.to_vec();
    let at = find(&flipped, b"word/document.xml").unwrap() + 17 + 200;
    flipped[at] ^= 0xFF;
    assert!(matches!(
        docx::read(&flipped).unwrap_err(),
        DocxError::Damaged(Damage::Broken)
    ));

    let e = reading::read_file("空白.docx", &docx::document(&[]), None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::NoTable));
    assert!(e.text().zh.starts_with("Word 文档中没有表格"), "{e}");
    assert!(
        e.text().en.starts_with("The Word document holds no table"),
        "{e}"
    );
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_table_that_is_not_ours_is_named() {
    let xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
               <w:p><w:r><w:t>通讯录</w:t></w:r></w:p><w:tbl><w:tr>\
               <w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc>\
               <w:tc><w:p><w:r><w:t>电话</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
    let e = reading::read_file("通讯录.docx", &word_with_body(xml), None).unwrap_err();
    assert_eq!(e, ReadError::Word(DocxError::NotTargetTable));
    assert!(e.text().zh.contains("不像绩效目标表"), "{e}");
}

/// A .docx whose only part is `word/document.xml` holding `xml`, stored.
fn word_with_body(xml: &str) -> Vec<u8> {
    stored_zip(&[("word/document.xml", xml.as_bytes())])
}

/// A ZIP of stored entries, written here independently of the crate's writer.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let crc = jixiao_formats::zip::crc32(data);
        let offset = out.len() as u32;
        let head = |b: &mut Vec<u8>| {
            for v in [20u16, 0, 0, 0, 0x21] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, data.len() as u32, data.len() as u32] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            b.extend_from_slice(&(name.len() as u16).to_le_bytes());
            b.extend_from_slice(&0u16.to_le_bytes());
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        head(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        head(&mut central);
        // Comment length, disk, internal and external attributes.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    let n = entries.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0; 2]);
    out
}

#[test]
fn a_hand_written_document_with_word_markup_reads() {
    // What Word itself writes around the cells: run properties, proofing
    // marks, a table of another namespace prefix's fallback, rsids.
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";
    let cell = |props: &str, text: &str| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>{props}</w:tcPr><w:p w:rsidR=\"00A1\">\
             <w:pPr><w:jc w:val=\"center\"/><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr></w:pPr>\
             <w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr>\
             <w:t>{text}</w:t></w:r></w:p></w:tc>"
        )
    };
    let row = |cells: &[String]| {
        format!(
            "<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>{}</w:tr>",
            cells.concat()
        )
    };
    let restart = "<w:vMerge w:val=\"restart\"/>";
    let body = [
        "<w:p><w:r><w:t>1.测试项目绩效目标表</w:t></w:r></w:p>".to_string(),
        "<w:p><w:r><w:t>123456测试单位</w:t></w:r><w:r><w:tab/><w:t>单位：万元</w:t></w:r></w:p>"
            .into(),
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid/>".into(),
        row(&[
            cell("", "项目名称"),
            cell("<w:gridSpan w:val=\"4\"/>", "测试项目"),
        ]),
        row(&[
            cell("", "一级指标"),
            cell("", "二级指标"),
            cell("", "三级指标"),
            cell("", "绩效指标描述"),
            cell("", "指标值"),
        ]),
        row(&[
            cell(restart, "产出指标"),
            cell(restart, "数量指标"),
            cell("", "甲"),
            cell("", "甲"),
            cell("", "1个"),
        ]),
        row(&[
            cell("<w:vMerge/>", ""),
            cell("<w:vMerge w:val=\"continue\"/>", ""),
            cell("", "乙"),
            cell("", "乙"),
            cell("", "2个"),
        ]),
        row(&[
            cell("<w:vMerge/>", ""),
            cell("", "质量指标"),
            cell("", "丙"),
            cell("", "丙"),
            cell("", "100%"),
        ]),
        "</w:tbl><w:sectPr/>".into(),
    ]
    .concat();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document {w}><w:body>{body}</w:body></w:document>"
    );
    let t = &docx::read(&word_with_body(&xml)).unwrap().tables[0];
    assert_eq!(t.project, "测试项目");
    assert_eq!(
        (t.unit_code.as_str(), t.unit_name.as_str()),
        ("123456", "测试单位")
    );
    assert_eq!(t.money_unit, MoneyUnit::Wan);
    let rows: Vec<(&str, &str, &str)> = t
        .indicators
        .iter()
        .map(|i| (i.level1.as_str(), i.level2.as_str(), i.value.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("产出指标", "数量指标", "1个"),
            ("产出指标", "数量指标", "2个"),
            ("产出指标", "质量指标", "100%"),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn damaged_bytes_never_panic(at in 0usize..DOCX.len(), byte in any::<u8>(), cut in 0usize..DOCX.len()) {
        let mut bytes = DOCX.to_vec();
        bytes[at] = byte;
        let _ = docx::read(&bytes);
        let _ = docx::read(&DOCX[..cut]);
    }

    #[test]
    fn any_markup_in_the_document_part_never_panics(
        text in "\\PC{0,200}",
        soup in "(<w:(tbl|tr|tc|p|r|t|tab|br|gridSpan|vMerge|gridBefore|tcPr|trPr)( w:val=\"(restart|continue|2|0|99999)\")?/?>|</w:(tbl|tr|tc|p|r|t)>|[一a&;<>\"]){0,80}",
    ) {
        for inner in [&text, &soup] {
            let xml = format!(
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl><w:tr><w:tc>{inner}"
            );
            let _ = docx::read(&word_with_body(&xml));
        }
    }
}
