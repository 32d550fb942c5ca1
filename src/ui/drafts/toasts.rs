//! The toast: a short message at the bottom of the page (deletions with
//! 撤销, copies with 打开, failures), gone after 12 seconds or when
//! dismissed. Self-contained: [`Toaster`] is the channel (in context), and
//! [`Toasts`] shows it; what a toast's button does is given to the channel
//! by whoever owns the actions ([`Toaster::on_action`]).

use leptos::prelude::*;

use crate::domain::Text;
use crate::drafts::Offer;
use crate::ui::lang::{text, tr};

/// What a toast's button does (撤销 a deletion, 打开 a draft).
pub type ToastAction = Offer;

/// How long a toast stays.
const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(12);

/// A short message at the bottom of the page, maybe with an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    seq: u64,
    pub message: Text,
    pub action: Option<ToastAction>,
}

/// The toast channel. `Copy`; provided through context.
#[derive(Clone, Copy)]
pub struct Toaster {
    current: RwSignal<Option<Toast>>,
    seq: StoredValue<u64>,
    /// What a toast's button does.
    act: StoredValue<Option<Callback<ToastAction>>>,
}

impl Toaster {
    pub fn new() -> Toaster {
        Toaster {
            current: RwSignal::new(None),
            seq: StoredValue::new(0),
            act: StoredValue::new(None),
        }
    }

    /// What a toast's button does.
    pub fn on_action(&self, act: Callback<ToastAction>) {
        self.act.set_value(Some(act));
    }

    /// Shows `message` (in both languages: it reads right after a switch).
    pub fn say(&self, message: Text, action: Option<ToastAction>) {
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        self.current.set(Some(Toast {
            seq,
            message,
            action,
        }));
        let current = self.current;
        set_timeout(
            move || {
                if current.try_with_untracked(|t| t.as_ref().map(|t| t.seq)) == Some(Some(seq)) {
                    current.set(None);
                }
            },
            SHOWN_FOR,
        );
    }

    pub fn clear(&self) {
        self.current.set(None);
    }
}

impl Default for Toaster {
    fn default() -> Self {
        Toaster::new()
    }
}

/// The toast region (role=status).
#[component]
pub fn Toasts() -> impl IntoView {
    let toaster = expect_context::<Toaster>();
    let act = move |a: ToastAction| {
        toaster.clear();
        if let Some(act) = toaster.act.get_value() {
            act.run(a);
        }
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                toaster
                    .current
                    .get()
                    .map(|t| {
                        let action = t.action.clone().map(|a| {
                            let label = text(&a.label());
                            view! { <button type="button" class="toast-action" on:click=move |_| act(a.clone())>{label}</button> }
                        });
                        view! {
                            <div class="toast">
                                <span>{text(&t.message)}</span>
                                {action}
                                <button type="button" class="toast-close" aria-label=tr("关闭提示", "Dismiss") on:click=move |_| toaster.clear()>
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
