//! Label cells: which part of the form a cell names (`项目名称`,
//! `预算数（元）`, `单位：万元` …), with a value written in the same cell,
//! and the unit line `331202某某单位`. The table's form's own labels first
//! (`crates/formats/src/form_labels.rs`), then the published layout's
//! labels ([`crate::layout`]) plus those other forms use.

use crate::form_labels;
use crate::layout::{self, Label};
use jixiao_domain::budget::MoneyUnit;
use jixiao_domain::form::Form;
use jixiao_domain::rules::Field;

/// What a label cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    Label(Label),
    /// A label whose value the model does not keep (项目负责人 …): its value
    /// is consumed so it is not mistaken for other text.
    Skip,
    /// A label that only names a block (绩效指标 left of the indicator rows).
    Marker,
    /// One of the form's own labels ([`jixiao_domain::form::Alias`]): the
    /// alias's index and the fields it names in turn (none: a block).
    Fields {
        alias: usize,
        fields: &'static [Field],
    },
}

#[derive(Debug, Clone)]
pub(super) struct Key {
    pub(super) what: What,
    /// A value in the same cell (`项目名称：…`).
    pub(super) inline: String,
    /// A money unit the label states (`预算数（元）`, `单位：元`).
    pub(super) unit: Option<MoneyUnit>,
}

impl Key {
    pub(super) fn is(&self, label: Label) -> bool {
        self.what == What::Label(label)
    }

    /// The label of the project's name (where a new table starts).
    pub(super) fn is_project(&self) -> bool {
        self.is(Label::Project) || self.names(|f| f == Field::Project)
    }

    /// One of the form's labels whose first field `test` accepts.
    fn names(&self, test: impl Fn(Field) -> bool) -> bool {
        matches!(self.what, What::Fields { fields: [first, ..], .. } if test(*first))
    }

    pub(super) fn takes_value(&self) -> bool {
        match self.what {
            What::Skip => true,
            What::Marker => false,
            What::Fields { fields, .. } => {
                !fields.is_empty()
                    && !self.names(|f| matches!(f, Field::Goals | Field::OverallGoal))
            }
            What::Label(l) => matches!(
                l,
                Label::UnitCode
                    | Label::UnitName
                    | Label::Project
                    | Label::Total
                    | Label::Fiscal
                    | Label::Other
                    | Label::TotalFunds
                    | Label::Department
                    | Label::Implementer
                    | Label::PlanStart
                    | Label::PlanEnd
            ),
        }
    }

    pub(super) fn is_section(&self) -> bool {
        matches!(
            self.what,
            What::Label(Label::Purpose | Label::Goals | Label::OverallGoal)
        ) || self.names(|f| matches!(f, Field::Goals | Field::OverallGoal | Field::Purpose))
    }

    pub(super) fn is_amount(&self) -> bool {
        matches!(
            self.what,
            What::Label(Label::Total | Label::Fiscal | Label::Other | Label::TotalFunds)
        ) || self.names(Field::is_amount)
    }
}

/// Labels other forms use, beyond those of the published layout.
const EXTRA_LABELS: &[(&str, What)] = &[
    ("项目资金情况", What::Label(Label::BudgetBlock)),
    ("项目资金", What::Label(Label::BudgetBlock)),
    ("资金情况", What::Label(Label::BudgetBlock)),
    ("预算情况", What::Label(Label::BudgetBlock)),
    ("年度总体目标", What::Label(Label::Goals)),
    ("项目年度目标", What::Label(Label::Goals)),
    ("年度项目目标", What::Label(Label::Goals)),
    ("本年度目标", What::Label(Label::Goals)),
    ("项目年度绩效目标", What::Label(Label::Goals)),
    ("实施期总目标", What::Label(Label::OverallGoal)),
    ("实施期目标", What::Label(Label::OverallGoal)),
    ("中长期目标", What::Label(Label::OverallGoal)),
    ("项目总体目标", What::Label(Label::OverallGoal)),
    ("填报单位", What::Label(Label::UnitName)),
    ("申报单位", What::Label(Label::UnitName)),
    ("项目负责人", What::Skip),
    ("负责人", What::Skip),
    ("联系人", What::Skip),
    ("联系电话", What::Skip),
    ("项目属性", What::Skip),
    ("项目类型", What::Skip),
    ("项目类别", What::Skip),
    ("项目期限", What::Skip),
    ("项目周期", What::Skip),
    ("项目编码", What::Skip),
    ("项目代码", What::Skip),
    ("项目编号", What::Skip),
    ("年度绩效指标", What::Marker),
    ("项目绩效指标", What::Marker),
    ("绩效指标", What::Marker),
];

/// The label a cell is, if it is one, on a table of `form`.
pub(super) fn key_of(text: &str, form: Form) -> Option<Key> {
    let t = layout::squeeze(text);
    if t.is_empty() {
        return None;
    }
    if let Some(found) = form_labels::label_cell(form, text) {
        return Some(Key {
            what: What::Fields {
                alias: found.alias,
                fields: found.fields,
            },
            inline: found.inline,
            unit: found.unit,
        });
    }
    // `单位：万元`, `（金额单位：元）`.
    let bare = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    if bare.starts_with("单位:") || bare.starts_with("单位：") || bare.starts_with("金额单位")
    {
        if let Some(u) = MoneyUnit::parse(bare) {
            return Some(Key {
                what: What::Label(Label::MoneyUnit),
                inline: String::new(),
                unit: Some(u),
            });
        }
        // `单位：某某局` names the unit.
        let value = after_colon(text);
        let what =
            if bare.starts_with("单位") && value.chars().count() >= 4 && !value.contains('元') {
                What::Label(Label::UnitName)
            } else {
                What::Marker
            };
        return Some(Key {
            what,
            inline: value,
            unit: None,
        });
    }
    // Labels are short; a long cell is a label only with an inline value.
    if t.chars().count() > 40 && !t.contains([':', '：']) {
        return None;
    }
    let unit = unit_note(&t);
    for (word, what) in EXTRA_LABELS {
        if let Some(rest) = t.strip_prefix(word) {
            let rest = strip_note(rest);
            if rest.is_empty() {
                return Some(Key {
                    what: *what,
                    inline: String::new(),
                    unit,
                });
            }
            if rest.starts_with([':', '：']) {
                return Some(Key {
                    what: *what,
                    inline: after_colon(text),
                    unit,
                });
            }
        }
    }
    let (label, inline) = layout::split_label(text)?;
    Some(Key {
        what: What::Label(label),
        inline,
        unit,
    })
}

/// The text after a label's colon, as written.
fn after_colon(text: &str) -> String {
    let t = text.trim();
    match t.find([':', '：']) {
        Some(at) => {
            let colon = t[at..].chars().next().map_or(1, char::len_utf8);
            t[at + colon..].trim().to_string()
        }
        None => String::new(),
    }
}

/// A money unit noted in a label: `预算数（元）`, `项目资金（单位：万元）`.
fn unit_note(t: &str) -> Option<MoneyUnit> {
    for (open, close) in [('(', ')'), ('（', '）')] {
        let mut rest = t;
        while let Some(at) = rest.find(open) {
            let inner = &rest[at + open.len_utf8()..];
            let Some(end) = inner.find(close) else { break };
            if let Some(u) = MoneyUnit::parse(&inner[..end]) {
                return Some(u);
            }
            rest = &inner[end..];
        }
    }
    None
}

/// Drops a leading unit note from the rest of a label.
fn strip_note(rest: &str) -> &str {
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = rest.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                if MoneyUnit::parse(&inner[..end]).is_some() {
                    return &inner[end + close.len_utf8()..];
                }
            }
        }
    }
    rest
}

/// A money unit noted at the end of a longer line (`331202某某单位 单位：万元`,
/// `某某单位（金额单位：元）`): the text before it, and the unit.
pub(super) fn trailing_unit(text: &str) -> Option<(&str, MoneyUnit)> {
    let t = text.trim_end().trim_end_matches([')', '）']);
    for marker in ["金额单位", "单位"] {
        let Some(at) = t.rfind(marker) else { continue };
        if at == 0 {
            continue;
        }
        if let Some(unit) = MoneyUnit::parse(&t[at..]) {
            let before = t[..at].trim_end().trim_end_matches(['(', '（']).trim_end();
            return Some((before, unit));
        }
    }
    None
}

/// `331202天津市…`: a unit code (6 digits or more) and the unit's name. A
/// sentence is no unit line (`331202某某：共 8 张绩效目标表，…。`, the cover
/// line of a unit's printed documents).
pub(super) fn unit_line(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 6 {
        return None;
    }
    let name = t[digits..].trim();
    let first = name.chars().next()?;
    if first.is_ascii_digit() || "年月日号.．、)）%％-/".contains(first) {
        return None;
    }
    if name.contains(['：', ':', '，', ',', '。', '；', ';', '\n']) {
        return None;
    }
    Some((t[..digits].to_string(), name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Form = Form::Tianjin2025;

    #[test]
    fn labels() {
        assert!(key_of("其中：财政    资金", T).unwrap().is(Label::Fiscal));
        let k = key_of("预算数（元）", T).unwrap();
        assert!(k.is(Label::Total));
        assert_eq!(k.unit, Some(MoneyUnit::Yuan));
        let k = key_of("项目资金（万元）", T).unwrap();
        assert!(k.is(Label::BudgetBlock));
        assert_eq!(k.unit, Some(MoneyUnit::Wan));
        assert_eq!(
            key_of("（单位：元）", T).unwrap().unit,
            Some(MoneyUnit::Yuan)
        );
        assert!(key_of("项目资金总额", T).unwrap().is(Label::TotalFunds));
        assert!(key_of("年度资金申请总额", T).unwrap().is(Label::Total));
        let k = key_of("填报单位：某某局", T).unwrap();
        assert!(k.is(Label::UnitName));
        assert_eq!(k.inline, "某某局");
        assert!(key_of("科技统计信息系统建设和运维", T).is_none());
        assert!(key_of("绩效指标描述", T).is_none());
        assert_eq!(key_of("绩效指标", T).unwrap().what, What::Marker);
    }

    #[test]
    fn unit_lines() {
        assert_eq!(
            unit_line("331202天津市科学技术发展战略研究院"),
            Some(("331202".into(), "天津市科学技术发展战略研究院".into()))
        );
        assert_eq!(
            trailing_unit("331202某某研究院单位：万元"),
            Some(("331202某某研究院", MoneyUnit::Wan))
        );
        assert_eq!(
            trailing_unit("某某研究院 （金额单位：元）"),
            Some(("某某研究院", MoneyUnit::Yuan))
        );
        assert_eq!(trailing_unit("331202某某管理单位"), None);
        assert_eq!(trailing_unit("单位：万元"), None, "a label of its own");
        assert_eq!(unit_line("2025年度"), None);
        assert_eq!(unit_line("100家企业"), None);
        assert_eq!(
            unit_line("331202某某研究院：共 8 张绩效目标表，预算数合计 198.00万元。"),
            None
        );
    }
}
