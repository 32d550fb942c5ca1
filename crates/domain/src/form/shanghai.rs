//! The 上海 财政项目支出绩效目标申报表, as the 2026 district budgets publish
//! it (hand-made samples: `tests/fixtures/shanghai/`):
//!
//! ```text
//!                 财政项目支出绩效目标申报表
//!                        （2026年度）
//! 项目名称     │ 长风路-曹杨路地道改建工程
//! 项目性质     │ 阶段性项目        │ 项目类别          │ 特定目标类
//! 主管部门     │ 上海市某某区建设和管理委员会
//! 实施单位     │ 上海市某某区建设和管理委员会
//! 计划开始日期 │ 2024-01-01        │ 计划完成日期      │ 2026-12-31
//! 项目资金（元）│ 项目资金总额 │ 5,200,000.00 │ 年度资金申请总额   │ 1,200,000.00
//!              │ 其中：财政资金│ 5,200,000.00 │ 其中：当年财政拨款 │ 1,000,000.00
//!              │ 其他资金     │              │ 上年结转资金       │   200,000.00
//!              │              │              │ 其他资金           │
//! 项目绩效目标 │ 项目总体目标（2024 年-2026 年） │ 年度总体目标
//!              │ 1.…                            │ 1.…
//! 一级指标 │ 二级指标 │ 三级指标 │ 年度指标值
//! ```
//!
//! Amounts are in 元, with thousands separators; the framework is the 2021
//! one (成本指标 a 一级); there is no 绩效指标描述 column. The heading of the
//! overall goal names the plan's years when they differ. The year's money
//! is the table's budget (`budget`: 年度资金申请总额 = 当年财政拨款 + 上年结转资金
//! + 其他资金), so the cost rules compare costs with it, not with 项目资金总额.

use super::layout::{label, line, text, value, Layout, Slot, Title};
use super::{Alias, ColumnSpec, FieldSpec, Group, Kind, Spec};
use crate::budget::MoneyUnit;
use crate::framework::Framework;
use crate::lang::Text;
use crate::rules::{Column, Field, Rule};

/// What 项目性质 can be.
const NATURES: &[&str] = &["阶段性项目", "经常性项目"];

pub(super) static SPEC: Spec = Spec {
    id: "shanghai",
    name: Text::new("上海 申报表", "Shanghai application form"),
    title: "财政项目支出绩效目标申报表",
    framework: Framework::F2021,
    fixed_framework: true,
    money_unit: MoneyUnit::Yuan,
    fixed_money_unit: true,
    grouped_amounts: true,
    groups: &[
        Group {
            key: "basic",
            label: Text::new("基本信息", "Basic information"),
            fields: &[
                FieldSpec::new(Field::Year, "年度", "year", Kind::Year)
                    .required()
                    .example("2026"),
                FieldSpec::new(Field::Project, "项目名称", "project name", Kind::Line).required(),
                FieldSpec::new(
                    Field::Nature,
                    "项目性质",
                    "project nature",
                    Kind::Choice(NATURES),
                )
                .required(),
                FieldSpec::new(Field::Category, "项目类别", "project category", Kind::Line)
                    .required()
                    .example("特定目标类"),
                FieldSpec::new(
                    Field::Department,
                    "主管部门",
                    "supervising department",
                    Kind::Line,
                )
                .required(),
                FieldSpec::new(
                    Field::Implementer,
                    "实施单位",
                    "implementing unit",
                    Kind::Line,
                )
                .required(),
                FieldSpec::new(
                    Field::PlanStart,
                    "计划开始日期",
                    "planned start",
                    Kind::Date,
                )
                .required()
                .example("2024-01-01"),
                FieldSpec::new(Field::PlanEnd, "计划完成日期", "planned end", Kind::Date)
                    .required()
                    .example("2026-12-31"),
            ],
        },
        Group {
            key: "budget",
            label: Text::new("项目资金（元）", "Project funds (元)"),
            fields: &[
                FieldSpec::new(
                    Field::TotalFunds,
                    "项目资金总额",
                    "total project funds",
                    Kind::Amount,
                )
                .required()
                .example("5,200,000.00"),
                FieldSpec::new(
                    Field::TotalFundsFiscal,
                    "其中：财政资金",
                    "of which fiscal funds",
                    Kind::Amount,
                )
                .part_of(Field::TotalFunds),
                FieldSpec::new(
                    Field::TotalFundsOther,
                    "其他资金",
                    "other funds",
                    Kind::Amount,
                )
                .part_of(Field::TotalFunds),
                FieldSpec::new(
                    Field::BudgetTotal,
                    "年度资金申请总额",
                    "funds requested this year",
                    Kind::Amount,
                )
                .required()
                .example("1,200,000.00"),
                FieldSpec::new(
                    Field::BudgetFiscal,
                    "当年财政拨款",
                    "this year's appropriation",
                    Kind::Amount,
                )
                .part_of(Field::BudgetTotal),
                FieldSpec::new(
                    Field::Carryover,
                    "上年结转资金",
                    "carried over from last year",
                    Kind::Amount,
                )
                .part_of(Field::BudgetTotal),
                FieldSpec::new(Field::BudgetOther, "其他资金", "other funds", Kind::Amount)
                    .part_of(Field::BudgetTotal),
            ],
        },
        Group {
            key: "goals",
            label: Text::new("项目绩效目标", "Performance goals"),
            fields: &[
                FieldSpec::new(
                    Field::OverallGoal,
                    "项目总目标",
                    "overall goal",
                    Kind::Paragraph,
                )
                .required(),
                FieldSpec::new(Field::Goals, "年度总体目标", "goals this year", Kind::Goals)
                    .required(),
            ],
        },
    ],
    columns: &[
        ColumnSpec::new(Column::Level1, "一级指标", "level-1 indicator", 1),
        ColumnSpec::new(Column::Level2, "二级指标", "level-2 indicator", 1),
        ColumnSpec::new(Column::Name, "三级指标", "level-3 indicator", 3),
        ColumnSpec::new(Column::Value, "年度指标值", "annual target value", 2),
    ],
    layout: Layout {
        title: Title::Fixed {
            text: "财政项目支出绩效目标申报表",
            year_line: "（{year}年度）",
        },
        unit_line: false,
        rows: &[
            line(&[label("项目名称"), value(Field::Project, 6)]),
            line(&[
                label("项目性质"),
                value(Field::Nature, 2),
                label("项目类别"),
                value(Field::Category, 3),
            ]),
            line(&[label("主管部门"), value(Field::Department, 6)]),
            line(&[label("实施单位"), value(Field::Implementer, 6)]),
            line(&[
                label("计划开始日期"),
                value(Field::PlanStart, 2),
                label("计划完成日期"),
                value(Field::PlanEnd, 3),
            ]),
            line(&[
                Slot::Label {
                    text: "项目资金（{unit}）",
                    span: 1,
                    rows: 4,
                },
                label("项目资金总额"),
                value(Field::TotalFunds, 2),
                label("年度资金申请总额"),
                value(Field::BudgetTotal, 2),
            ]),
            line(&[
                label("其中：财政资金"),
                value(Field::TotalFundsFiscal, 2),
                label("其中：当年财政拨款"),
                value(Field::BudgetFiscal, 2),
            ]),
            line(&[
                label("其他资金"),
                value(Field::TotalFundsOther, 2),
                label("上年结转资金"),
                value(Field::Carryover, 2),
            ]),
            line(&[
                Slot::Blank { span: 3 },
                label("其他资金"),
                value(Field::BudgetOther, 2),
            ]),
            line(&[
                Slot::Label {
                    text: "项目绩效目标",
                    span: 1,
                    rows: 2,
                },
                Slot::GoalHeading {
                    single: "项目总目标",
                    multi: "项目总体目标（{start} 年-{end} 年）",
                    span: 3,
                },
                Slot::Label {
                    text: "年度总体目标",
                    span: 3,
                    rows: 1,
                },
            ]),
            line(&[text(Field::OverallGoal, 3), text(Field::Goals, 3)]),
        ],
    },
    aliases: &[
        Alias {
            label: "项目名称",
            fields: &[Field::Project],
        },
        Alias {
            label: "项目性质",
            fields: &[Field::Nature],
        },
        Alias {
            label: "项目类别",
            fields: &[Field::Category],
        },
        Alias {
            label: "主管部门",
            fields: &[Field::Department],
        },
        Alias {
            label: "实施单位",
            fields: &[Field::Implementer],
        },
        Alias {
            label: "计划开始日期",
            fields: &[Field::PlanStart],
        },
        Alias {
            label: "计划完成日期",
            fields: &[Field::PlanEnd],
        },
        Alias {
            label: "项目资金",
            fields: &[],
        },
        Alias {
            label: "项目资金总额",
            fields: &[Field::TotalFunds],
        },
        Alias {
            label: "其中：财政资金",
            fields: &[Field::TotalFundsFiscal],
        },
        Alias {
            label: "财政资金",
            fields: &[Field::TotalFundsFiscal],
        },
        Alias {
            label: "年度资金申请总额",
            fields: &[Field::BudgetTotal],
        },
        Alias {
            label: "其中：当年财政拨款",
            fields: &[Field::BudgetFiscal],
        },
        Alias {
            label: "当年财政拨款",
            fields: &[Field::BudgetFiscal],
        },
        Alias {
            label: "上年结转资金",
            fields: &[Field::Carryover],
        },
        Alias {
            label: "其他资金",
            fields: &[Field::TotalFundsOther, Field::BudgetOther],
        },
        Alias {
            label: "项目绩效目标",
            fields: &[],
        },
        Alias {
            label: "项目总目标",
            fields: &[Field::OverallGoal],
        },
        Alias {
            label: "项目总体目标",
            fields: &[Field::OverallGoal],
        },
        Alias {
            label: "年度总体目标",
            fields: &[Field::Goals],
        },
    ],
    markers: &[
        "项目性质",
        "年度资金申请总额",
        "当年财政拨款",
        "上年结转资金",
    ],
    adds: &[
        Rule::FieldMissing,
        Rule::FieldChoice,
        Rule::AnnualFundsSum,
        Rule::TotalFundsSum,
        Rule::AnnualOverTotal,
        Rule::FormMoneyUnit,
        Rule::YuanPrecision,
        Rule::PlanDateInvalid,
        Rule::PlanDatesOrder,
        Rule::YearOutsidePlan,
        Rule::PhasedSpan,
    ],
    skips: &[Rule::UnitNameMissing, Rule::UnitCodeFormat, Rule::BudgetSum],
};
