//! The indicator frameworks: which 二级 belong to which 一级.
//!
//! Two are in use: the 2015/2020 one, where 成本指标 is a 二级
//! under 产出指标, and the 2021 one, where 成本指标 is a 一级 of its own.
//! Names seen in the wild are folded onto the official ones here, so the
//! rules compare canonical names and never spell out aliases themselves.

use serde::{Deserialize, Serialize};

use crate::lang::Text;

/// Which official indicator tree a table follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Framework {
    /// 财预〔2015〕88号 / 财预〔2020〕10号.
    #[default]
    #[serde(rename = "2020")]
    F2020,
    /// 财预〔2021〕101号.
    #[serde(rename = "2021")]
    F2021,
}

/// The official 一级 indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level1 {
    Cost,
    Output,
    Benefit,
    Satisfaction,
}

/// The official 二级 indicators of both frameworks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level2 {
    Quantity,
    Quality,
    Timeliness,
    Cost,
    EconomicCost,
    SocialCost,
    EcologicalCost,
    EconomicBenefit,
    SocialBenefit,
    EcologicalBenefit,
    Sustainability,
    Satisfaction,
}

impl Level1 {
    /// The official name, as the table writes it (`产出指标`).
    pub fn name(self) -> &'static str {
        match self {
            Level1::Cost => "成本指标",
            Level1::Output => "产出指标",
            Level1::Benefit => "效益指标",
            Level1::Satisfaction => "满意度指标",
        }
    }

    /// The official name with its English gloss: `产出指标`, `output`. The
    /// table keeps the Chinese term ([`Level1::name`]) in both languages.
    pub fn label(self) -> Text {
        let en = match self {
            Level1::Cost => "cost",
            Level1::Output => "output",
            Level1::Benefit => "benefit",
            Level1::Satisfaction => "satisfaction",
        };
        Text::new(self.name(), en)
    }

    /// Reads a 一级 cell: `产出指标`, `产出指标(50分)`, `产出`.
    pub fn parse(text: &str) -> Option<Level1> {
        match core_name(text).trim_end_matches("指标") {
            "成本" => Some(Level1::Cost),
            "产出" => Some(Level1::Output),
            "效益" => Some(Level1::Benefit),
            "满意度" => Some(Level1::Satisfaction),
            _ => None,
        }
    }
}

impl Level2 {
    /// The official name, as the table writes it (`数量指标`).
    pub fn name(self) -> &'static str {
        match self {
            Level2::Quantity => "数量指标",
            Level2::Quality => "质量指标",
            Level2::Timeliness => "时效指标",
            Level2::Cost => "成本指标",
            Level2::EconomicCost => "经济成本指标",
            Level2::SocialCost => "社会成本指标",
            Level2::EcologicalCost => "生态环境成本指标",
            Level2::EconomicBenefit => "经济效益指标",
            Level2::SocialBenefit => "社会效益指标",
            Level2::EcologicalBenefit => "生态效益指标",
            Level2::Sustainability => "可持续影响指标",
            Level2::Satisfaction => "服务对象满意度指标",
        }
    }

    /// The official name with its English gloss: `数量指标`, `quantity`.
    pub fn label(self) -> Text {
        let en = match self {
            Level2::Quantity => "quantity",
            Level2::Quality => "quality",
            Level2::Timeliness => "timeliness",
            Level2::Cost => "cost",
            Level2::EconomicCost => "economic cost",
            Level2::SocialCost => "social cost",
            Level2::EcologicalCost => "ecological cost",
            Level2::EconomicBenefit => "economic benefit",
            Level2::SocialBenefit => "social benefit",
            Level2::EcologicalBenefit => "ecological benefit",
            Level2::Sustainability => "sustainable impact",
            Level2::Satisfaction => "beneficiary satisfaction",
        };
        Text::new(self.name(), en)
    }

    /// Reads a 二级 cell, folding the names seen in the wild onto the official
    /// ones: 进度指标 → 时效指标, 环境效益指标 → 生态效益指标,
    /// 社会公众或服务对象满意度指标 → 服务对象满意度指标.
    pub fn parse(text: &str) -> Option<Level2> {
        let core = core_name(text);
        Some(match core.trim_end_matches("指标") {
            "数量" => Level2::Quantity,
            "质量" => Level2::Quality,
            "时效" | "进度" => Level2::Timeliness,
            "成本" => Level2::Cost,
            "经济成本" => Level2::EconomicCost,
            "社会成本" => Level2::SocialCost,
            "生态环境成本" | "生态成本" | "环境成本" => Level2::EcologicalCost,
            "经济效益" => Level2::EconomicBenefit,
            "社会效益" => Level2::SocialBenefit,
            "生态效益" | "环境效益" | "生态环境效益" => Level2::EcologicalBenefit,
            "可持续影响" | "可持续发展" => Level2::Sustainability,
            "服务对象满意度" | "社会公众或服务对象满意度" | "满意度" => {
                Level2::Satisfaction
            }
            _ => return None,
        })
    }

    /// A cost indicator in either framework (成本指标, 经济成本指标 …).
    pub fn is_cost(self) -> bool {
        matches!(
            self,
            Level2::Cost | Level2::EconomicCost | Level2::SocialCost | Level2::EcologicalCost
        )
    }
}

impl Framework {
    pub fn label(self) -> &'static str {
        match self {
            Framework::F2020 => "2020",
            Framework::F2021 => "2021",
        }
    }

    /// The 一级 of this framework, in the order of the official table.
    pub fn level1s(self) -> &'static [Level1] {
        match self {
            Framework::F2020 => &[Level1::Output, Level1::Benefit, Level1::Satisfaction],
            Framework::F2021 => &[
                Level1::Cost,
                Level1::Output,
                Level1::Benefit,
                Level1::Satisfaction,
            ],
        }
    }

    /// The 二级 that belong under a 一级 in this framework.
    pub fn level2s(self, level1: Level1) -> &'static [Level2] {
        use Level2::*;
        match (self, level1) {
            (Framework::F2020, Level1::Output) => &[Quantity, Quality, Timeliness, Cost],
            (Framework::F2020, Level1::Cost) => &[],
            (Framework::F2021, Level1::Output) => &[Quantity, Quality, Timeliness],
            (Framework::F2021, Level1::Cost) => &[EconomicCost, SocialCost, EcologicalCost],
            (_, Level1::Benefit) => &[
                EconomicBenefit,
                SocialBenefit,
                EcologicalBenefit,
                Sustainability,
            ],
            (_, Level1::Satisfaction) => &[Satisfaction],
        }
    }

    /// Where a 二级 belongs in this framework, if anywhere.
    pub fn parent_of(self, level2: Level2) -> Option<Level1> {
        self.level1s()
            .iter()
            .copied()
            .find(|l1| self.level2s(*l1).contains(&level2))
    }

    /// Framework 2021 when 成本指标 is used as a 一级, else 2020.
    pub fn detect<'a>(level1_cells: impl IntoIterator<Item = &'a str>) -> Framework {
        if level1_cells
            .into_iter()
            .any(|c| Level1::parse(c) == Some(Level1::Cost))
        {
            Framework::F2021
        } else {
            Framework::F2020
        }
    }

    /// The 二级 a cost row moves to when the table switches framework:
    /// 成本指标 (2020, under 产出) ↔ 经济成本指标 (2021, under 成本).
    pub fn translate(self, level2: Level2) -> (Level1, Level2) {
        let level2 = match (self, level2) {
            (Framework::F2021, Level2::Cost) => Level2::EconomicCost,
            (Framework::F2020, l) if l.is_cost() => Level2::Cost,
            (_, l) => l,
        };
        let level1 = self.parent_of(level2).unwrap_or(Level1::Output);
        (level1, level2)
    }
}

/// A cell name without spaces and without a trailing weight such as
/// `(50分)` or `（30）`.
pub fn core_name(text: &str) -> std::borrow::Cow<'_, str> {
    let t = text.trim();
    let plain = !t.chars().any(char::is_whitespace) && !t.ends_with([')', '）']);
    if plain {
        return std::borrow::Cow::Borrowed(t);
    }
    let mut s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    while let Some(stripped) = strip_trailing_paren(&s) {
        s = stripped;
    }
    s.into()
}

fn strip_trailing_paren(s: &str) -> Option<String> {
    let close = s.chars().last()?;
    let open = match close {
        ')' => '(',
        '）' => '（',
        _ => return None,
    };
    let start = s.rfind([open, '(', '（'])?;
    (start > 0).then(|| s[..start].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_fold_onto_official_names() {
        assert_eq!(Level2::parse("进度指标"), Some(Level2::Timeliness));
        assert_eq!(
            Level2::parse("环境效益指标"),
            Some(Level2::EcologicalBenefit)
        );
        assert_eq!(
            Level2::parse("社会公众或服务对象满意度指标"),
            Some(Level2::Satisfaction)
        );
        assert_eq!(Level1::parse("产出指标(50分)"), Some(Level1::Output));
        assert_eq!(Level1::parse("产出指标（50分）"), Some(Level1::Output));
        assert_eq!(Level1::parse(" 满意度 指标 "), Some(Level1::Satisfaction));
        assert_eq!(Level1::parse("其他"), None);
    }

    #[test]
    fn frameworks_place_cost_differently() {
        assert_eq!(
            Framework::F2020.parent_of(Level2::Cost),
            Some(Level1::Output)
        );
        assert_eq!(Framework::F2021.parent_of(Level2::Cost), None);
        assert_eq!(
            Framework::F2021.parent_of(Level2::EconomicCost),
            Some(Level1::Cost)
        );
        assert_eq!(
            Framework::F2021.translate(Level2::Cost),
            (Level1::Cost, Level2::EconomicCost)
        );
        assert_eq!(
            Framework::F2020.translate(Level2::SocialCost),
            (Level1::Output, Level2::Cost)
        );
    }

    #[test]
    fn detection_looks_for_cost_as_level1() {
        assert_eq!(
            Framework::detect(["产出指标", "效益指标"]),
            Framework::F2020
        );
        assert_eq!(
            Framework::detect(["成本指标", "产出指标"]),
            Framework::F2021
        );
    }
}
