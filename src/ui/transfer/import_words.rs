//! What the import dialog says: its button, its status line, and the
//! notices once tables are imported or drafts restored.

use crate::domain::{Lang, Text};
use crate::ui::workspace::count_en;

use super::preview_html::{drafts_in, tables_in};
use super::print::non_blank;
use super::reading::Found;

/// What the page says once `n` tables are imported and the first, of
/// `project`, is open.
pub fn imported(n: usize, project: &str) -> Text {
    let (zh, en) = (non_blank(project, "未命名"), non_blank(project, "Untitled"));
    if n == 1 {
        Text::owned(
            format!("已导入 1 张表，已打开：{zh}"),
            format!("Imported 1 table and opened it: {en}"),
        )
    } else {
        Text::owned(
            format!("已导入 {n} 张表（已加入草稿箱），已打开第 1 张：{zh}"),
            format!(
                "Imported {} (added to the draft box) and opened the first: {en}",
                count_en(n, "table", "tables")
            ),
        )
    }
}

/// What the page says once `n` drafts are restored from a backup, with
/// `unread` others that could not be read.
pub fn restored(n: usize, unread: usize) -> Text {
    let mut zh = format!("已从备份恢复 {n} 个草稿，见草稿箱。");
    let mut en = format!(
        "Restored {} from the backup; see the draft box.",
        count_en(n, "draft", "drafts")
    );
    if unread > 0 {
        zh.push_str(&format!("另有 {unread} 个草稿无法读取。"));
        en.push_str(&format!(
            " {} could not be read.",
            count_en(unread, "other draft", "other drafts")
        ));
    }
    Text::owned(zh, en)
}

/// The confirm button: 导入 3 张表, 恢复 2 个草稿, or 导入 while nothing
/// can be imported.
pub fn confirm_label(found: Option<&Result<Found, Text>>, l: Lang) -> String {
    match found {
        Some(Ok(Found::Tables { tables, .. })) => match l {
            Lang::Zh => format!("导入 {} 张表", tables.len()),
            Lang::En => format!("Import {}", tables_in(tables.len(), l)),
        },
        Some(Ok(Found::Backup { drafts, .. })) => match l {
            Lang::Zh => format!("恢复 {} 个草稿", drafts.len()),
            Lang::En => format!("Restore {}", drafts_in(drafts.len(), l)),
        },
        _ => l.pick("导入", "Import").to_string(),
    }
}

/// The status line read out when something can be imported ("" else).
pub fn status_line(found: Option<&Result<Found, Text>>, l: Lang) -> String {
    match (found, l) {
        (Some(Ok(Found::Tables { tables, .. })), Lang::Zh) => {
            format!("找到 {} 张表，确认后导入。", tables.len())
        }
        (Some(Ok(Found::Tables { tables, .. })), Lang::En) => {
            format!("Found {}; confirm to import.", tables_in(tables.len(), l))
        }
        (Some(Ok(Found::Backup { drafts, .. })), Lang::Zh) => {
            format!("草稿箱备份，{} 个草稿，确认后恢复。", drafts.len())
        }
        (Some(Ok(Found::Backup { drafts, .. })), Lang::En) => format!(
            "A draft box backup with {}; confirm to restore.",
            drafts_in(drafts.len(), l)
        ),
        _ => String::new(),
    }
}
