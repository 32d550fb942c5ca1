//! The page's one notice channel: a short message at the bottom of the
//! page that says what just happened or what went wrong, maybe with one
//! action (撤销, 打开 …).
//!
//! Features tell the author about a finished action through [`Notices`]:
//! [`Notices::say`] for news (role=status, polite), [`Notices::fail`] for
//! a problem (role=alert, announced at once), [`Notices::show`] for a
//! [`Notice`] built with an action or a close button. One notice shows at
//! a time: a new one replaces it, and each goes after a while. Its words
//! are a [`Text`], put in the page language when shown. [`NoticeArea`]
//! draws it (styles: `.xfer-toast` in `style/transfer.css`).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::Text;
use crate::ui::lang::{lang, tr};

/// What a notice can say: a [`Text`] (the language is picked when shown),
/// or a `String` already in the page language (an error passed on as it
/// came).
pub trait IntoText {
    fn into_text(self) -> Text;
}

impl IntoText for Text {
    fn into_text(self) -> Text {
        self
    }
}

impl IntoText for String {
    fn into_text(self) -> Text {
        Text::same(self)
    }
}

/// How a notice is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// News: role=status, read out when the reader is idle.
    Info,
    /// A problem: role=alert, read out at once.
    Failure,
}

/// A button on a notice: its label, and what it does (the notice goes
/// first).
#[derive(Clone)]
pub struct NoticeAction {
    pub label: Text,
    /// Held by the notice itself, not by a reactive owner: the action
    /// often comes from a control that is gone once it has acted (a
    /// deleted draft's line), and must still run.
    pub run: Arc<dyn Fn() + Send + Sync>,
}

/// One notice.
#[derive(Clone)]
pub struct Notice {
    pub text: Text,
    pub tone: Tone,
    pub action: Option<NoticeAction>,
    /// Whether a × button (关闭提示) lets the author close it early.
    pub dismissible: bool,
    /// How long it shows.
    pub lasts: Duration,
}

impl Notice {
    /// News, shown for 8 seconds.
    pub fn info(text: impl IntoText) -> Notice {
        Notice {
            text: text.into_text(),
            tone: Tone::Info,
            action: None,
            dismissible: false,
            lasts: Duration::from_secs(8),
        }
    }

    /// A problem, shown for 20 seconds (longer: it has to be read).
    pub fn failure(text: impl IntoText) -> Notice {
        Notice {
            tone: Tone::Failure,
            lasts: Duration::from_secs(20),
            ..Notice::info(text)
        }
    }

    /// With a button labelled `label` that runs `run`.
    pub fn with_action(self, label: Text, run: impl Fn() + Send + Sync + 'static) -> Notice {
        Notice {
            action: Some(NoticeAction {
                label,
                run: Arc::new(run),
            }),
            ..self
        }
    }

    /// With a × button that closes it.
    pub fn dismissible(self) -> Notice {
        Notice {
            dismissible: true,
            ..self
        }
    }

    /// Shown for `lasts` instead.
    pub fn lasting(self, lasts: Duration) -> Notice {
        Notice { lasts, ..self }
    }
}

/// The notice channel. `Copy`; shared through context ([`Notices::provide`],
/// [`use_notices`]).
#[derive(Clone, Copy)]
pub struct Notices {
    /// The notice showing now, with its number.
    current: RwSignal<Option<(u64, Notice)>>,
    seq: StoredValue<u64>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices {
            current: RwSignal::new(None),
            seq: StoredValue::new(0),
        }
    }

    /// A new channel, provided to what is drawn from here down. Always a
    /// new one: a context left by an earlier drawing (the page is drawn
    /// again when the language changes) may hold a channel already
    /// disposed.
    pub fn provide() -> Notices {
        let notices = Notices::new();
        provide_context(notices);
        notices
    }

    /// Says what just happened.
    pub fn say(&self, text: impl IntoText) {
        self.show(Notice::info(text));
    }

    /// Says what went wrong.
    pub fn fail(&self, text: impl IntoText) {
        self.show(Notice::failure(text));
    }

    /// Shows `notice` in place of the one showing, for its time.
    pub fn show(&self, notice: Notice) {
        let n = self.seq.get_value() + 1;
        self.seq.set_value(n);
        let lasts = notice.lasts;
        self.current.set(Some((n, notice)));
        let current = self.current;
        set_timeout(
            move || {
                let still = current.try_with_untracked(|c| matches!(c, Some((k, _)) if *k == n));
                if still == Some(true) {
                    current.set(None);
                }
            },
            lasts,
        );
    }

    /// Takes the notice away.
    pub fn clear(&self) {
        if self.current.with_untracked(Option::is_some) {
            self.current.set(None);
        }
    }
}

impl Default for Notices {
    fn default() -> Self {
        Notices::new()
    }
}

/// The channel from context.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

/// Where notices show: a status region and an alert region, both always
/// in the page (a live region must be there before its words change to
/// be read out).
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="xfer-toast" role="status" aria-live="polite">
            <Shown notices=notices tone=Tone::Info />
        </div>
        <div class="xfer-toast alert" role="alert">
            <Shown notices=notices tone=Tone::Failure />
        </div>
    }
}

/// The notice showing now, if it has `tone`.
#[component]
fn Shown(notices: Notices, tone: Tone) -> impl IntoView {
    move || {
        let notice = notices.current.with(|c| {
            c.as_ref()
                .filter(|(_, n)| n.tone == tone)
                .map(|(_, n)| n.clone())
        })?;
        let l = lang();
        let action = notice.action.map(|a| {
            let go = move |_| {
                notices.clear();
                (a.run)();
            };
            view! {
                <button type="button" class="toast-action" on:click=go>
                    {a.label.get(l).to_string()}
                </button>
            }
        });
        let close = notice.dismissible.then(|| {
            view! {
                <button
                    type="button"
                    class="toast-close"
                    aria-label=tr("关闭提示", "Dismiss")
                    on:click=move |_| notices.clear()
                >
                    "×"
                </button>
            }
        });
        Some(view! {
            {notice.text.get(l).to_string()}
            {action}
            {close}
        })
    }
}
