//! The indicator tree as the page shows it: the rows grouped by
//! [`edit::blocks`] into 一级 blocks and 二级 groups, as stable row ids, and
//! rebuilt only when its shape changes (not on most keystrokes).

use crate::domain::edit::{self, GroupKey, Level1Key};
use crate::domain::{Framework, Table};

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

/// What the indicator tree is built from: the framework, each row's
/// 一级/二级 and the row ids (see [`TreeShape::matches`]).
#[derive(Default)]
pub(super) struct TreeShape {
    framework: Option<Framework>,
    levels: Vec<(String, String)>,
    ids: Vec<u64>,
}

impl TreeShape {
    pub(super) fn of(table: &Table, ids: &[u64]) -> TreeShape {
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

    /// Whether `table` and `ids` have this shape (then the tree stands).
    pub(super) fn matches(&self, table: &Table, ids: &[u64]) -> bool {
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

/// The display tree of `table`, with the rows as their ids.
pub(super) fn tree_of(table: &Table, ids: &[u64]) -> Vec<BlockView> {
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
