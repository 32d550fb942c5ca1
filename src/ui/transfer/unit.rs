//! The drafts an export or an import works on: the unit's documents (the
//! drafts of the open table's unit, in the order they were added), and
//! opening a draft just added.

use leptos::prelude::*;

use crate::domain::Table;
use crate::ui::drafts::Session;
use crate::ui::editor::Section;
use crate::ui::platform::dom;
use crate::ui::widgets::notice::Notices;
use crate::ui::workspace::Workspace;

/// The workspace from context.
pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}

/// Opens a draft that was just added, in the editor (the open draft is
/// saved first).
pub fn open_draft(session: Session, notices: Notices, id: &str) -> bool {
    match session.open(id) {
        Ok(()) => {
            dom::focus_later(Section::BASIC.heading_id(), None);
            true
        }
        Err(e) => {
            notices.fail(e);
            false
        }
    }
}

/// Draft ids in the order they were added (the draft box's index).
fn creation_order(ws: &Workspace) -> Vec<String> {
    ws.with_drafts(|d| d.creation_order()).unwrap_or_default()
}

/// Whether two tables are of the same unit: the same 单位编码 when both
/// have one, else the same 单位名称.
fn same_unit(a: &Table, b: &Table) -> bool {
    let (ca, cb) = (a.unit_code.trim(), b.unit_code.trim());
    if !ca.is_empty() && !cb.is_empty() {
        return ca == cb;
    }
    let (na, nb) = (a.unit_name.trim(), b.unit_name.trim());
    !na.is_empty() && na == nb
}

/// The unit's documents: the drafts of the open table's unit, in the order
/// they were added, the open draft as it is in the editor now.
pub fn unit_tables(ws: &Workspace, open_id: &str, current: &Table) -> Vec<Table> {
    if current.unit_code.trim().is_empty() && current.unit_name.trim().is_empty() {
        return Vec::new();
    }
    let order = creation_order(ws);
    let mut seen_open = false;
    let mut drafts: Vec<(usize, Table)> = ws
        .tables()
        .into_iter()
        .filter_map(|(meta, t)| {
            let t = if meta.id == open_id {
                seen_open = true;
                current.clone()
            } else {
                t
            };
            same_unit(&t, current).then(|| {
                let at = order.iter().position(|i| *i == meta.id);
                (at.unwrap_or(usize::MAX), t)
            })
        })
        .collect();
    crate::domain::sort::by_key(&mut drafts, |(at, _)| *at as u128);
    let mut tables: Vec<Table> = drafts.into_iter().map(|(_, t)| t).collect();
    if !seen_open {
        tables.push(current.clone());
    }
    tables
}
