//! The Tianjin 2025 项目支出绩效目标表: the form of the published tables
//! (`tests/fixtures/tianjin-2025-tables-1-8.txt`), and the default. Its
//! labels are the common ones ([`Field::label`]), its importers need no
//! aliases of their own, and it checks the common rules.

use super::layout::{label, line, optional, text, value, Layout, Slot, Title};
use super::{ColumnSpec, FieldSpec, Group, Kind, Spec};
use crate::budget::MoneyUnit;
use crate::framework::Framework;
use crate::lang::Text;
use crate::rules::{Column, Field};

pub(super) static SPEC: Spec = Spec {
    id: "tianjin-2025",
    name: Text::new("天津 2025", "Tianjin 2025"),
    title: "绩效目标表",
    framework: Framework::F2020,
    fixed_framework: false,
    money_unit: MoneyUnit::Wan,
    fixed_money_unit: false,
    grouped_amounts: false,
    groups: &[
        Group {
            key: "basic",
            label: Text::new("基本信息", "Basic information"),
            fields: &[
                FieldSpec::new(Field::UnitCode, "单位编码", "unit code", Kind::Line)
                    .example("331202"),
                FieldSpec::new(Field::UnitName, "单位名称", "unit name", Kind::Line).required(),
                FieldSpec::new(Field::MoneyUnit, "金额单位", "money unit", Kind::MoneyUnit),
                FieldSpec::new(Field::Project, "项目名称", "project name", Kind::Line).required(),
            ],
        },
        Group {
            key: "budget",
            label: Text::new("预算", "Budget"),
            fields: &[
                FieldSpec::new(Field::BudgetTotal, "预算数", "budget", Kind::Amount)
                    .required()
                    .example("45.00"),
                FieldSpec::new(
                    Field::BudgetFiscal,
                    "财政资金",
                    "fiscal funds",
                    Kind::Amount,
                )
                .part_of(Field::BudgetTotal),
                FieldSpec::new(Field::BudgetOther, "其他资金", "other funds", Kind::Amount)
                    .part_of(Field::BudgetTotal),
            ],
        },
        Group {
            key: "purpose",
            label: Text::new("资金用途", "Use of funds"),
            fields: &[FieldSpec::new(
                Field::Purpose,
                "资金用途",
                "use of funds",
                Kind::Paragraph,
            )],
        },
        Group {
            key: "goals",
            label: Text::new("绩效目标", "Goals"),
            fields: &[FieldSpec::new(Field::Goals, "绩效目标", "goals", Kind::Goals).required()],
        },
    ],
    columns: &[
        ColumnSpec::new(Column::Level1, "一级指标", "level-1 indicator", 1),
        ColumnSpec::new(Column::Level2, "二级指标", "level-2 indicator", 1),
        ColumnSpec::new(Column::Name, "三级指标", "level-3 indicator", 2),
        ColumnSpec::new(Column::Description, "绩效指标描述", "description", 2),
        ColumnSpec::new(Column::Value, "指标值", "target value", 1),
    ],
    layout: Layout {
        title: Title::Numbered {
            suffix: "绩效目标表",
        },
        unit_line: true,
        rows: &[
            line(&[label("项目名称"), value(Field::Project, 6)]),
            // Fields other provinces' forms add get rows only when present,
            // so a Tianjin table prints exactly like the published one.
            optional(&[label("主管部门"), value(Field::Department, 6)]),
            optional(&[label("实施单位"), value(Field::Implementer, 6)]),
            optional(&[label("项目资金总额"), value(Field::TotalFunds, 6)]),
            optional(&[
                label("计划开始日期"),
                value(Field::PlanStart, 2),
                label("计划完成日期"),
                value(Field::PlanEnd, 3),
            ]),
            line(&[
                Slot::Label {
                    text: "预算规模及资金用途",
                    span: 1,
                    rows: 2,
                },
                label("预算数"),
                value(Field::BudgetTotal, 1),
                label("其中：财政资金"),
                value(Field::BudgetFiscal, 1),
                label("其他资金"),
                value(Field::BudgetOther, 1),
            ]),
            line(&[text(Field::Purpose, 6)]),
            optional(&[label("项目总目标"), text(Field::OverallGoal, 6)]),
            line(&[label("绩效目标"), text(Field::Goals, 6)]),
        ],
    },
    aliases: &[],
    markers: &[],
    adds: &[],
    skips: &[],
};
