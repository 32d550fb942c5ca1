//! A form's own labels, as its importers read them: the [aliases] of the
//! form's data (`crates/domain/src/form/`), matched without spaces, with
//! `:` as `：`, a note in brackets after the label (`项目资金（元）`,
//! `项目总体目标（2024 年-2026 年）`) and a value after a colon in the
//! same cell. The clipboard recogniser (`crates/formats/src/clipboard/`)
//! and the PDF text importer (`crates/formats/src/pdf_text/`) share them,
//! and the form's title and year line.
//!
//! [aliases]: jixiao_domain::form::Alias

use jixiao_domain::budget::MoneyUnit;
use jixiao_domain::form::Form;
use jixiao_domain::rules::Field;

/// A label read in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Which of the form's aliases.
    pub(crate) alias: usize,
    /// The fields it names, in turn ([`jixiao_domain::form::Alias`]).
    pub(crate) fields: &'static [Field],
    /// A value after a colon in the same text.
    pub(crate) inline: String,
    /// A money unit its note states (`（元）`).
    pub(crate) unit: Option<MoneyUnit>,
}

/// Text as labels are compared: no whitespace, `:` as `：`, brackets
/// full-width.
pub(crate) fn normal(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ':' => '：',
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// The label `text` starts with and how much of `normal(text)` it takes
/// (with its note), if it is one of the form's.
fn prefix(form: Form, t: &str) -> Option<(usize, usize, Option<MoneyUnit>)> {
    let mut best: Option<(usize, usize, Option<MoneyUnit>)> = None;
    // The forms write their labels in this normal form (a test holds them
    // to it), so they are compared as they are.
    for (i, alias) in form.spec().aliases.iter().enumerate() {
        let Some(rest) = t.strip_prefix(alias.label) else {
            continue;
        };
        let mut used = alias.label.len();
        let mut unit = None;
        if let Some(inner) = rest.strip_prefix('（') {
            if let Some(end) = inner.find('）') {
                unit = MoneyUnit::parse(&inner[..end]);
                used += '（'.len_utf8() + end + '）'.len_utf8();
            }
        }
        if best.is_none_or(|(_, u, _)| used > u) {
            best = Some((i, used, unit));
        }
    }
    best
}

/// The form's label a whole cell is (`项目资金总额`, `项目资金（元）`,
/// `项目名称：某项目`).
pub(crate) fn label_cell(form: Form, text: &str) -> Option<Found> {
    let t = normal(text);
    if t.is_empty() {
        return None;
    }
    let (alias, used, unit) = prefix(form, &t)?;
    let rest = &t[used..];
    let inline = if rest.is_empty() {
        String::new()
    } else if rest.starts_with('：') {
        // The value as written, after the first colon of the original.
        let original = text.trim();
        let at = original
            .find([':', '：'])
            .map(|i| i + original[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        original[at..].trim().to_string()
    } else {
        return None;
    };
    Some(Found {
        alias,
        fields: form.spec().aliases[alias].fields,
        inline,
        unit,
    })
}

/// Where the form's labels start in a line of text, longest first, each
/// at the start of the line or after whitespace, and ending at the end of
/// the line, at whitespace or at a colon: `(byte start, byte end, found)`
/// in the original line, left to right.
pub(crate) fn labels_in_line(form: Form, line: &str) -> Vec<(usize, usize, Found)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let at_start = i == 0 || line[..i].ends_with(char::is_whitespace);
        let c = line[i..].chars().next().map_or(1, char::len_utf8);
        if at_start && !line[i..].starts_with(char::is_whitespace) {
            if let Some((end, found)) = label_at(form, line, i) {
                out.push((i, end, found));
                i = end;
                continue;
            }
        }
        i += c;
    }
    out
}

/// A label starting at byte `start` of `line`, spaces inside allowed
/// (`其中：财政    资金`, `项目总体目标（2024 年-2026 年）`): where it ends.
fn label_at(form: Form, line: &str, start: usize) -> Option<(usize, Found)> {
    // Map the normal form's bytes back to the line's.
    let mut normal_text = String::new();
    let mut ends = Vec::new(); // line byte end after each normal char
    for (k, c) in line[start..].char_indices() {
        if c.is_whitespace() {
            continue;
        }
        // Labels and their notes are short.
        if normal_text.len() > 120 {
            break;
        }
        let n = normal(&c.to_string());
        for _ in 0..n.len() {
            ends.push(start + k + c.len_utf8());
        }
        normal_text.push_str(&n);
    }
    let (alias, used, unit) = prefix(form, &normal_text)?;
    let end = ends[used - 1];
    let rest = &line[end..];
    let boundary =
        rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with([':', '：']);
    if !boundary {
        return None;
    }
    let end = match rest.strip_prefix([':', '：']) {
        Some(after) => line.len() - after.len(),
        None => end,
    };
    Some((
        end,
        Found {
            alias,
            fields: form.spec().aliases[alias].fields,
            inline: String::new(),
            unit,
        },
    ))
}

/// Whether `text` is the form's title (with its year, maybe); the year.
pub(crate) fn title(form: Form, text: &str) -> Option<Option<String>> {
    let title = form.spec().title;
    let t = normal(text);
    let rest = t.strip_prefix(title)?;
    if rest.is_empty() {
        return Some(None);
    }
    year_line(rest).map(Some)
}

/// A line that is only a year: `（2026年度）`, `2026年度`, `(2026 年度)`.
pub(crate) fn year_line(text: &str) -> Option<String> {
    let t = normal(text);
    let t = t.trim_start_matches('（').trim_end_matches('）');
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    (digits.len() == 4 && matches!(rest, "年度" | "年")).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SH: Form = Form::Shanghai;

    #[test]
    fn cells_are_labels_with_notes_and_inline_values() {
        let f = label_cell(SH, "项目资金（元）").unwrap();
        assert!(f.fields.is_empty());
        assert_eq!(f.unit, Some(MoneyUnit::Yuan));
        let f = label_cell(SH, "项目资金总额").unwrap();
        assert_eq!(f.fields, [Field::TotalFunds]);
        let f = label_cell(SH, "项目总体目标（2024 年-2026 年）").unwrap();
        assert_eq!(f.fields, [Field::OverallGoal]);
        let f = label_cell(SH, "其中:财政 资金").unwrap();
        assert_eq!(f.fields, [Field::TotalFundsFiscal]);
        let f = label_cell(SH, "项目名称：某 项目").unwrap();
        assert_eq!(
            (f.fields, f.inline.as_str()),
            (&[Field::Project][..], "某 项目")
        );
        assert!(label_cell(SH, "项目资金管理办法").is_none());
        assert!(label_cell(Form::Tianjin2025, "项目性质").is_none());
    }

    #[test]
    fn labels_are_found_inside_lines() {
        let line = "5,200,000.00 年度资金申请总额";
        let found = labels_in_line(SH, line);
        assert_eq!(found.len(), 1);
        assert_eq!(&line[found[0].0..found[0].1], "年度资金申请总额");
        let line = "其他资金 0.00 上年结转资金 200,000.00";
        let names: Vec<&str> = labels_in_line(SH, line)
            .iter()
            .map(|(s, e, _)| &line[*s..*e])
            .collect();
        assert_eq!(names, ["其他资金", "上年结转资金"]);
        let line = "项目绩效目标 项目总体目标（2024 年-2026 年） 年度总体目标";
        assert_eq!(labels_in_line(SH, line).len(), 3);
        // Inside a value, a label word is no label.
        assert!(labels_in_line(SH, "某某项目资金总额核算").is_empty());
        assert_eq!(
            labels_in_line(SH, "项目名称：某项目")[0].1,
            "项目名称：".len()
        );
    }

    #[test]
    fn every_form_writes_its_labels_in_the_normal_form() {
        for form in Form::ALL {
            for alias in form.spec().aliases {
                assert_eq!(normal(alias.label), alias.label);
            }
            assert_eq!(normal(form.spec().title), form.spec().title);
        }
    }

    #[test]
    fn titles_and_years() {
        assert_eq!(title(SH, "财政项目支出绩效目标申报表"), Some(None));
        assert_eq!(
            title(SH, "财政项目支出绩效目标申报表 （2026年度）"),
            Some(Some("2026".into()))
        );
        assert_eq!(title(SH, "项目支出绩效目标表"), None);
        assert_eq!(year_line("（2026年度）").as_deref(), Some("2026"));
        assert_eq!(year_line("( 2026 年度 )").as_deref(), Some("2026"));
        assert_eq!(year_line("2026年12月"), None);
    }
}
