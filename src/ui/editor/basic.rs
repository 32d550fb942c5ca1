//! Section 1 of the form: 基本信息.

use leptos::prelude::*;

use crate::domain::budget::MoneyUnit;
use crate::domain::rules::Field;
use crate::ui::lang::{lang, tr};

use super::anchor::field_id;
use super::field::TextField;
use super::frame::SectionFrame;
use super::section::Section;
use super::state::use_editor;

/// Section 1: 单位编码, 单位名称, 项目名称, 金额单位.
#[component]
pub fn BasicSection() -> impl IntoView {
    let editor = use_editor();
    let unit_id = field_id(Field::MoneyUnit);
    view! {
        <SectionFrame section=Section::Basic>
            <div class="grid basic">
                <TextField
                    field=Field::UnitCode
                    get=|t| &t.unit_code
                    set=|t| &mut t.unit_code
                    inputmode="numeric"
                    class="code"
                    note=tr("数字，如 331202", "Digits, e.g. 331202")
                />
                <TextField field=Field::UnitName get=|t| &t.unit_name set=|t| &mut t.unit_name required=true class="wide" />
                <TextField field=Field::Project get=|t| &t.project set=|t| &mut t.project required=true class="wide" />
                <div class="field unit-select">
                    <label for=unit_id.clone()>{Field::MoneyUnit.heading().into_lang(lang())}</label>
                    <select
                        id=unit_id
                        on:change=move |ev| {
                            if let Some(u) = MoneyUnit::parse(&event_target_value(&ev)) {
                                editor.update(|t| t.money_unit = u);
                            }
                        }
                    >
                        {MoneyUnit::ALL
                            .iter()
                            .map(|&u| {
                                view! {
                                    <option
                                        value=u.label()
                                        prop:selected=move || editor.money_unit.get() == u
                                    >
                                        {u.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p class="note">{tr("表中所有金额都用这个单位", "Every amount in the table is in this unit (万元 = 10,000 yuan)")}</p>
                </div>
            </div>
        </SectionFrame>
    }
}
