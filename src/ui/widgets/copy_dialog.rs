//! A dialog that hands the reader text to copy: the embed code, a citation. Each block is a
//! read-only text box with its own copy button; the dialog says what was copied.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{t, use_lang};
use crate::ui::widgets::SubHeading;
use crate::web::clipboard;

/// One text to copy: its label, the text, its box's height in lines, the copy button's label and
/// what the dialog says once it is copied.
pub struct CopyBlock {
    pub label: &'static str,
    pub text: Signal<String>,
    pub rows: u32,
    pub copy_label: &'static str,
    pub copied: &'static str,
}

#[component]
pub fn CopyDialog(
    dialog: NodeRef<Dialog>,
    /// The heading's id, unique on the page (the dialog is labelled by it).
    heading_id: String,
    heading: &'static str,
    help: &'static str,
    blocks: Vec<CopyBlock>,
    /// Extra classes, e.g. the kind of dialog.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let (status, set_status) = signal(String::new());
    let copy = move |text: String, done: &'static str| clipboard::copy_and_report(text, done, set_status, lang);
    let labelled_by = heading_id.clone();
    let texts: Vec<_> = blocks
        .iter()
        .map(|b| {
            let (text, label) = (b.text, b.label);
            view! {
                <label class="embed-code">
                    <span>{label}</span>
                    <textarea readonly rows=b.rows prop:value=move || text.get()></textarea>
                </label>
            }
        })
        .collect();
    let buttons: Vec<_> = blocks
        .iter()
        .map(|b| {
            let (text, copied) = (b.text, b.copied);
            view! {
                <button type="button" class="action" on:click=move |_| copy(text.get_untracked(), copied)>
                    {b.copy_label}
                </button>
            }
        })
        .collect();
    view! {
        <dialog class=format!("copy-dialog {class}") node_ref=dialog aria-labelledby=labelled_by>
            <SubHeading id=heading_id>{heading}</SubHeading>
            <p>{help}</p>
            {texts}
            <div class="dialog-buttons">
                {buttons}
                <button
                    type="button"
                    class="action"
                    on:click=move |_| {
                        if let Some(d) = dialog.get() {
                            d.close();
                        }
                    }
                >
                    {t::ui_close(lang)}
                </button>
            </div>
            <p class="action-status" role="status">{move || status.get()}</p>
        </dialog>
    }
}
