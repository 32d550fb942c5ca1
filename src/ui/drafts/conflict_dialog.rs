//! The choice when another tab saved the open draft first: theirs, mine,
//! or both, with both versions side by side and where they differ. Modal:
//! focus stays inside; Esc decides later (the draft bar offers to resolve
//! it again).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::lang::grouped;
use crate::domain::rules::{self, Counts};
use crate::domain::Lang;
use crate::drafts::{differences, Difference};
use crate::ui::dom;
use crate::ui::lang::{count_en, lang, tr};
use crate::ui::workspace::now_ms;

use super::session::use_session;
use super::words::{counts_text, project_or_blank, when};

/// Differences listed before "另有 n 处" ("n more").
const DIFF_SHOWN: usize = 12;

/// The choice when another tab saved the open draft first: theirs, mine,
/// or both. Modal: focus stays inside; Esc decides later.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let session = use_session();
    let editor = session.editor;
    let open =
        Memo::new(move |_| session.conflict_open.get() && session.conflict.with(Option::is_some));
    let dialog = NodeRef::<leptos::html::Div>::new();
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // Focus moves in on open and back out on close.
    Effect::new(move |was: Option<bool>| {
        let now = open.get();
        if now && was != Some(true) {
            before.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            dom::focus_later("conflict-both".into(), None);
        } else if !now && was == Some(true) {
            if let Some(el) = before.get_value() {
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        }
        now
    });
    let close = move || session.conflict_open.set(false);
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        } else if ev.key() == "Tab" {
            let Some(root) = dialog.get_untracked() else {
                return;
            };
            let Ok(list) = root.query_selector_all("button:not([disabled])") else {
                return;
            };
            let items: Vec<web_sys::HtmlElement> = (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect();
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = document().active_element();
            let at = |el: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
            };
            let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
            if ev.shift_key() && (at(first) || !inside) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && (at(last) || !inside) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
    };
    // Focus that leaves the dialog (a click outside) comes back.
    let focusout_guard = window_event_listener(leptos::ev::focusin, move |ev| {
        if !open.try_get_untracked().unwrap_or(false) {
            return;
        }
        let Some(root) = dialog.get_untracked() else {
            return;
        };
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !target.as_ref().is_some_and(|t| root.contains(Some(t))) {
            dom::focus_later("conflict-both".into(), None);
        }
    });
    on_cleanup(move || focusout_guard.remove());

    let body = move || {
        let theirs = session.conflict.get()?;
        let mine_counts = editor.index.with_untracked(|ix| ix.total);
        let their_counts = Counts::of(&rules::check(&theirs.table));
        let diffs: Vec<Difference> = editor
            .table
            .with_untracked(|mine| differences(&theirs.table, mine));
        let (mine_project, mine_rows) = editor
            .table
            .with_untracked(|t| (t.project.clone(), t.indicators.len()));
        let more = diffs.len().saturating_sub(DIFF_SHOWN);
        let n = diffs.len();
        let version = |title: &'static str,
                       cls: &'static str,
                       project: String,
                       at: String,
                       counts: Counts,
                       rows: usize| {
            view! {
                <div class=format!("version {cls}")>
                    <h3>{title}</h3>
                    <dl>
                        <dt>{tr("项目名称", "Project name")}</dt>
                        <dd>{project_or_blank(project)}</dd>
                        <dt>{tr("修改时间", "Changed")}</dt>
                        <dd>{at}</dd>
                        <dt>{tr("检查", "Check")}</dt>
                        <dd>{counts_text(counts)}</dd>
                        <dt>{tr("指标", "Indicators")}</dt>
                        <dd>
                            {match lang() {
                                Lang::Zh => format!("{rows} 行"),
                                Lang::En => count_en(rows, "row", "rows"),
                            }}
                        </dd>
                    </dl>
                </div>
            }
        };
        Some(view! {
            <p id="conflict-d">
                {match lang() {
                    Lang::Zh => format!(
                        "「{}」在另一个标签页（或窗口）中保存了不同的内容，本页的修改尚未保存。请选择保留哪一份。选“两份都保留”不会丢失任何内容：本页的版本另存为一份新草稿。",
                        theirs.meta.name,
                    ),
                    Lang::En => format!(
                        "“{}” was saved with different content in another tab (or window), and this page's changes are not saved yet. Choose which to keep. “Keep both” loses nothing: this page's version is saved as a new draft.",
                        theirs.meta.name,
                    ),
                }}
            </p>
            <div class="versions">
                {version(tr("对方的（另一个标签页）", "Theirs (the other tab)"), "theirs", theirs.table.project.clone(), when(theirs.meta.updated), their_counts, theirs.table.indicators.len())}
                {version(tr("我的（本页）", "Mine (this page)"), "mine", mine_project, format!("{}{}", when(now_ms()), tr("（未保存）", " (not saved)")), mine_counts, mine_rows)}
            </div>
            <h3 class="diff-h">
                {match lang() {
                    Lang::Zh => format!("不同之处（{n} 处）"),
                    Lang::En => format!("Differences ({})", grouped(n)),
                }}
            </h3>
            <table class="diff">
                <thead>
                    <tr>
                        <th scope="col">{tr("位置", "Where")}</th>
                        <th scope="col">{tr("对方的", "Theirs")}</th>
                        <th scope="col">{tr("我的", "Mine")}</th>
                    </tr>
                </thead>
                <tbody>
                    {diffs
                        .into_iter()
                        .take(DIFF_SHOWN)
                        .map(|d| {
                            let l = lang();
                            view! { <tr><th scope="row">{d.what.into_lang(l)}</th><td class="theirs">{d.theirs.into_lang(l)}</td><td class="mine">{d.mine.into_lang(l)}</td></tr> }
                        })
                        .collect_view()}
                </tbody>
            </table>
            {(more > 0)
                .then(|| {
                    let text = match lang() {
                        Lang::Zh => format!("…另有 {more} 处不同"),
                        Lang::En => format!("…and {} more", grouped(more)),
                    };
                    view! { <p class="note">{text}</p> }
                })}
        })
    };
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop">
                <div
                    class="modal conflict"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="conflict-h"
                    aria-describedby="conflict-d"
                    node_ref=dialog
                    on:keydown=keydown
                >
                    <h2 id="conflict-h">{tr("这份草稿在另一个标签页中也被修改了", "This draft was also changed in another tab")}</h2>
                    {body}
                    <div class="actions">
                        <button type="button" id="conflict-both" class="primary" on:click=move |_| session.keep_both()>
                            {tr("两份都保留", "Keep both")}
                        </button>
                        <button type="button" on:click=move |_| session.keep_mine()>{tr("保留我的", "Keep mine")}</button>
                        <button type="button" on:click=move |_| session.keep_theirs()>{tr("保留对方的", "Keep theirs")}</button>
                        <button type="button" class="later" on:click=move |_| close()>{tr("稍后决定", "Decide later")}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
