//! What the author is told about the open draft and the draft box, in
//! both languages: notices after an action (with 撤销 or 打开 at hand),
//! why a save failed, and the questions the page asks before an action
//! that cannot be undone.

use jixiao_domain::lang::grouped;
use jixiao_domain::{Bilingual, Text};

use super::Outcome;

/// A message for the author after an event, maybe with something to do
/// about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: Text,
    pub offer: Option<Offer>,
}

impl Notice {
    /// A message with nothing to do about it.
    pub fn plain(text: Text) -> Notice {
        Notice { text, offer: None }
    }
}

impl From<Notice> for Outcome {
    fn from(notice: Notice) -> Outcome {
        Outcome {
            notice: Some(notice),
            ..Outcome::default()
        }
    }
}

/// What a notice offers to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// 撤销 a deletion: restore the draft (and reopen it if it was open;
    /// `replacement` is the blank draft opened in its place, if one was
    /// made).
    UndoDelete {
        id: String,
        was_open: bool,
        replacement: Option<String>,
    },
    /// 打开 a draft.
    Open(String),
}

impl Offer {
    /// The button's words.
    pub fn label(&self) -> Text {
        match self {
            Offer::UndoDelete { .. } => Text::new("撤销", "Undo"),
            Offer::Open(_) => Text::new("打开", "Open"),
        }
    }
}

/// An action on a draft that can fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Delete,
    Restore,
    Rename,
    Duplicate,
}

/// "删除失败：…" / "Delete failed: …".
pub(crate) fn failure(action: Action, why: &impl Bilingual) -> Notice {
    let (zh, en) = match action {
        Action::Delete => ("删除失败：", "Delete failed: "),
        Action::Restore => ("恢复失败：", "Restore failed: "),
        Action::Rename => ("重命名失败：", "Rename failed: "),
        Action::Duplicate => ("复制失败：", "Duplicate failed: "),
    };
    Notice::plain(why.text().prefixed(zh, en))
}

/// A draft's name quoted in a sentence: 「name」 / “name”.
fn quoted(zh: &str, en: &str, name: &str, en_after: &str) -> Text {
    Text::owned(format!("{zh}「{name}」"), format!("{en}“{name}”{en_after}"))
}

pub(crate) fn deleted(name: &str) -> Text {
    quoted("已删除", "Deleted ", name, "")
}

pub(crate) fn restored(name: &str) -> Text {
    quoted("已恢复", "Restored ", name, "")
}

pub(crate) fn purged(name: &str) -> Text {
    quoted("已永久删除", "Deleted ", name, " for good")
}

pub(crate) fn duplicated(name: &str) -> Text {
    quoted("已复制为", "Duplicated as ", name, "")
}

/// "1 draft", "1,024 drafts".
fn drafts_en(n: usize) -> String {
    if n == 1 {
        "1 draft".into()
    } else {
        format!("{} drafts", grouped(n))
    }
}

pub(crate) fn trash_emptied(n: usize) -> Text {
    Text::owned(
        format!("已清空回收站（{n} 份）"),
        format!("Trash emptied ({})", drafts_en(n)),
    )
}

pub(crate) fn damaged_discarded() -> Text {
    Text::new("已删除损坏的草稿", "Damaged draft deleted")
}

pub(crate) fn kept_theirs() -> Text {
    Text::new(
        "已采用另一个标签页的版本（按 Ctrl+Z 可找回本页的版本）",
        "Now using the other tab's version (press Ctrl+Z to get this page's version back)",
    )
}

pub(crate) fn kept_mine() -> Text {
    Text::new("已保存本页的版本", "Saved this page's version")
}

pub(crate) fn kept_both(name: &str, theirs: &str) -> Text {
    Text::owned(
        format!("已另存为「{name}」；另一个标签页的版本仍是「{theirs}」"),
        format!("Saved as “{name}”; the other tab's version is still “{theirs}”"),
    )
}

/// Why the open draft is not saved while a conflict waits.
pub(crate) fn conflict_state() -> Text {
    Text::new(
        "另一个标签页也修改了这份草稿，请选择保留哪一份",
        "this draft was also changed in another tab: choose which to keep",
    )
}

/// Why the open draft is not saved when its stored entry is damaged.
pub(crate) fn damaged_state() -> Text {
    Text::new(
        "存储中的这份草稿已损坏，未覆盖",
        "the stored copy of this draft is damaged, so it was not overwritten",
    )
}

pub(crate) fn leave_question(name: &str, why: &Text) -> Text {
    Text::owned(
        format!(
            "「{name}」有未保存的修改（{}）。离开后这些修改将丢失；可以先取消，用“导出此表”保存为文件。\n仍要离开吗？",
            why.zh
        ),
        format!(
            "“{name}” has unsaved changes ({}). They will be lost if you leave; you can cancel and use “Export this table” to save them to a file.\nLeave anyway?",
            why.en
        ),
    )
}

/// Before deleting the draft `name` of the trash for good.
pub fn purge_question(name: &str) -> Text {
    Text::owned(
        format!("永久删除「{name}」？\n删除后无法恢复。"),
        format!("Delete “{name}” for good?\nThis cannot be undone."),
    )
}

/// Before emptying a trash of `n` drafts.
pub fn empty_trash_question(n: usize) -> Text {
    Text::owned(
        format!("永久删除回收站中的 {n} 份草稿？\n删除后无法恢复。"),
        format!(
            "Delete {} in the trash for good?\nThis cannot be undone.",
            drafts_en(n)
        ),
    )
}

/// Before removing a damaged entry.
pub fn discard_damaged_question() -> Text {
    Text::new(
        "删除这份损坏的草稿？\n删除后无法恢复。如需保留其内容，请先点“下载原文”。",
        "Delete this damaged draft?\nThis cannot be undone. To keep its contents, first click “Download raw text”.",
    )
}
