//! The 导出 menu: a menu button (Enter, Space or ↓ opens it on the first
//! item, ↑ on the last; ↑ ↓ Home End move; Esc closes it back to the
//! button; Tab or a press outside closes it) listing the table's exports
//! and, when the open table's unit has several, the unit's.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::{Lang, Table};
use crate::ui::drafts::use_session;
use crate::ui::editor::use_editor;
use crate::ui::lang::{lang, tr};
use crate::ui::platform::dom;
use crate::ui::widgets::notice::use_notices;
use crate::ui::workspace::count_en;

use super::exports::Exports;
use super::print::{non_blank, Printer};
use super::unit::{unit_tables, use_workspace};

/// The 导出 menu button and its menu.
#[component]
pub fn ExportMenu(share_open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    let session = use_session();
    let ws = use_workspace();
    let notices = use_notices();
    let printer = expect_context::<Printer>();
    let open = RwSignal::new(false);
    // The unit's documents, gathered when the menu opens.
    let unit = RwSignal::new(Vec::<Table>::new());
    let wrap = NodeRef::<html::Div>::new();

    let items = move || -> Vec<web_sys::HtmlElement> {
        let Some(w) = wrap.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = w.query_selector_all("[role=menuitem]") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.get(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    };
    let focus_item = move |k: usize| {
        if let Some(el) = items().get(k) {
            let _ = el.focus();
        }
    };
    let show = move |first: bool| {
        let open_id = session.id();
        unit.set(
            editor
                .table
                .with_untracked(|t| unit_tables(&ws, &open_id, t)),
        );
        open.set(true);
        request_animation_frame(move || {
            let n = items().len();
            if n > 0 {
                focus_item(if first { 0 } else { n - 1 });
            }
        });
    };
    let hide = move |refocus: bool| {
        open.set(false);
        if refocus {
            dom::focus_later("export-btn".into(), None);
        }
    };
    let on_button_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            show(true);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(false);
        }
        _ => {}
    };
    let on_menu_key = move |ev: leptos::ev::KeyboardEvent| {
        let list = items();
        let n = list.len();
        if n == 0 {
            return;
        }
        let active = document().active_element();
        let at = list.iter().position(|el| {
            active
                .as_ref()
                .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
        });
        let go = |k: usize| {
            let _ = list[k].focus();
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                go(at.map_or(0, |i| (i + 1) % n));
            }
            "ArrowUp" => {
                ev.prevent_default();
                go(at.map_or(n - 1, |i| (i + n - 1) % n));
            }
            "Home" => {
                ev.prevent_default();
                go(0);
            }
            "End" => {
                ev.prevent_default();
                go(n - 1);
            }
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                hide(true);
            }
            "Tab" => hide(false),
            _ => {}
        }
    };
    // A press outside closes the menu.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let inside = match (wrap.get_untracked(), ev.target()) {
            (Some(w), Some(t)) => t
                .dyn_ref::<web_sys::Node>()
                .is_some_and(|n| w.contains(Some(n))),
            _ => false,
        };
        if !inside {
            hide(false);
        }
    });
    on_cleanup(move || outside.remove());

    // Each item runs its action, closing the menu first.
    let act = move |f: fn(&Exports)| {
        move |_| {
            hide(true);
            let exports = Exports {
                editor,
                ws,
                notices,
                printer,
                unit: unit.get_untracked(),
                share_open,
            };
            f(&exports);
        }
    };
    // The menu, as data: one kind of view per kind of entry.
    let entries = move || {
        let tables = unit.get();
        let n = tables.len();
        let item =
            |zh: &'static str, en: &'static str, f: fn(&Exports)| Entry::Item(tr(zh, en).into(), f);
        let mut list = vec![
            item("打印本表…", "Print this table…", Exports::print_table),
            item(
                "导出 Excel（.xlsx）",
                "Export to Excel (.xlsx)",
                Exports::table_xlsx,
            ),
            item(
                "导出 Word（.docx）",
                "Export to Word (.docx)",
                Exports::table_docx,
            ),
            item("复制为表格文本", "Copy as table text", Exports::copy_tsv),
            item("导出 JSON", "Export JSON", Exports::table_json),
            item("分享链接…", "Share link…", Exports::share),
        ];
        if n > 1 {
            let unit = print_unit_name(&tables);
            list.push(Entry::Separator);
            list.push(Entry::Label(match lang() {
                Lang::Zh => format!("本单位 {n} 张表（{unit}）"),
                Lang::En => format!("This unit’s {} ({unit})", count_en(n, "table", "tables")),
            }));
            list.push(Entry::Item(
                match lang() {
                    Lang::Zh => format!("打印本单位 {n} 张表…"),
                    Lang::En => format!("Print the unit’s {}…", count_en(n, "table", "tables")),
                },
                Exports::print_unit,
            ));
            list.push(item(
                "导出本单位 Excel（每表一个工作表）",
                "Export the unit to Excel (one sheet per table)",
                Exports::unit_workbook,
            ));
            list.push(item(
                "导出本单位 Excel（合为一个工作表）",
                "Export the unit to Excel (all in one sheet)",
                Exports::unit_sheet,
            ));
            list.push(item(
                "导出本单位 Word（每表一页）",
                "Export the unit to Word (one page per table)",
                Exports::unit_docx,
            ));
        }
        list.push(Entry::Separator);
        list.push(item(
            "备份草稿箱（全部草稿）",
            "Back up the draft box (all drafts)",
            Exports::backup,
        ));
        list.into_iter()
            .map(|e| match e {
                Entry::Item(label, f) => view! {
                    <button type="button" role="menuitem" tabindex="-1" on:click=act(f)>
                        {label}
                    </button>
                }
                .into_any(),
                Entry::Separator => {
                    view! { <div role="separator" class="menu-sep"></div> }.into_any()
                }
                Entry::Label(text) => {
                    view! { <div class="menu-label" aria-hidden="true">{text}</div> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <div class="menu-wrap" node_ref=wrap>
            <button
                type="button"
                id="export-btn"
                aria-haspopup="menu"
                aria-controls="export-menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| if open.get_untracked() { hide(false) } else { show(true) }
                on:keydown=on_button_key
            >
                {tr("导出 ▾", "Export ▾")}
            </button>
            <Show when=move || open.get()>
                <div id="export-menu" class="menu" role="menu" aria-labelledby="export-btn" on:keydown=on_menu_key>
                    {entries}
                </div>
            </Show>
        </div>
    }
}

/// One entry of the 导出 menu.
enum Entry {
    Item(String, fn(&Exports)),
    Separator,
    Label(String),
}

fn print_unit_name(tables: &[Table]) -> String {
    tables
        .first()
        .map(|t| {
            non_blank(
                &format!("{}{}", t.unit_code.trim(), t.unit_name.trim()),
                tr("本单位", "this unit"),
            )
        })
        .unwrap_or_default()
}
