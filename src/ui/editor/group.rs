//! A section drawn from a group of the form's fields (基本信息, 预算,
//! 项目资金（元）, 项目绩效目标 …): each field by its kind (`field.rs`,
//! `amount.rs`, `goals.rs`); a total and its parts as one block, their sum
//! checked under it (`amount.rs`).

use leptos::prelude::*;

use crate::domain::form::{FieldSpec, Form, Group, Kind};
use crate::domain::rules::Field;

use super::amount::{blank_parts_note, parts_of, AmountField, SumCheck};
use super::field::{ChoiceField, LineField, MoneyUnitField, ParagraphField};
use super::frame::SectionFrame;
use super::goals::GoalsField;
use super::section::Section;

/// The input for one field of `form`, by its kind.
#[component]
pub fn FormField(form: Form, spec: &'static FieldSpec, alone: bool) -> impl IntoView {
    match spec.kind {
        Kind::Amount => view! { <AmountField form=form spec=spec /> }.into_any(),
        Kind::Goals => view! { <GoalsField form=form spec=spec alone=alone /> }.into_any(),
        Kind::Paragraph => view! { <ParagraphField form=form spec=spec /> }.into_any(),
        Kind::MoneyUnit => view! { <MoneyUnitField form=form spec=spec /> }.into_any(),
        Kind::Choice(words) => view! { <ChoiceField form=form spec=spec words=words /> }.into_any(),
        Kind::Line | Kind::Date | Kind::Year => {
            view! { <LineField form=form spec=spec /> }.into_any()
        }
    }
}

/// Fields side by side, or a total with its parts.
enum Chunk {
    Fields(Vec<&'static FieldSpec>),
    Sum(Field, Vec<&'static FieldSpec>),
}

/// The group's fields in order, a total and the parts after it together.
fn chunks(form: Form, group: &'static Group) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for spec in group.fields {
        let is_total = !parts_of(form, spec.field).is_empty();
        match out.last_mut() {
            _ if is_total => out.push(Chunk::Sum(spec.field, vec![spec])),
            Some(Chunk::Sum(total, fields)) if spec.part_of == Some(*total) => fields.push(spec),
            Some(Chunk::Fields(fields)) => fields.push(spec),
            _ => out.push(Chunk::Fields(vec![spec])),
        }
    }
    out
}

/// One section of the form: its group's fields.
#[component]
pub fn GroupSection(form: Form, group: &'static Group) -> impl IntoView {
    let alone = group.fields.len() == 1;
    let chunks = chunks(form, group);
    let has_sums = chunks.iter().any(|c| matches!(c, Chunk::Sum(..)));
    let draw = move |fields: Vec<&'static FieldSpec>| {
        fields
            .into_iter()
            .map(|spec| view! { <FormField form=form spec=spec alone=alone /> })
            .collect_view()
    };
    let body = chunks
        .into_iter()
        .map(|chunk| match chunk {
            Chunk::Fields(fields) => {
                view! { <div class=format!("fields {}", group.key)>{draw(fields)}</div> }.into_any()
            }
            Chunk::Sum(total, fields) => view! {
                <div class="sum-block">
                    <div class=format!("fields {}", group.key)>{draw(fields)}</div>
                    <SumCheck total=total />
                </div>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <SectionFrame section=Section::Group(group.key) form=form>
            {body}
            {has_sums.then(|| view! { <p class="note">{blank_parts_note()}</p> })}
        </SectionFrame>
    }
}
