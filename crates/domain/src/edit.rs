//! Edit operations on a [`Table`], for the editor page.
//!
//! Pure functions of the table: nothing here knows about the browser. The
//! indicator rows are kept in the order of the official form (一级 in the
//! framework's order, then 二级, rows of one 二级 together), so the row
//! numbers the rules report (`第 4 行`) are the numbers the author sees.
//! Every operation that inserts, removes or moves rows returns a [`Change`]
//! describing what happened to the row positions, so a view can keep a
//! parallel list (of row ids, say) in step without diffing.

use super::framework::{Framework, Level1, Level2};
use super::table::{Indicator, Table};

/// What an edit did to the row positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Nothing moved.
    None,
    /// A new row now sits at this index.
    Inserted(usize),
    /// The row at this index is gone.
    Removed(usize),
    /// The row at `from` was taken out and put back at `to`.
    Moved { from: usize, to: usize },
    /// Two rows traded places.
    Swapped(usize, usize),
    /// The new order: `new[i] = old[order[i]]`.
    Reordered(Vec<usize>),
}

impl Change {
    /// Applies the same change to a list parallel to the rows; `fresh` makes
    /// the entry of an inserted row.
    pub fn apply<T>(&self, list: &mut Vec<T>, fresh: impl FnOnce() -> T) {
        match *self {
            Change::None => {}
            Change::Inserted(at) => list.insert(at.min(list.len()), fresh()),
            Change::Removed(at) => {
                if at < list.len() {
                    list.remove(at);
                }
            }
            Change::Moved { from, to } => {
                if from < list.len() {
                    let item = list.remove(from);
                    list.insert(to.min(list.len()), item);
                }
            }
            Change::Swapped(a, b) => {
                if a < list.len() && b < list.len() {
                    list.swap(a, b);
                }
            }
            Change::Reordered(ref order) => {
                if order.len() == list.len() {
                    let mut old: Vec<Option<T>> = list.drain(..).map(Some).collect();
                    list.extend(order.iter().filter_map(|&i| old.get_mut(i)?.take()));
                }
            }
        }
    }

    /// Where the row that was at `old` is now (None when it was removed).
    pub fn follow(&self, old: usize) -> Option<usize> {
        match *self {
            Change::None => Some(old),
            Change::Inserted(at) => Some(if old >= at { old + 1 } else { old }),
            Change::Removed(at) => match old.cmp(&at) {
                std::cmp::Ordering::Less => Some(old),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(old - 1),
            },
            Change::Moved { from, to } => Some(if old == from {
                to
            } else {
                let after_removal = if old > from { old - 1 } else { old };
                if after_removal >= to {
                    after_removal + 1
                } else {
                    after_removal
                }
            }),
            Change::Swapped(a, b) => Some(if old == a {
                b
            } else if old == b {
                a
            } else {
                old
            }),
            Change::Reordered(ref order) => order.iter().position(|&i| i == old),
        }
    }
}

/// A 一级 cell as the editor groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level1Key {
    /// An official 一级 (in the framework or not).
    Known(Level1),
    /// Blank or not an official name.
    Other,
}

/// A 二级 cell as the editor groups it (under its 一级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level2Key {
    Known(Level2),
    Other,
}

/// Where a row belongs: its 一级 and 二级 as the editor groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GroupKey {
    pub level1: Level1Key,
    pub level2: Level2Key,
}

impl GroupKey {
    /// The group of a row, as its cells read.
    pub fn of(row: &Indicator) -> GroupKey {
        GroupKey {
            level1: row.level1_kind().map_or(Level1Key::Other, Level1Key::Known),
            level2: row.level2_kind().map_or(Level2Key::Other, Level2Key::Known),
        }
    }

    /// An official group of the framework.
    pub fn new(level1: Level1, level2: Level2) -> GroupKey {
        GroupKey {
            level1: Level1Key::Known(level1),
            level2: Level2Key::Known(level2),
        }
    }

    /// Whether the framework has this 一级 and this 二级 under it.
    pub fn in_framework(self, framework: Framework) -> bool {
        match (self.level1, self.level2) {
            (Level1Key::Known(l1), Level2Key::Known(l2)) => {
                framework.level1s().contains(&l1) && framework.level2s(l1).contains(&l2)
            }
            _ => false,
        }
    }

    /// The sort rank in the order of the official form: framework groups in
    /// framework order, then groups the framework does not have.
    pub fn rank(self, framework: Framework) -> (usize, usize) {
        let l1_rank = match self.level1 {
            Level1Key::Known(l1) => match framework.level1s().iter().position(|k| *k == l1) {
                Some(i) => i,
                None => 10 + ALL_LEVEL1.iter().position(|k| *k == l1).unwrap_or(0),
            },
            Level1Key::Other => 100,
        };
        let siblings: &[Level2] = match self.level1 {
            Level1Key::Known(l1) => framework.level2s(l1),
            Level1Key::Other => &[],
        };
        let l2_rank = match self.level2 {
            Level2Key::Known(l2) => match siblings.iter().position(|k| *k == l2) {
                Some(i) => i,
                None => 20 + ALL_LEVEL2.iter().position(|k| *k == l2).unwrap_or(0),
            },
            Level2Key::Other => 100,
        };
        (l1_rank, l2_rank)
    }
}

const ALL_LEVEL1: [Level1; 4] = [
    Level1::Cost,
    Level1::Output,
    Level1::Benefit,
    Level1::Satisfaction,
];

const ALL_LEVEL2: [Level2; 12] = [
    Level2::EconomicCost,
    Level2::SocialCost,
    Level2::EcologicalCost,
    Level2::Quantity,
    Level2::Quality,
    Level2::Timeliness,
    Level2::Cost,
    Level2::EconomicBenefit,
    Level2::SocialBenefit,
    Level2::EcologicalBenefit,
    Level2::Sustainability,
    Level2::Satisfaction,
];

/// One 二级 group of the display: its rows (indices into `indicators`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    /// Whether the framework has this group (an author can add rows to it).
    pub in_framework: bool,
    pub rows: Vec<usize>,
}

/// One 一级 block of the display with its 二级 groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub level1: Level1Key,
    /// Whether the framework has this 一级.
    pub in_framework: bool,
    pub groups: Vec<Group>,
}

impl Block {
    /// How many rows the block holds.
    pub fn row_count(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}

/// The rows grouped for display like the official table: every 一级 of the
/// framework with every one of its 二级 (empty ones too, so rows can be
/// added there), in framework order; then the groups of rows the framework
/// does not have, in the order they first appear.
pub fn blocks(table: &Table) -> Vec<Block> {
    let fw = table.framework;
    let mut blocks: Vec<Block> = fw
        .level1s()
        .iter()
        .map(|&l1| Block {
            level1: Level1Key::Known(l1),
            in_framework: true,
            groups: fw
                .level2s(l1)
                .iter()
                .map(|&l2| Group {
                    key: GroupKey::new(l1, l2),
                    in_framework: true,
                    rows: Vec::new(),
                })
                .collect(),
        })
        .collect();
    let mut keys: Vec<(GroupKey, usize)> = table
        .indicators
        .iter()
        .enumerate()
        .map(|(i, r)| (GroupKey::of(r), i))
        .collect();
    super::sort::by_key(&mut keys, |(k, _)| {
        let (a, b) = k.rank(fw);
        super::sort::pair(a as u64, b as u64)
    });
    for (key, row) in keys {
        let block_at = match blocks.iter().position(|b| b.level1 == key.level1) {
            Some(b) => b,
            None => {
                blocks.push(Block {
                    level1: key.level1,
                    in_framework: false,
                    groups: Vec::new(),
                });
                blocks.len() - 1
            }
        };
        let block = &mut blocks[block_at];
        match block.groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.rows.push(row),
            None => block.groups.push(Group {
                key,
                in_framework: key.in_framework(fw),
                rows: vec![row],
            }),
        }
    }
    blocks
}

/// Puts the rows in the order of the official form (stable: rows of one
/// group keep their order).
pub fn normalize(table: &mut Table) -> Change {
    let fw = table.framework;
    let mut order: Vec<usize> = (0..table.indicators.len()).collect();
    super::sort::by_key(&mut order, |&i| {
        let (a, b) = GroupKey::of(&table.indicators[i]).rank(fw);
        super::sort::pair(a as u64, b as u64)
    });
    if order.iter().enumerate().all(|(i, &o)| i == o) {
        return Change::None;
    }
    let change = Change::Reordered(order);
    change.apply(&mut table.indicators, Indicator::default);
    change
}

/// Where a row of `key` goes: after the last row ranked at or before it.
fn insertion_point(table: &Table, key: GroupKey) -> usize {
    let fw = table.framework;
    let rank = key.rank(fw);
    table
        .indicators
        .iter()
        .rposition(|r| GroupKey::of(r).rank(fw) <= rank)
        .map_or(0, |i| i + 1)
}

/// Adds a blank 三级 row at the end of the group 一级/二级; returns where.
pub fn add_row(table: &mut Table, level1: Level1, level2: Level2) -> usize {
    insert_row(
        table,
        Indicator::new(level1.name(), level2.name(), "", "", ""),
    )
}

/// Adds a row at the end of its group; returns where.
pub fn insert_row(table: &mut Table, row: Indicator) -> usize {
    let at = insertion_point(table, GroupKey::of(&row));
    table.indicators.insert(at, row);
    at
}

/// Removes a row.
pub fn remove_row(table: &mut Table, row: usize) -> Change {
    if row >= table.indicators.len() {
        return Change::None;
    }
    table.indicators.remove(row);
    Change::Removed(row)
}

/// Copies a row; the copy goes right below it.
pub fn duplicate_row(table: &mut Table, row: usize) -> Change {
    let Some(copy) = table.indicators.get(row).cloned() else {
        return Change::None;
    };
    table.indicators.insert(row + 1, copy);
    Change::Inserted(row + 1)
}

/// The nearest row above `row` in the same group.
fn neighbour_above(table: &Table, row: usize) -> Option<usize> {
    let key = GroupKey::of(table.indicators.get(row)?);
    (0..row)
        .rev()
        .find(|&i| GroupKey::of(&table.indicators[i]) == key)
}

/// The nearest row below `row` in the same group.
fn neighbour_below(table: &Table, row: usize) -> Option<usize> {
    let key = GroupKey::of(table.indicators.get(row)?);
    (row + 1..table.indicators.len()).find(|&i| GroupKey::of(&table.indicators[i]) == key)
}

pub fn can_move_up(table: &Table, row: usize) -> bool {
    neighbour_above(table, row).is_some()
}

pub fn can_move_down(table: &Table, row: usize) -> bool {
    neighbour_below(table, row).is_some()
}

/// Moves a row up within its group (trades places with the row above).
pub fn move_up(table: &mut Table, row: usize) -> Change {
    match neighbour_above(table, row) {
        Some(other) => {
            table.indicators.swap(row, other);
            Change::Swapped(row, other)
        }
        None => Change::None,
    }
}

/// Moves a row down within its group.
pub fn move_down(table: &mut Table, row: usize) -> Change {
    match neighbour_below(table, row) {
        Some(other) => {
            table.indicators.swap(row, other);
            Change::Swapped(row, other)
        }
        None => Change::None,
    }
}

/// Moves the row at `row` to the end of the group it now reads as.
fn regroup(table: &mut Table, row: usize) -> Change {
    let item = table.indicators.remove(row);
    let to = insertion_point(table, GroupKey::of(&item));
    table.indicators.insert(to, item);
    if to == row {
        Change::None
    } else {
        Change::Moved { from: row, to }
    }
}

/// Puts a row under another 一级. When its 二级 does not belong there, the
/// row takes the first 二级 of the new 一级 in the table's framework. The
/// row moves to the end of its new group.
pub fn set_level1(table: &mut Table, row: usize, level1: Level1) -> Change {
    let fw = table.framework;
    let Some(r) = table.indicators.get_mut(row) else {
        return Change::None;
    };
    r.level1 = level1.name().to_string();
    let allowed = fw.level2s(level1);
    if !r.level2_kind().is_some_and(|l2| allowed.contains(&l2)) {
        if let Some(first) = allowed.first() {
            r.level2 = first.name().to_string();
        }
    }
    regroup(table, row)
}

/// Puts a row under another 二级 (and the 一级 that 二级 belongs to in the
/// table's framework). The row moves to the end of its new group.
pub fn set_level2(table: &mut Table, row: usize, level2: Level2) -> Change {
    let fw = table.framework;
    let Some(r) = table.indicators.get_mut(row) else {
        return Change::None;
    };
    r.level2 = level2.name().to_string();
    if let Some(parent) = fw.parent_of(level2) {
        if r.level1_kind() != Some(parent) {
            r.level1 = parent.name().to_string();
        }
    }
    regroup(table, row)
}

/// Switches the table's framework (moving cost rows, see
/// [`Table::switch_framework`]) and puts the rows back in form order.
pub fn switch_framework(table: &mut Table, framework: Framework) -> Change {
    table.switch_framework(framework);
    normalize(table)
}

/// Adds an empty goal at the end; returns its index.
pub fn add_goal(table: &mut Table) -> usize {
    table.goals.push(String::new());
    table.goals.len() - 1
}

/// Removes a goal.
pub fn remove_goal(table: &mut Table, index: usize) -> bool {
    if index < table.goals.len() {
        table.goals.remove(index);
        true
    } else {
        false
    }
}

/// Moves a goal one up; returns its new index.
pub fn move_goal_up(table: &mut Table, index: usize) -> Option<usize> {
    if index == 0 || index >= table.goals.len() {
        return None;
    }
    table.goals.swap(index, index - 1);
    Some(index - 1)
}

/// Moves a goal one down; returns its new index.
pub fn move_goal_down(table: &mut Table, index: usize) -> Option<usize> {
    if index + 1 >= table.goals.len() {
        return None;
    }
    table.goals.swap(index, index + 1);
    Some(index + 1)
}

/// A fresh table for the editor: blank, with one empty goal to type into.
pub fn new_table() -> Table {
    Table {
        goals: vec![String::new()],
        ..Table::blank()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &Table) -> Vec<&str> {
        t.indicators.iter().map(|r| r.name.as_str()).collect()
    }

    fn sample() -> Table {
        Table {
            indicators: vec![
                Indicator::new("产出指标", "数量指标", "A", "", "3个"),
                Indicator::new("产出指标", "数量指标", "B", "", "4个"),
                Indicator::new("产出指标", "时效指标", "T", "", "≤12月"),
                Indicator::new("产出指标", "成本指标", "C", "", "≤8万元"),
                Indicator::new("满意度指标", "服务对象满意度指标", "S", "", "≥95%"),
            ],
            ..Table::default()
        }
    }

    #[test]
    fn rows_are_added_at_the_end_of_their_group() {
        let mut t = sample();
        let at = add_row(&mut t, Level1::Output, Level2::Quantity);
        assert_eq!(at, 2);
        assert_eq!(t.indicators[2].level2, "数量指标");
        assert_eq!(t.indicators[2].name, "");
        // A group with no rows yet goes where the form puts it.
        let at = add_row(&mut t, Level1::Output, Level2::Quality);
        assert_eq!(at, 3);
        let at = add_row(&mut t, Level1::Benefit, Level2::SocialBenefit);
        assert_eq!(names(&t)[at + 1], "S");
        assert_eq!(t.indicators[at].level1, "效益指标");
        // Into an empty table.
        let mut e = Table::default();
        assert_eq!(
            add_row(&mut e, Level1::Satisfaction, Level2::Satisfaction),
            0
        );
        assert_eq!(add_row(&mut e, Level1::Output, Level2::Quantity), 0);
    }

    #[test]
    fn remove_duplicate_and_move_stay_in_the_group() {
        let mut t = sample();
        assert_eq!(duplicate_row(&mut t, 0), Change::Inserted(1));
        assert_eq!(names(&t), ["A", "A", "B", "T", "C", "S"]);
        assert_eq!(remove_row(&mut t, 1), Change::Removed(1));
        assert_eq!(names(&t), ["A", "B", "T", "C", "S"]);
        assert!(!can_move_up(&t, 0));
        assert!(can_move_down(&t, 0));
        assert_eq!(move_down(&mut t, 0), Change::Swapped(0, 1));
        assert_eq!(names(&t), ["B", "A", "T", "C", "S"]);
        // A is the last 数量 row: it does not cross into 时效.
        assert!(!can_move_down(&t, 1));
        assert_eq!(move_down(&mut t, 1), Change::None);
        assert_eq!(move_up(&mut t, 1), Change::Swapped(1, 0));
        assert_eq!(names(&t), ["A", "B", "T", "C", "S"]);
        assert_eq!(move_up(&mut t, 2), Change::None);
        assert_eq!(remove_row(&mut t, 99), Change::None);
    }

    #[test]
    fn changing_level_moves_the_row_to_its_new_group() {
        let mut t = sample();
        let c = set_level2(&mut t, 0, Level2::Timeliness);
        assert_eq!(c, Change::Moved { from: 0, to: 2 });
        assert_eq!(names(&t), ["B", "T", "A", "C", "S"]);
        // 一级 without a fitting 二级 takes the first 二级 of the new 一级.
        let c = set_level1(&mut t, 0, Level1::Satisfaction);
        assert_eq!(t.indicators[4].level2, "服务对象满意度指标");
        assert_eq!(c, Change::Moved { from: 0, to: 4 });
        assert_eq!(names(&t), ["T", "A", "C", "S", "B"]);
        // A 二级 brings its 一级 along.
        set_level2(&mut t, 4, Level2::SocialBenefit);
        assert_eq!(t.indicators[3].level1, "效益指标");
        assert_eq!(names(&t), ["T", "A", "C", "B", "S"]);
    }

    #[test]
    fn changes_keep_a_parallel_list_in_step() {
        let mut t = sample();
        let mut ids: Vec<u32> = (0..5).collect();
        let mut next = 100;
        let mut step = |t: &mut Table, ids: &mut Vec<u32>, c: Change| {
            c.apply(ids, || {
                next += 1;
                next
            });
            assert_eq!(ids.len(), t.indicators.len());
        };
        let c = duplicate_row(&mut t, 1);
        step(&mut t, &mut ids, c);
        assert_eq!(ids, [0, 1, 101, 2, 3, 4]);
        let c = set_level2(&mut t, 0, Level2::Timeliness);
        assert_eq!(c.follow(0), Some(3));
        assert_eq!(c.follow(3), Some(2));
        step(&mut t, &mut ids, c);
        assert_eq!(ids, [1, 101, 2, 0, 3, 4]);
        let c = switch_framework(&mut t, Framework::F2021);
        assert_eq!(c.follow(4), Some(0));
        step(&mut t, &mut ids, c);
        assert_eq!(ids, [3, 1, 101, 2, 0, 4]);
        let c = remove_row(&mut t, 0);
        step(&mut t, &mut ids, c);
        assert_eq!(ids, [1, 101, 2, 0, 4]);
    }

    #[test]
    fn switching_framework_puts_cost_first() {
        let mut t = sample();
        switch_framework(&mut t, Framework::F2021);
        assert_eq!(names(&t), ["C", "A", "B", "T", "S"]);
        assert_eq!(t.indicators[0].level1, "成本指标");
        assert_eq!(t.indicators[0].level2, "经济成本指标");
        let b = blocks(&t);
        assert_eq!(b[0].level1, Level1Key::Known(Level1::Cost));
        assert_eq!(b[0].groups[0].rows, [0]);
        switch_framework(&mut t, Framework::F2020);
        assert_eq!(names(&t), ["A", "B", "T", "C", "S"]);
    }

    #[test]
    fn blocks_show_every_framework_group_and_strays_last() {
        let mut t = sample();
        t.indicators
            .push(Indicator::new("", "", "无归属", "", "1个"));
        t.indicators
            .insert(0, Indicator::new("效益指标", "数量指标", "错位", "", "1个"));
        t.indicators.push(Indicator::new(
            "产出指标(50分)",
            "进度指标",
            "进度",
            "",
            "≤12月",
        ));
        let b = blocks(&t);
        let l1: Vec<Level1Key> = b.iter().map(|b| b.level1).collect();
        assert_eq!(
            l1,
            [
                Level1Key::Known(Level1::Output),
                Level1Key::Known(Level1::Benefit),
                Level1Key::Known(Level1::Satisfaction),
                Level1Key::Other,
            ]
        );
        let output = &b[0];
        assert_eq!(output.groups.len(), 4);
        assert_eq!(output.groups[0].rows, [1, 2]);
        // 进度指标 reads as 时效指标; the weight after 产出指标 is ignored.
        assert_eq!(output.groups[2].rows, [3, 7]);
        assert_eq!(output.groups[1].rows, Vec::<usize>::new());
        let benefit = &b[1];
        assert_eq!(benefit.groups.len(), 5);
        assert!(!benefit.groups[4].in_framework);
        assert_eq!(benefit.groups[4].rows, [0]);
        assert_eq!(b[3].groups[0].rows, [6]);
        assert_eq!(b.iter().map(Block::row_count).sum::<usize>(), 8);

        let c = normalize(&mut t);
        assert!(matches!(c, Change::Reordered(_)));
        assert_eq!(
            names(&t),
            ["A", "B", "T", "进度", "C", "错位", "S", "无归属"]
        );
        assert_eq!(normalize(&mut t), Change::None);
    }

    #[test]
    fn goals_add_remove_reorder() {
        let mut t = new_table();
        assert_eq!(t.goals, [""]);
        t.goals[0] = "一".into();
        assert_eq!(add_goal(&mut t), 1);
        t.goals[1] = "二".into();
        assert_eq!(move_goal_up(&mut t, 1), Some(0));
        assert_eq!(t.goals, ["二", "一"]);
        assert_eq!(move_goal_up(&mut t, 0), None);
        assert_eq!(move_goal_down(&mut t, 1), None);
        assert_eq!(move_goal_down(&mut t, 0), Some(1));
        assert!(remove_goal(&mut t, 0));
        assert_eq!(t.goals, ["二"]);
        assert!(!remove_goal(&mut t, 5));
    }
}
