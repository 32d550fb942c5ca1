//! The editor's state: one signal holding the [`Table`] (what a storage
//! layer saves and loads), a parallel list of stable row ids for keyed
//! rendering, and what the page derives from the table (the findings and
//! their index, the indicator tree, the suggestions), each set only when
//! it changes. How the table is edited and undone is in `undo.rs`.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::domain::edit;
use crate::domain::form::Form;
use crate::domain::framework::Level2;
use crate::domain::rules::{self, Finding, Place};
use crate::domain::suggest::{self, Suggestion};
use crate::domain::{Framework, MoneyUnit, Table};
use crate::drafts::History;

use super::anchor;
use super::findings::FindingIndex;
use super::section::Section;
use super::tree::{tree_of, BlockView, TreeShape};

/// What an undo step restores: the table and its row ids (so rows keep
/// their views, and a removed row comes back as it was).
pub(super) type Snapshot = (Table, Vec<u64>);

/// The editor: all of the page's state. `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The table being edited. The one thing a storage layer needs.
    pub table: RwSignal<Table>,
    /// A stable id per indicator row, parallel to `table.indicators`.
    pub row_ids: RwSignal<Vec<u64>>,
    next_id: StoredValue<u64>,
    /// Inputs the author has left (by DOM id): their findings show.
    pub touched: RwSignal<HashSet<String>>,
    /// Show every finding at its field (once the summary was opened from
    /// the step list or a finding in it followed).
    pub reveal_all: RwSignal<bool>,
    /// The section the author is in.
    pub current: RwSignal<Section>,
    /// Derived from the table by one effect per change, and set only when
    /// they differ: views hanging off them are not woken by a keystroke
    /// that changes nothing they show (a memo of the table would wake
    /// every one of them to re-check).
    ///
    /// `rules::check` of the table.
    pub findings: ReadSignal<Vec<Finding>>,
    pub index: ReadSignal<FindingIndex>,
    /// The indicator tree as displayed.
    pub tree: ReadSignal<Vec<BlockView>>,
    /// The table's form: the page draws its sections from it.
    pub form: ReadSignal<Form>,
    /// The form 新建空白表 gives a new table: the open table's, unless the
    /// author chose another.
    pub new_form: RwSignal<Form>,
    pub framework: ReadSignal<Framework>,
    pub money_unit: ReadSignal<MoneyUnit>,
    /// Typical 三级 indicators per 二级, for the 常用 buttons.
    pub suggestions: ReadSignal<HashMap<Level2, Vec<Suggestion>>>,
    /// Row views read their row when their own trigger or this one fires,
    /// not on every change of the table: typing in one row of 500 then
    /// wakes one row, not all of them.
    pub all_rows: Trigger,
    pub(super) row_triggers: StoredValue<HashMap<u64, Trigger>>,
    /// Each row view's findings, set only when they change, so a finding
    /// appearing in one row wakes that row alone.
    row_findings: StoredValue<HashMap<u64, RwSignal<Vec<Finding>>>>,
    /// Set by the editor's own updates; a change of `table` without it
    /// (a storage layer setting the table) refreshes every row.
    pub(super) internal: StoredValue<bool>,
    /// Undo and redo steps of this table.
    pub(super) history: StoredValue<History<Snapshot>>,
    /// (undo steps, redo steps), for the 撤销 / 重做 buttons.
    pub depth: RwSignal<(usize, usize)>,
    /// Counts the author's edits (not tables loaded): autosave follows it.
    pub edits: RwSignal<u64>,
}

impl Editor {
    pub fn new(table: Table) -> Editor {
        let mut table = table;
        edit::normalize(&mut table);
        let n = table.indicators.len() as u64;
        let table = RwSignal::new(table);
        let row_ids = RwSignal::new((1..=n).collect::<Vec<u64>>());
        let next_id = StoredValue::new(n + 1);
        let (findings, set_findings) = signal(table.with_untracked(rules::check));
        let (form, set_form) = signal(table.with_untracked(|t| t.form));
        let new_form = RwSignal::new(form.get_untracked());
        let (index, set_index) =
            signal(findings.with_untracked(|f| FindingIndex::of(f, form.get_untracked())));
        let (tree, set_tree) =
            signal(table.with_untracked(|t| row_ids.with_untracked(|ids| tree_of(t, ids))));
        let (framework, set_framework) = signal(table.with_untracked(|t| t.framework));
        let (money_unit, set_money_unit) = signal(table.with_untracked(|t| t.money_unit));
        let (suggestions, set_suggestions) = signal(table.with_untracked(suggest::for_all));
        Effect::new(move |_| {
            table.with(|t| {
                let f = rules::check(t);
                if findings.with_untracked(|old| *old != f) || form.get_untracked() != t.form {
                    set_index.set(FindingIndex::of(&f, t.form));
                    set_findings.set(f);
                }
                if form.get_untracked() != t.form {
                    new_form.set(t.form);
                }
                set_if_changed(form, set_form, t.form);
                set_if_changed(framework, set_framework, t.framework);
                set_if_changed(money_unit, set_money_unit, t.money_unit);
                set_if_changed(suggestions, set_suggestions, suggest::for_all(t));
            })
        });
        // The tree depends only on the framework, each row's 一级/二级 and
        // the row ids: typing a name, description or value (most keystrokes)
        // leaves them as they were, and the tree is not rebuilt.
        let shape = StoredValue::new(TreeShape::default());
        Effect::new(move |_| {
            let new = table.with(|t| {
                row_ids.with(|ids| {
                    if shape.with_value(|s| s.matches(t, ids)) {
                        return None;
                    }
                    shape.set_value(TreeShape::of(t, ids));
                    Some(tree_of(t, ids))
                })
            });
            if let Some(new) = new {
                set_if_changed(tree, set_tree, new);
            }
        });
        let editor = Editor {
            all_rows: Trigger::new(),
            row_triggers: StoredValue::new(HashMap::new()),
            row_findings: StoredValue::new(HashMap::new()),
            internal: StoredValue::new(false),
            history: StoredValue::new(History::new()),
            depth: RwSignal::new((0, 0)),
            edits: RwSignal::new(0),
            form,
            new_form,
            framework,
            money_unit,
            suggestions,
            table,
            row_ids,
            next_id,
            touched: RwSignal::new(HashSet::new()),
            reveal_all: RwSignal::new(false),
            current: RwSignal::new(Section::BASIC),
            findings,
            index,
            tree,
        };
        // Hand each row view its findings when findings or rows change.
        Effect::new(move |_| {
            index.with(|ix| {
                row_ids.with(|ids| {
                    editor.row_findings.with_value(|views| {
                        for (i, id) in ids.iter().enumerate() {
                            if let Some(sig) = views.get(id) {
                                let new = ix.rows.get(&i).cloned().unwrap_or_default();
                                if sig.try_with_untracked(|old| *old != new) == Some(true) {
                                    sig.try_set(new);
                                }
                            }
                        }
                    })
                })
            })
        });
        // When the table is replaced from outside (a storage layer setting
        // `table` directly), keep the ids in step and refresh every row.
        Effect::new(move |_| {
            let rows = table.with(|t| t.indicators.len());
            let internal = editor.internal.get_value();
            editor.internal.set_value(false);
            if row_ids.with_untracked(|ids| ids.len()) != rows {
                editor.reset_ids(rows);
            } else if !internal {
                editor.all_rows.notify();
            }
        });
        editor
    }

    /// The trigger a row view listens to (made on first use).
    pub fn row_trigger(&self, id: u64) -> Trigger {
        if let Some(t) = self.row_triggers.with_value(|m| m.get(&id).copied()) {
            return t;
        }
        let t = Trigger::new();
        self.row_triggers.update_value(|m| {
            m.insert(id, t);
        });
        t
    }

    /// The findings of a row (a signal made for the row's view, owned by
    /// it; see [`Editor::drop_row`]).
    pub fn row_findings(&self, id: u64) -> RwSignal<Vec<Finding>> {
        if let Some(sig) = self.row_findings.with_value(|m| m.get(&id).copied()) {
            return sig;
        }
        let now = match self
            .row_ids
            .with_untracked(|ids| ids.iter().position(|&x| x == id))
        {
            Some(i) => self
                .index
                .with_untracked(|ix| ix.rows.get(&i).cloned().unwrap_or_default()),
            None => Vec::new(),
        };
        let sig = RwSignal::new(now);
        self.row_findings.update_value(|m| {
            m.insert(id, sig);
        });
        sig
    }

    /// Forgets what a row view registered (the view is gone).
    pub fn drop_row(&self, id: u64) {
        self.row_triggers.update_value(|m| {
            m.remove(&id);
        });
        self.row_findings.update_value(|m| {
            m.remove(&id);
        });
    }

    pub(super) fn fresh_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    pub(super) fn reset_ids(&self, rows: usize) {
        let ids: Vec<u64> = (0..rows).map(|_| self.fresh_id()).collect();
        self.row_ids.set(ids);
    }

    /// The current index of a row id.
    pub fn index_of(&self, id: u64) -> Option<usize> {
        self.row_ids.with(|ids| ids.iter().position(|&x| x == id))
    }

    pub fn id_at(&self, index: usize) -> Option<u64> {
        self.row_ids.with_untracked(|ids| ids.get(index).copied())
    }

    /// Marks an input as left by the author.
    pub fn touch(&self, dom_id: &str) {
        if !self.touched.with_untracked(|t| t.contains(dom_id)) {
            self.touched.update(|t| {
                t.insert(dom_id.to_string());
            });
        }
    }

    /// Whether the findings of an input show (reactive).
    pub fn shown(&self, dom_id: &str) -> bool {
        self.reveal_all.get() || self.touched.with(|t| t.contains(dom_id))
    }

    /// The DOM id of the input a finding points at.
    pub fn dom_id(&self, place: &Place) -> String {
        anchor::of_place(place, self.form.get_untracked(), |row| self.id_at(row))
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(
    read: ReadSignal<T>,
    write: WriteSignal<T>,
    value: T,
) {
    if read.with_untracked(|old| *old != value) {
        write.set(value);
    }
}

/// The editor from context.
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}
