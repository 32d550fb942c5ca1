//! How a value was understood, said back to the author as they type
//! (`≥ 95 %（百分比）`), so a misread unit or comparison shows at once.

use super::{UnitClass, Value};
use crate::lang::Text;

impl UnitClass {
    /// What the unit measures: `百分比`, `percent`.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            UnitClass::Percent => ("百分比", "percent"),
            UnitClass::Money(_) => ("金额", "money"),
            UnitClass::Count => ("计数", "count"),
            UnitClass::Time(_) => ("时间", "time"),
            UnitClass::Other => ("其他单位", "other unit"),
            UnitClass::None => ("无单位", "no unit"),
        }
    }
}

impl Value {
    /// How the value was understood: `≥ 95 %（百分比）`, `≥ 95 % (percent)`.
    pub fn reading(&self) -> Text {
        match self {
            Value::Empty => Text::new("（空）", "(empty)"),
            Value::Placeholder => Text::new(
                "模板占位符，不是指标值",
                "template placeholder, not a value",
            ),
            Value::Qualitative(_) => Text::new("定性指标（文字描述）", "qualitative (words)"),
            Value::NumberOutOfRange { digits } => Text::owned(
                format!("数字有 {digits} 位，超出可读范围，无法作为数值读取"),
                format!("a number of {digits} digits: too long to read as a number"),
            ),
            Value::Date { comparison, date } => {
                let c = comparison.symbol();
                Text::owned(format!("{c} {date}（日期）"), format!("{c} {date} (date)"))
            }
            Value::Quantity(q) => {
                let (class_zh, class_en) = q.class.names();
                let (implicit_zh, implicit_en) = if q.explicit {
                    ("", "")
                } else {
                    ("（未写比较符，按 = 理解）", " (no comparison: read as =)")
                };
                let (c, n, u) = (q.comparison.symbol(), q.number, &q.unit);
                Text::owned(
                    format!("{c} {n} {u}（{class_zh}）{implicit_zh}").replace("  ", " "),
                    format!("{c} {n} {u} ({class_en}){implicit_en}").replace("  ", " "),
                )
            }
        }
    }
}
