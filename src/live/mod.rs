//! Brings the prerendered page to life where the reader is (see `crate::ui::static_page`).
//!
//! The page arrives finished: every chapter's text, every chart as a picture, every table. At
//! start the app only takes over the header's switches and note, the story's Cite button at its
//! foot, and the contents. A chapter goes live, with its chart
//! library and its reactive pieces, when one of its charts nears the viewport or the reader
//! touches one of its controls; a chart already on screen when the page opens waits for the
//! reader's first interaction, so the first seconds carry no long task. A control used before its
//! chapter is live is replayed on the live control, and the picture stays until the live chart has
//! drawn the same view underneath it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::charts::display::Display;
use crate::i18n::Lang;
use crate::state::LiveChapters;
use crate::state::app_state::AppState;
use crate::state::display::provide_display;
use crate::state::url_state::{Embed, UrlState};
use crate::story::registry::{CHAPTERS, Chapter};
use crate::ui::chapters::chapter_view;

/// The controls of a chapter that a reader can use before it is live, in document order.
mod chapters;

use chapters::{controls_on, elements, on_first_interaction, open_details, replay, restore_details, watch_chapters};

use crate::web::QUEUED_CONTROLS as CONTROLS;

/// Everything the live pieces share, provided again inside each mount.
#[derive(Clone, Copy)]
struct Contexts {
    state: AppState,
    lang: Lang,
    display: Signal<Display>,
    live: LiveChapters,
}

impl Contexts {
    fn provide(self) {
        provide_context(self.state);
        provide_context(self.lang);
        provide_context(self.display);
        provide_context(self.live);
    }
}

/// Takes over the prerendered `story` (`<main id="story">`) in the page's language.
pub fn start(url: UrlState, story: Element) {
    let owner = Owner::new();
    owner.with(|| {
        let lang = crate::i18n::language_pack::page_lang();
        let state = AppState::new(&url);
        let display = provide_display(state.theme.into(), Signal::stored(lang));
        let contexts = Contexts { state, lang, display, live: LiveChapters(RwSignal::new(0)) };
        contexts.provide();
        crate::ui::page::mirror_in_url(state);
        crate::ui::page::apply_theme_choice(state.theme);
        follow_lang_choice(state, lang);
        let offline_ready = RwSignal::new(false);
        crate::web::offline::register(offline_ready);
        crate::web::echarts::prefetch_when_idle();

        match url.embed {
            Some(Embed::Chart(_)) | Some(Embed::Unknown) => {
                // One chart in a frame, on its own prerendered page: the live embed takes its
                // place once the reader interacts (the picture shows the same view until then).
                // An unknown chart id gets its message at once.
                let unknown = url.embed == Some(Embed::Unknown);
                let at_once = unknown || !story.class_list().contains("embed-chart");
                let url = url.clone();
                let go_live = move || {
                    leptos::task::spawn_local(async move {
                        if !unknown {
                            crate::web::echarts::load().await;
                        }
                        // The table or sources the reader opened meanwhile stay open.
                        let open_parts = open_details(&story);
                        let shown = controls_on(&story);
                        story.remove();
                        leptos::mount::mount_to_body(move || view! { <crate::ui::page::App url=url.clone()/> });
                        if let Some(body) = document().body() {
                            restore_details(&body, &open_parts);
                            // A view the reader reached before the app was live (postbuild/first-paint.js).
                            replay(&story, &shown, &body);
                        }
                    });
                };
                if at_once { go_live() } else { on_first_interaction(go_live) }
            }
            Some(Embed::Story) => {
                // The story in a frame has no page tools: hidden from the first paint by the
                // stylesheet, gone now.
                for tools in elements(&story, ".story-tools, nav.contents, .offline-note") {
                    tools.remove();
                }
                append_credit(&story, contexts);
                watch_chapters(&url, contexts);
            }
            None => {
                // The page's tools go live one task each; the header's title and standfirst stay as
                // painted (re-painting the largest text of the first screen would make the page
                // look late), and the chapters go live as the reader nears them.
                let url = url.clone();
                in_turn(
                    owner.clone(),
                    std::collections::VecDeque::from([
                        live_part(&story, "header.story-header .switches", contexts, || {
                            view! { <crate::ui::page::HeaderSwitches/> }.into_any()
                        }),
                        live_part(&story, "header.story-header .offline-note", contexts, move || {
                            view! { <crate::ui::page::OfflineNote offline_ready=offline_ready/> }.into_any()
                        }),
                        live_part(&story, "footer.story-footer .story-cite", contexts, || {
                            view! { <crate::ui::page::StoryCite/> }.into_any()
                        }),
                        live_part(&story, "nav.contents", contexts, || view! { <crate::ui::widgets::Contents/> }.into_any()),
                        Box::new(move || watch_chapters(&url, contexts)),
                    ]),
                );
            }
        }
    });
    // The page's reactive root lives as long as the page.
    std::mem::forget(owner);
}

/// The link back to the story under the embedded story.
fn append_credit(story: &Element, contexts: Contexts) {
    let Some(credit) = document().create_element("div").ok().and_then(|c| c.dyn_into::<HtmlElement>().ok()) else { return };
    credit.set_class_name("island");
    if story.append_child(&credit).is_ok() {
        leptos::mount::mount_to(credit, move || {
            contexts.provide();
            view! { <crate::ui::page::Credit/> }
        })
        .forget();
    }
}

/// A step of `in_turn`: the prerendered part at `selector` replaced by its live view.
fn live_part(story: &Element, selector: &'static str, contexts: Contexts, live: impl FnOnce() -> AnyView + 'static) -> Box<dyn FnOnce()> {
    let story = story.clone();
    Box::new(move || replace_with(&story, selector, contexts, live))
}

/// Runs `steps` one task each, so that no start-up task grows long: the browser can paint and
/// answer the reader between them.
fn in_turn(owner: Owner, mut steps: std::collections::VecDeque<Box<dyn FnOnce()>>) {
    let Some(step) = steps.pop_front() else { return };
    set_timeout(
        move || {
            owner.with(step);
            in_turn(owner, steps);
        },
        std::time::Duration::ZERO,
    );
}

/// Each language has its own prerendered page: choosing another language opens it, with the
/// reader's view in the address.
fn follow_lang_choice(state: AppState, page: Lang) {
    Effect::new(move |_| {
        let Some(chosen) = state.lang.get() else { return };
        if chosen == page {
            return;
        }
        let query = state.to_url_state().to_query();
        let location = window().location();
        let hash = location.hash().unwrap_or_default();
        let _ = location.assign(&format!("{}?{query}{hash}", chosen.page_href()));
    });
}

/// Replaces the prerendered element matching `selector` inside `story` with a live view.
fn replace_with(story: &Element, selector: &str, contexts: Contexts, view: impl FnOnce() -> AnyView + 'static) {
    if let Ok(Some(old)) = story.query_selector(selector) {
        mount_in_place_of(&old, contexts, view);
    }
}

/// Mounts `view` where `old` is and removes `old`. The wrapper has no box of its own
/// (`.island { display: contents }`), so the layout is that of the view alone.
fn mount_in_place_of(old: &Element, contexts: Contexts, view: impl FnOnce() -> AnyView + 'static) -> Option<()> {
    let wrapper: HtmlElement = document().create_element("div").ok()?.dyn_into().ok()?;
    wrapper.set_class_name("island");
    old.before_with_node_1(&wrapper).ok()?;
    leptos::mount::mount_to(wrapper, move || {
        contexts.provide();
        view()
    })
    .forget();
    old.remove();
    Some(())
}

/// Brings the page to life: the prerendered story where there is one, the whole app elsewhere.
pub(crate) fn bring_to_life() {
    let document = document();
    let url = UrlState::parse(&window().location().search().unwrap_or_default()).on_chart_page(crate::web::page_chart().as_deref());
    if let Some(root) = document.document_element() {
        let _ = root.class_list().toggle_with_force("embedded", url.embed.is_some());
    }
    let frame_key = match url.embed {
        Some(Embed::Chart(id)) => id.to_string(),
        _ => "story".to_string(),
    };
    crate::web::frame_messages::report_height(frame_key, url.child_id.clone());
    let page_lang = crate::i18n::language_pack::page_lang();
    match document.query_selector("main[data-prerendered]").ok().flatten() {
        Some(story) if crate::i18n::language_pack::is_ready(page_lang) => start(url, story),
        // The page's texts come first: without them the live chapters would speak English.
        Some(story) => leptos::task::spawn_local(async move {
            if crate::i18n::language_pack::load(page_lang).await {
                // A task of its own again: after decoding the pack, starting made one long task.
                set_timeout(move || start(url, story), std::time::Duration::ZERO);
            } else {
                // The prerendered page stays, complete and readable (postbuild/first-paint.js).
                if let Ok(event) = web_sys::Event::new("static-page") {
                    let _ = window().dispatch_event(&event);
                }
            }
        }),
        None => leptos::task::spawn_local(async move {
            crate::i18n::language_pack::load(url.lang.unwrap_or(page_lang)).await;
            crate::web::echarts::load().await;
            let chapter = url.chapter;
            leptos::mount::mount_to_body(move || view! { <crate::ui::page::App url=url.clone()/> });
            if let Some(section) = chapter.and_then(|c| document.get_element_by_id(c)) {
                section.scroll_into_view();
            }
        }),
    }
}
