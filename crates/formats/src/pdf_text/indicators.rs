//! The indicator rows of a PDF's text, read from the words of their lines
//! (lines mean nothing here: a row may take several, several rows one).
//! A row is an optional 一级, an optional 二级, the 三级 name and the value:
//! - a 一级 or 二级 is the longest run of up to three words that makes an
//!   official name ending in 指标 (`满意度指` + `标`, `社会效益` + `指标`,
//!   `生态环境` + `成本指标`), so the pieces of a broken cell come back
//!   together and `成本指标` after `生态环境` is not taken for a 一级;
//! - the name is every word up to the value, joined back;
//! - the value is the first word after the name that the value grammar
//!   reads as a number, a date or a placeholder, or that is a qualitative
//!   target ([`value::is_target_word`]); a comparison standing alone and
//!   an unclosed bracket take the next word (`≥90.00(` + `%)`).
//!
//! A row without a 二级 continues the 二级 above it; a row without a 一级
//! continues the one above, unless its 二级 belongs elsewhere in the
//! framework: then (and when there is nothing above) the 一级 is the
//! 二级's, so a 一级 cell lost or printed lower in its merged rows comes
//! back. A repeated header row is skipped.

use crate::clipboard::restore_level1;
use crate::pdf_text::join_wrapped;
use jixiao_domain::framework::{core_name, Framework, Level1, Level2};
use jixiao_domain::table::Indicator;
use jixiao_domain::value::{self, Value};

/// Most words a broken 一级 or 二级 cell comes in.
const MAX_PIECES: usize = 3;

/// The rows from the lines after the indicator header (the header line
/// itself included or not).
pub(super) fn parse(lines: &[&str], framework: Framework) -> Vec<Indicator> {
    let words = words(lines);
    let mut out: Vec<Indicator> = Vec::new();
    let (mut last1, mut last2) = (String::new(), String::new());
    let mut i = 0;
    while i < words.len() {
        let mut row = Indicator::default();
        let mut written1 = false;
        if let Some((text, n)) = name_at(&words, i, |t| Level1::parse(t).is_some()) {
            row.level1 = text;
            written1 = true;
            i += n;
        }
        if let Some((text, n)) = name_at(&words, i, |t| Level2::parse(t).is_some()) {
            row.level2 = text;
            i += n;
        }
        let mut name: Vec<String> = Vec::new();
        let mut value = String::new();
        while i < words.len() {
            if !name.is_empty() && is_value(&words[i]) && !ends_a_name(&words, i) {
                let (v, n) = value_at(&words, i);
                value = v;
                i += n;
                break;
            }
            name.push(words[i].clone());
            i += 1;
        }
        row.name = join_wrapped(&name);
        row.value = value;
        if !written1 {
            row.level1 = last1.clone();
            if row.level2.is_empty() {
                row.level2 = last2.clone();
            }
            restore_level1(&mut row, framework);
        }
        last1 = row.level1.clone();
        last2 = row.level2.clone();
        out.push(row);
    }
    out
}

/// The words of the lines, without the indicator header rows (the first
/// and any repeated on a later page) and without quotes.
fn words(lines: &[&str]) -> Vec<String> {
    let header = [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "指标值",
        "年度指标",
        "值",
    ];
    let mut out = Vec::new();
    let mut in_header = false;
    for line in lines {
        let line_words: Vec<String> = line
            .split_whitespace()
            .map(|w| w.trim_matches(['"', '“', '”']).to_string())
            .filter(|w| !w.is_empty())
            .collect();
        if line_words
            .first()
            .is_some_and(|w| w.starts_with("一级指标"))
        {
            in_header = true;
        }
        if in_header {
            let all_header = line_words
                .iter()
                .all(|w| header.iter().any(|h| w.starts_with(h)));
            if all_header {
                continue;
            }
            in_header = false;
        }
        out.extend(line_words);
    }
    out
}

/// The longest run of up to [`MAX_PIECES`] words from `i` that makes a
/// name ending in 指标 (a weight after it allowed) which `accept` takes:
/// the name as written, joined, and how many words.
fn name_at(words: &[String], i: usize, accept: impl Fn(&str) -> bool) -> Option<(String, usize)> {
    (1..=MAX_PIECES.min(words.len().saturating_sub(i)))
        .rev()
        .find_map(|n| {
            let text: String = words[i..i + n].concat();
            (core_name(&text).ends_with("指标") && accept(&text)).then_some((text, n))
        })
}

/// Words that end an indicator's name and never start one: a name broken
/// before them (`工程质量合` / `格` / `率`) is no value (`合格`) followed by
/// a row named `率`.
const NAME_TAILS: &[&str] = &[
    "率", "度", "性", "数", "量", "值", "比", "比例", "情况", "程度", "水平", "指数", "次数",
    "时间", "时长", "面积", "长度",
];

/// Whether the word at `i`, which reads as a value, is rather the middle
/// of a name: it is words, and a name's tail follows it.
fn ends_a_name(words: &[String], i: usize) -> bool {
    let words_only = matches!(value::parse(&words[i]), Value::Qualitative(_));
    words_only
        && words
            .get(i + 1)
            .is_some_and(|w| NAME_TAILS.contains(&w.as_str()))
}

/// Whether a word is (the start of) a 指标值.
fn is_value(word: &str) -> bool {
    if value::is_target_word(word) || is_comparison(word) {
        return true;
    }
    matches!(
        value::parse(word),
        Value::Quantity(_) | Value::Date { .. } | Value::Placeholder
    )
}

fn is_comparison(word: &str) -> bool {
    matches!(
        word,
        "≥" | "≤" | ">" | "<" | "=" | "＞" | "＜" | "＝" | "≧" | "≦" | ">=" | "<="
    )
}

/// The value starting at word `i`: a comparison alone and an unclosed
/// bracket take the next words; a bare number takes a unit standing alone
/// after it (`90.00` + `(%)`).
fn value_at(words: &[String], i: usize) -> (String, usize) {
    let mut v = words[i].clone();
    let mut n = 1;
    let open = |s: &str| s.matches(['(', '（']).count() > s.matches([')', '）']).count();
    while i + n < words.len() && (is_comparison(&v) || open(&v)) {
        v.push_str(&words[i + n]);
        n += 1;
    }
    let bare = matches!(value::parse(&v), Value::Quantity(ref q) if q.unit.is_empty());
    if bare {
        if let Some(next) = words.get(i + n) {
            if matches!(next.as_str(), "%" | "％" | "(%)" | "（%）") {
                v.push_str(next);
                n += 1;
            }
        }
    }
    (v, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(String, String, String, String)> {
        let lines: Vec<&str> = text.lines().collect();
        parse(&lines, Framework::F2021)
            .into_iter()
            .map(|r| (r.level1, r.level2, r.name, r.value))
            .collect()
    }

    fn row(l1: &str, l2: &str, name: &str, value: &str) -> (String, String, String, String) {
        (l1.into(), l2.into(), name.into(), value.into())
    }

    #[test]
    fn broken_cells_come_back_whole() {
        let got = rows(
            "一级指标 二级指标 三级指标 年度指标值\n\
             满意度指\n标\n服务对象满意\n度指标\n周边居民满意度 ≥90.00(%)\n\
             社会效益\n指标\n区域通行效率 提高",
        );
        assert_eq!(
            got,
            vec![
                row(
                    "满意度指标",
                    "服务对象满意度指标",
                    "周边居民满意度",
                    "≥90.00(%)"
                ),
                row("效益指标", "社会效益指标", "区域通行效率", "提高"),
            ]
        );
    }

    #[test]
    fn a_lost_level1_comes_back_from_its_level2() {
        let got = rows("生态环境\n成本指标\n扬尘控制情况\n达标\n数量指标 地道改建长度 985米");
        assert_eq!(
            got,
            vec![
                row("成本指标", "生态环境成本指标", "扬尘控制情况", "达标"),
                row("产出指标", "数量指标", "地道改建长度", "985米"),
            ]
        );
    }

    #[test]
    fn names_broken_before_a_value_and_values_broken_after_a_bracket() {
        let got = rows(
            "产出指标 质量指标 工程验收合格率 =100.00(%)\n设施养护管理制\n度\n健全\n居民满意度 ≥90.00(\n%)\n到位率 ≥ 95%",
        );
        assert_eq!(got[0].3, "=100.00(%)");
        assert_eq!(
            (got[1].2.as_str(), got[1].3.as_str()),
            ("设施养护管理制度", "健全")
        );
        assert_eq!(got[1].1, "质量指标", "continues the 二级 above");
        assert_eq!(got[2].3, "≥90.00(%)");
        assert_eq!(got[3].3, "≥95%");
    }

    #[test]
    fn a_name_broken_around_a_target_word_stays_a_name() {
        let got = rows("工程质量\n合格\n率 =100.00(%)\n施工安全\n达标");
        assert_eq!(
            (got[0].2.as_str(), got[0].3.as_str()),
            ("工程质量合格率", "=100.00(%)")
        );
        assert_eq!((got[1].2.as_str(), got[1].3.as_str()), ("施工安全", "达标"));
    }

    #[test]
    fn a_header_with_more_words_is_still_a_header() {
        let got = rows(
            "一级指标 二级指标 三级指标 年度指标值（2026年）\n产出指标 数量指标 改建长度 985米",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, "改建长度");
    }
}
