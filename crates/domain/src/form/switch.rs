//! Moving a table to another form. Nothing is dropped: fields and columns
//! the new form does not show stay in the table (and in its files and
//! share links) for [`super::Form::lacks`] to name, and come back when the
//! table switches back. What the new form fixes is brought in line: its
//! framework (cost rows move, as [`Table::switch_framework`] does) and its
//! money unit (every amount converted exactly: 45.00 万元 is 450000.00 元).

use rust_decimal::Decimal;

use super::Form;
use crate::budget::{Amount, MoneyUnit};
use crate::rules::Field;
use crate::table::Table;

impl Table {
    /// Puts the table on `form`, keeping everything it holds.
    pub fn switch_form(&mut self, form: Form) {
        let spec = form.spec();
        self.form = form;
        if spec.fixed_framework && self.framework != spec.framework {
            self.switch_framework(spec.framework);
        }
        if spec.fixed_money_unit && self.money_unit != spec.money_unit {
            let (from, to) = (self.money_unit, spec.money_unit);
            for field in Field::ALL {
                if let Some(Amount::Value(d)) = field.amount(self) {
                    if let Some(converted) = convert(*d, from, to) {
                        field.set_text(self, &converted.to_string());
                    }
                }
            }
            self.money_unit = to;
        }
    }
}

/// `amount` in `from` as an amount in `to`, exactly (units differ by powers
/// of ten), with at least two decimals and no trailing zeros beyond them.
/// `None` only when it does not fit a decimal.
pub(super) fn convert(amount: Decimal, from: MoneyUnit, to: MoneyUnit) -> Option<Decimal> {
    let yuan = amount.checked_mul(from.in_yuan())?;
    let mut out = yuan.checked_div(to.in_yuan())?.normalize();
    if out.scale() < 2 {
        out.rescale(2);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::table::Indicator;

    #[test]
    fn amounts_convert_exactly_with_two_decimals_at_least() {
        let c = |s: &str, from, to| convert(s.parse().unwrap(), from, to).unwrap().to_string();
        assert_eq!(c("45.00", MoneyUnit::Wan, MoneyUnit::Yuan), "450000.00");
        assert_eq!(c("45.125", MoneyUnit::Wan, MoneyUnit::Yuan), "451250.00");
        assert_eq!(c("5200000.00", MoneyUnit::Yuan, MoneyUnit::Wan), "520.00");
        assert_eq!(c("5200001.5", MoneyUnit::Yuan, MoneyUnit::Wan), "520.00015");
        assert_eq!(c("3", MoneyUnit::Yi, MoneyUnit::Yuan), "300000000.00");
    }

    #[test]
    fn switching_to_shanghai_moves_cost_rows_and_converts_money_and_keeps_the_rest() {
        let mut t = Table {
            unit_code: "331202".into(),
            unit_name: "某研究院".into(),
            purpose: "用于运维。".into(),
            budget: crate::budget::Budget {
                total: Amount::parse("45.00"),
                fiscal: Amount::parse("45.00"),
                other: Amount::Blank,
            },
            indicators: vec![Indicator::new(
                "产出指标",
                "成本指标",
                "经费总额",
                "经费总额",
                "≤45万元",
            )],
            ..Table::default()
        };
        let before = t.clone();
        t.switch_form(Form::Shanghai);
        assert_eq!(t.form, Form::Shanghai);
        assert_eq!(t.framework, Framework::F2021);
        assert_eq!(t.money_unit, MoneyUnit::Yuan);
        assert_eq!(t.budget.total.text(), "450000.00");
        assert!(t.budget.other.is_blank());
        assert_eq!(t.indicators[0].level1, "成本指标");
        assert_eq!(t.indicators[0].value, "≤45万元", "values carry their unit");
        assert_eq!(
            Form::Shanghai.lacks(&t),
            vec![Field::UnitCode, Field::UnitName, Field::Purpose]
        );
        assert_eq!(
            Form::Shanghai.lacks_columns(&t),
            vec![crate::rules::Column::Description]
        );
        assert_eq!(t.unit_name, before.unit_name);
        assert_eq!(t.purpose, before.purpose);
        assert_eq!(t.indicators[0].description, "经费总额");

        // Back to Tianjin: its framework and unit are the author's choice,
        // so they stay; the 上海 fields are kept and named.
        t.nature = Some("阶段性项目".into());
        t.switch_form(Form::Tianjin2025);
        assert_eq!(t.form, Form::Tianjin2025);
        assert_eq!(t.money_unit, MoneyUnit::Yuan);
        assert_eq!(t.framework, Framework::F2021);
        assert_eq!(Form::Tianjin2025.lacks(&t), vec![Field::Nature]);
        assert!(Form::Tianjin2025.lacks_columns(&t).is_empty());
    }

    #[test]
    fn text_that_is_no_number_survives_a_unit_conversion() {
        let mut t = Table::default();
        t.budget.total = Amount::parse("四十五万");
        t.switch_form(Form::Shanghai);
        assert_eq!(t.budget.total, Amount::Invalid("四十五万".into()));
    }
}
