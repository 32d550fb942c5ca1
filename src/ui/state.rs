//! The editor's state: one signal holding the [`Table`] (what a storage
//! layer saves and loads), a parallel list of stable row ids for keyed
//! rendering, and the findings, computed once per change.
//!
//! Every edit goes through [`Editor::update`] (one undo step),
//! [`Editor::type_text`] / [`Editor::type_in_row`] (typing: one step per
//! field per pause) or [`Editor::apply`] (rows moved: one step). Each bumps
//! [`Editor::edits`], which autosave follows; loading a table does not.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::domain::edit::{self, Change, GroupKey, Level1Key};
use crate::domain::framework::Level2;
use crate::domain::rules::{self, Column, Counts, Field, Finding, Place};
use crate::domain::suggest::{self, Suggestion};
use crate::domain::{Framework, MoneyUnit, Table};
use crate::drafts::History;

/// What an undo step restores: the table and its row ids (so rows keep
/// their views, and a removed row comes back as it was).
type Snapshot = (Table, Vec<u64>);

/// Roughly what a snapshot of `t` costs in memory.
fn cost(t: &Table) -> usize {
    let rows: usize = t
        .indicators
        .iter()
        .map(|r| {
            r.level1.len() + r.level2.len() + r.name.len() + r.description.len() + r.value.len()
        })
        .sum();
    let goals: usize = t.goals.iter().map(String::len).sum();
    512 + t.purpose.len() + goals + rows + t.indicators.len() * (5 * 24 + 8)
}

/// Milliseconds for coalescing keystrokes (any monotonic-enough clock).
fn clock_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The sections of the page, in the order of the official form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Basic,
    Budget,
    Purpose,
    Goals,
    Indicators,
    Summary,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Basic,
        Section::Budget,
        Section::Purpose,
        Section::Goals,
        Section::Indicators,
        Section::Summary,
    ];

    /// The section title in the page language.
    pub fn title(self) -> &'static str {
        let (zh, en) = match self {
            Section::Basic => ("基本信息", "Basic information"),
            Section::Budget => ("预算", "Budget"),
            Section::Purpose => ("资金用途", "Use of funds"),
            Section::Goals => ("绩效目标", "Goals"),
            Section::Indicators => ("绩效指标", "Indicators"),
            Section::Summary => ("检查结果", "Check results"),
        };
        super::lang::tr(zh, en)
    }

    /// The id of the section element.
    pub fn id(self) -> &'static str {
        match self {
            Section::Basic => "sec-basic",
            Section::Budget => "sec-budget",
            Section::Purpose => "sec-purpose",
            Section::Goals => "sec-goals",
            Section::Indicators => "sec-indicators",
            Section::Summary => "sec-summary",
        }
    }

    /// The id of the section heading (focus target when jumping there).
    pub fn heading_id(self) -> String {
        format!("{}-h", self.id())
    }

    pub fn number(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// Whether the author has written anything in this section yet (an
    /// empty section without findings is "left", not "done").
    pub fn started(self, t: &Table) -> bool {
        let some = |s: &str| !s.trim().is_empty();
        match self {
            Section::Basic => some(&t.unit_name) || some(&t.project) || some(&t.unit_code),
            Section::Budget => !t.budget.total.is_blank() || !t.budget.fiscal.is_blank(),
            Section::Purpose => some(&t.purpose),
            Section::Goals => t.goals.iter().any(|g| some(g)),
            Section::Indicators => !t.indicators.is_empty(),
            Section::Summary => true,
        }
    }

    /// The section a finding belongs to.
    pub fn of(place: &Place) -> Section {
        match place {
            Place::Field(f) => match f {
                Field::UnitCode
                | Field::UnitName
                | Field::MoneyUnit
                | Field::Project
                | Field::PlanStart
                | Field::PlanEnd => Section::Basic,
                Field::BudgetTotal | Field::BudgetFiscal | Field::BudgetOther => Section::Budget,
                Field::TotalFunds => Section::Budget,
                Field::Purpose => Section::Purpose,
                Field::Goals => Section::Goals,
                Field::Indicators => Section::Indicators,
            },
            Place::Goal(_) => Section::Goals,
            Place::Indicator { .. } => Section::Indicators,
        }
    }
}

/// The DOM id of the input for a field outside the indicator rows.
pub fn field_id(field: Field) -> String {
    format!("f-{}", Place::Field(field).path().replace('.', "-"))
}

/// The DOM id of a goal's input.
pub fn goal_id(index: usize) -> String {
    format!("goal-{index}")
}

fn column_key(column: Column) -> &'static str {
    match column {
        Column::Level1 => "level1",
        Column::Level2 => "level2",
        Column::Name => "name",
        Column::Description => "description",
        Column::Value => "value",
    }
}

/// The DOM id of a cell input of the row with id `row_id`.
pub fn cell_id(row_id: u64, column: Column) -> String {
    format!("ind-{row_id}-{}", column_key(column))
}

/// Findings indexed by where they point.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindingIndex {
    /// By place, in check order.
    pub places: HashMap<Place, Vec<Finding>>,
    /// By indicator row index, all columns.
    pub rows: HashMap<usize, Vec<Finding>>,
    /// Counts per section.
    pub sections: HashMap<Section, Counts>,
    pub total: Counts,
}

impl FindingIndex {
    pub fn of(findings: &[Finding]) -> FindingIndex {
        let mut ix = FindingIndex {
            total: Counts::of(findings),
            ..FindingIndex::default()
        };
        for f in findings {
            ix.places.entry(f.place).or_default().push(f.clone());
            if let Place::Indicator { row, .. } = f.place {
                ix.rows.entry(row).or_default().push(f.clone());
            }
            ix.sections
                .entry(Section::of(&f.place))
                .or_default()
                .add(f.severity());
        }
        ix
    }

    pub fn at(&self, place: &Place) -> Vec<Finding> {
        self.places.get(place).cloned().unwrap_or_default()
    }

    pub fn section(&self, s: Section) -> Counts {
        if s == Section::Summary {
            self.total
        } else {
            self.sections.get(&s).copied().unwrap_or_default()
        }
    }
}

/// One 二级 group of the indicator tree, with row ids.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupView {
    pub key: GroupKey,
    pub in_framework: bool,
    pub rows: Vec<u64>,
}

/// One 一级 block of the indicator tree.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockView {
    pub level1: Level1Key,
    pub in_framework: bool,
    pub groups: Vec<GroupView>,
}

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
    pub framework: ReadSignal<Framework>,
    pub money_unit: ReadSignal<MoneyUnit>,
    /// Typical 三级 indicators per 二级, for the 常用 buttons.
    pub suggestions: ReadSignal<HashMap<Level2, Vec<Suggestion>>>,
    /// Row views read their row when their own trigger or this one fires,
    /// not on every change of the table: typing in one row of 500 then
    /// wakes one row, not all of them.
    pub all_rows: Trigger,
    row_triggers: StoredValue<HashMap<u64, Trigger>>,
    /// Each row view's findings, set only when they change, so a finding
    /// appearing in one row wakes that row alone.
    row_findings: StoredValue<HashMap<u64, RwSignal<Vec<Finding>>>>,
    /// Set by the editor's own updates; a change of `table` without it
    /// (a storage layer setting the table) refreshes every row.
    internal: StoredValue<bool>,
    /// Undo and redo steps of this table.
    history: StoredValue<History<Snapshot>>,
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
        let (index, set_index) = signal(findings.with_untracked(|f| FindingIndex::of(f)));
        let (tree, set_tree) =
            signal(table.with_untracked(|t| row_ids.with_untracked(|ids| tree_of(t, ids))));
        let (framework, set_framework) = signal(table.with_untracked(|t| t.framework));
        let (money_unit, set_money_unit) = signal(table.with_untracked(|t| t.money_unit));
        let (suggestions, set_suggestions) = signal(table.with_untracked(suggest::for_all));
        Effect::new(move |_| {
            table.with(|t| {
                let f = rules::check(t);
                if findings.with_untracked(|old| *old != f) {
                    set_index.set(FindingIndex::of(&f));
                    set_findings.set(f);
                }
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
            framework,
            money_unit,
            suggestions,
            table,
            row_ids,
            next_id,
            touched: RwSignal::new(HashSet::new()),
            reveal_all: RwSignal::new(false),
            current: RwSignal::new(Section::Basic),
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

    /// Changes the table (a field outside the rows, or anything that does
    /// not move rows): one undo step, when it changed anything.
    pub fn update(&self, f: impl FnOnce(&mut Table)) {
        let before = self.snapshot();
        self.internal.set_value(true);
        self.table.update(f);
        let changed = self.table.with_untracked(|t| *t != before.0);
        if changed {
            self.history.update_value(|h| {
                h.record(None, clock_ms(), || {
                    let c = cost(&before.0);
                    (before, c)
                });
            });
            self.sync_depth();
            self.edited();
        }
    }

    /// Typing in the field with DOM id `key`: keystrokes in one field
    /// without a pause make one undo step. No copy of the table is made
    /// per keystroke, only when a step begins.
    pub fn type_text(&self, key: &str, f: impl FnOnce(&mut Table)) {
        self.record_typing(key);
        self.internal.set_value(true);
        self.table.update(f);
        self.edited();
    }

    /// Typing in a cell of row `id` (`key`: the cell's DOM id); only that
    /// row's view re-reads it.
    pub fn type_in_row(&self, id: u64, key: &str, f: impl FnOnce(&mut crate::domain::Indicator)) {
        let Some(i) = self
            .row_ids
            .with_untracked(|ids| ids.iter().position(|&x| x == id))
        else {
            return;
        };
        self.type_text(key, |t| {
            if let Some(r) = t.indicators.get_mut(i) {
                f(r);
            }
        });
        if let Some(trigger) = self.row_triggers.with_value(|m| m.get(&id).copied()) {
            trigger.notify();
        }
    }

    fn snapshot(&self) -> Snapshot {
        (self.table.get_untracked(), self.row_ids.get_untracked())
    }

    fn record_typing(&self, key: &str) {
        let (table, ids) = (self.table, self.row_ids);
        let began = self.history.try_update_value(|h| {
            h.record(Some(key), clock_ms(), || {
                let t = table.get_untracked();
                let c = cost(&t);
                ((t, ids.get_untracked()), c)
            })
        });
        if began == Some(true) {
            self.sync_depth();
        }
    }

    fn edited(&self) {
        self.edits.update(|n| *n += 1);
    }

    fn sync_depth(&self) {
        let depth = self.history.with_value(History::depth);
        if self.depth.get_untracked() != depth {
            self.depth.set(depth);
        }
    }

    /// Ends the current typing burst (the field was left): the next
    /// keystroke starts a new undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// Takes back the last step. Returns the DOM id of the field it was
    /// typed in (None for a structural step), or None when nothing is left.
    pub fn undo(&self) -> Option<Option<String>> {
        let current = self.snapshot();
        let c = cost(&current.0);
        let step = self
            .history
            .try_update_value(|h| h.undo(current, c))
            .flatten()?;
        self.restore(step.state);
        self.sync_depth();
        self.edited();
        Some(step.key)
    }

    /// Does the last undone step again.
    pub fn redo(&self) -> Option<Option<String>> {
        let current = self.snapshot();
        let c = cost(&current.0);
        let step = self
            .history
            .try_update_value(|h| h.redo(current, c))
            .flatten()?;
        self.restore(step.state);
        self.sync_depth();
        self.edited();
        Some(step.key)
    }

    /// Puts a snapshot back: rows keep (or get back) their ids, and every
    /// row re-reads.
    fn restore(&self, (table, ids): Snapshot) {
        self.row_ids.set(ids);
        self.internal.set_value(false);
        self.table.set(table);
        self.all_rows.notify();
    }

    /// Replaces the table with another version of the same draft (another
    /// tab's). With `undoable` the version replaced is one undo step away;
    /// otherwise the history starts afresh. Not counted as an edit.
    pub fn replace(&self, mut table: Table, undoable: bool) {
        edit::normalize(&mut table);
        let current = self.snapshot();
        let ids = if current.1.len() == table.indicators.len() {
            current.1.clone()
        } else {
            (0..table.indicators.len())
                .map(|_| self.fresh_id())
                .collect()
        };
        if undoable {
            self.history.update_value(|h| {
                h.record(None, clock_ms(), || {
                    let c = cost(&current.0);
                    (current, c)
                });
            });
        } else {
            self.history.update_value(History::clear);
        }
        self.sync_depth();
        self.restore((table, ids));
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

    fn fresh_id(&self) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    fn reset_ids(&self, rows: usize) {
        let ids: Vec<u64> = (0..rows).map(|_| self.fresh_id()).collect();
        self.row_ids.set(ids);
    }

    /// Replaces the table (new blank table, an example, a loaded draft).
    /// The undo history starts afresh; not counted as an edit.
    pub fn load(&self, mut table: Table, reveal: bool) {
        edit::normalize(&mut table);
        let rows = table.indicators.len();
        self.internal.set_value(true);
        self.table.set(table);
        self.reset_ids(rows);
        self.all_rows.notify();
        self.touched.set(HashSet::new());
        self.reveal_all.set(reveal);
        self.history.update_value(History::clear);
        self.sync_depth();
    }

    /// Runs an edit that may move rows, and keeps the row ids in step.
    pub fn apply(&self, f: impl FnOnce(&mut Table) -> Change) -> Change {
        let mut change = Change::None;
        self.update(|t| change = f(t));
        if change != Change::None {
            let editor = *self;
            self.row_ids
                .update(|ids| change.apply(ids, || editor.fresh_id()));
        }
        // Cells may have changed without the row moving (a 一级 picked, a
        // framework switched): every row re-reads.
        self.all_rows.notify();
        change
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
        match *place {
            Place::Field(Field::Indicators) => Section::Indicators.heading_id(),
            Place::Field(Field::Goals) => goal_id(0),
            Place::Field(f @ (Field::TotalFunds | Field::PlanStart | Field::PlanEnd)) => {
                Section::of(&Place::Field(f)).heading_id()
            }
            Place::Field(f) => field_id(f),
            Place::Goal(i) => goal_id(i),
            Place::Indicator { row, column } => match self.id_at(row) {
                Some(id) => cell_id(id, column),
                None => Section::Indicators.heading_id(),
            },
        }
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

/// The display tree: the rows grouped by [`edit::blocks`], as row ids.
/// What the indicator tree is built from (see [`tree_of`]).
#[derive(Default)]
struct TreeShape {
    framework: Option<crate::domain::Framework>,
    levels: Vec<(String, String)>,
    ids: Vec<u64>,
}

impl TreeShape {
    fn of(table: &Table, ids: &[u64]) -> TreeShape {
        TreeShape {
            framework: Some(table.framework),
            levels: table
                .indicators
                .iter()
                .map(|r| (r.level1.clone(), r.level2.clone()))
                .collect(),
            ids: ids.to_vec(),
        }
    }

    fn matches(&self, table: &Table, ids: &[u64]) -> bool {
        self.framework == Some(table.framework)
            && self.ids == ids
            && self.levels.len() == table.indicators.len()
            && self
                .levels
                .iter()
                .zip(&table.indicators)
                .all(|((a, b), r)| *a == r.level1 && *b == r.level2)
    }
}

fn tree_of(table: &Table, ids: &[u64]) -> Vec<BlockView> {
    edit::blocks(table)
        .into_iter()
        .map(|b| BlockView {
            level1: b.level1,
            in_framework: b.in_framework,
            groups: b
                .groups
                .into_iter()
                .map(|g| GroupView {
                    key: g.key,
                    in_framework: g.in_framework,
                    rows: g.rows.iter().filter_map(|&i| ids.get(i).copied()).collect(),
                })
                .collect(),
        })
        .collect()
}

/// The editor from context.
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

/// The message element ids of findings shown at one input.
pub fn message_id(dom_id: &str, k: usize) -> String {
    format!("{dom_id}-msg-{k}")
}
