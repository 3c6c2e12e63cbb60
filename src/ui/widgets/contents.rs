//! The table of contents: every chapter as a link, the one in view marked, and progress through
//! the story. The chapter in view is written to the URL, so a copied link lands there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, use_lang};
use crate::state::LiveChapters;
use crate::state::app_state::use_app_state;
use crate::story::registry::{self, CHAPTERS};
use crate::web::scroll_watch::{Observer, watch};

#[component]
pub fn Contents() -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let current = Memo::new(move |_| state.chapter.get().and_then(|c| CHAPTERS.iter().position(|chapter| chapter.id == c)).unwrap_or(0));
    let observer = StoredValue::new_local(None::<Observer>);
    let live_chapters = use_context::<LiveChapters>();
    Effect::new(move |_| {
        // A chapter going live replaces its section: watch the new one.
        if let Some(LiveChapters(count)) = live_chapters {
            count.track();
        }
        let document = document();
        let sections: Vec<web_sys::Element> =
            CHAPTERS.iter().filter_map(|chapter| document.get_element_by_id(chapter.id)).filter_map(|e| e.dyn_into().ok()).collect();
        let watcher = watch(&sections, "-40% 0px -55% 0px", move |i| {
            let id = CHAPTERS.get(i).map(|chapter| chapter.id);
            if state.chapter.get_untracked() != id {
                state.chapter.set(id);
            }
        });
        observer.set_value(watcher);
    });
    on_cleanup(move || observer.update_value(|o| drop(o.take())));

    let total = CHAPTERS.len();
    view! {
        <nav class="contents" aria-label=t::ui_contents_label(lang)>
            <details>
                <summary>
                    <span class="contents-label">
                        {move || {
                            let i = current.get();
                            t::ui_contents_progress(lang, &(i + 1).to_string(), &total.to_string(), (CHAPTERS[i].title)(lang))
                        }}
                    </span>
                    // A progress element rather than a styled width: the prerendered page may
                    // carry no style attribute under its Content Security Policy.
                    <progress
                        class="progress"
                        aria-hidden="true"
                        max=total.to_string()
                        value=move || (current.get() + 1).to_string()
                    ></progress>
                </summary>
                <ol>
                    {CHAPTERS
                        .iter()
                        .enumerate()
                        .map(|(i, registry::Chapter { id, title, .. })| {
                            view! {
                                <li>
                                    <a
                                        href=format!("#{id}")
                                        aria-current=move || (current.get() == i).then_some("location")
                                    >
                                        {title(lang)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </details>
        </nav>
    }
}
