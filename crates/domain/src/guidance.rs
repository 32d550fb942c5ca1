//! Short guidance on writing each kind of indicator, for the help page.
//!
//! Paraphrases what 财预〔2020〕10号 and 财预〔2021〕101号 ask of each
//! kind (数量/质量/时效/成本/效益/满意度), next to the rules in
//! [`super::rules`] that enforce the checkable part. Kept in the domain so
//! the help page and the command line show the same text.

use super::framework::Level2;
use super::lang::Text;

/// One kind of indicator and how to write it well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guidance {
    /// The 二级 indicators this covers (效益 covers four).
    pub kinds: &'static [Level2],
    /// The kind of indicator (`数量指标`, `Quantity`).
    pub title: Text,
    /// How to write it.
    pub text: Text,
    /// A well-written row: name and target value.
    pub example: (&'static str, &'static str),
}

/// Guidance for every kind of indicator, in the order of the form.
pub const ALL: &[Guidance] = &[
    Guidance {
        kinds: &[Level2::Quantity],
        title: Text::new("数量指标", "Quantity"),
        text: Text::new(
            "反映预计提供的公共产品或服务的数量。写能数出来的量，带计数单位（个、项、人次、场、份），不写“完成”“达标”等文字；整数，不写小数。",
            "How much the project will deliver. Write something that can be counted, with a counting unit (个, 项, 人次, 场, 份), not words such as 完成 or 达标; whole numbers only.",
        ),
        example: ("培训人次", "≥500人次"),
    },
    Guidance {
        kinds: &[Level2::Quality],
        title: Text::new("质量指标", "Quality"),
        text: Text::new(
            "反映产品或服务达到的标准和水平，常用合格率、验收通过率、达标率，写成百分比，且不超过 100%。数份数、册数的指标放在数量指标下。",
            "The standard the output meets: a pass rate, an acceptance rate, a compliance rate, as a percentage of at most 100%. Counts of copies or volumes belong under quantity.",
        ),
        example: ("系统验收通过率", "100%"),
    },
    Guidance {
        kinds: &[Level2::Timeliness],
        title: Text::new("时效指标", "Timeliness"),
        text: Text::new(
            "反映完成的及时程度：完成时间或时限，如“≤12月”“2025年11月底前”。年度目标不超过 12 个月，也不晚于计划完成日期。",
            "How promptly the work is done: a deadline or a time limit, such as ≤12月 or 2025年11月底前. An annual target stays within 12 months and before the planned end.",
        ),
        example: ("项目完成时间", "≤12月"),
    },
    Guidance {
        kinds: &[
            Level2::Cost,
            Level2::EconomicCost,
            Level2::SocialCost,
            Level2::EcologicalCost,
        ],
        title: Text::new("成本指标", "Cost"),
        text: Text::new(
            "反映提供产品或服务所需的成本，用“≤”封顶，单位是元、万元或亿元，且不超过预算数。名称含“成本”“经费”“资金”的指标要写金额。",
            "What the output costs: capped with ≤, in 元, 万元 or 亿元, and no more than the budget. An indicator named 成本, 经费 or 资金 needs an amount.",
        ),
        example: ("项目总成本", "≤45万元"),
    },
    Guidance {
        kinds: &[
            Level2::EconomicBenefit,
            Level2::SocialBenefit,
            Level2::EcologicalBenefit,
            Level2::Sustainability,
        ],
        title: Text::new("效益指标", "Benefit"),
        text: Text::new(
            "反映项目产生的经济、社会、生态效益和可持续影响。能量化的尽量量化（覆盖人数、使用率、节约金额）；确实无法量化的，写清可判断的结果，不只写“有所提升”。",
            "The economic, social and ecological effects and lasting impact. Quantify where you can (people reached, a usage rate, money saved); where you cannot, describe a result someone can verify, not just 有所提升.",
        ),
        example: ("决策咨询报告被采纳数", "≥3篇"),
    },
    Guidance {
        kinds: &[Level2::Satisfaction],
        title: Text::new("满意度指标", "Satisfaction"),
        text: Text::new(
            "反映服务对象或受益人的认可程度，写成“≥”加百分比，一般不低于 80%（常见 ≥90%）。",
            "How satisfied the people served are: ≥ and a percentage, normally at least 80% (often ≥90%).",
        ),
        example: ("服务对象满意度", "≥90%"),
    },
];

/// The guidance for a 二级 indicator.
pub fn for_level2(l2: Level2) -> Option<&'static Guidance> {
    ALL.iter().find(|g| g.kinds.contains(&l2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::value;

    #[test]
    fn every_level2_of_both_frameworks_has_guidance() {
        for fw in [Framework::F2020, Framework::F2021] {
            for &l1 in fw.level1s() {
                for &l2 in fw.level2s(l1) {
                    assert!(for_level2(l2).is_some(), "no guidance for {}", l2.name());
                }
            }
        }
    }

    #[test]
    fn examples_are_values_the_parser_reads_as_numbers() {
        for g in ALL {
            let v = value::parse(g.example.1);
            assert!(
                matches!(v, value::Value::Quantity(_)),
                "{}: {} reads as {v:?}",
                g.title.zh,
                g.example.1
            );
            assert!(!g.text.zh.is_empty() && !g.text.en.is_empty());
        }
    }
}
