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
use crate::state::app_state::AppState;
use crate::state::display::provide_display;
use crate::state::url_state::{Embed, UrlState};
use crate::story::registry::{CHAPTERS, Chapter};
use crate::ui::chapters::chapter_view;

/// The controls of a chapter that a reader can use before it is live, in document order.
const CONTROLS: &str = "button, input, select";

/// Incremented each time a chapter goes live: whatever watches chapter elements (the contents)
/// looks them up again, since the live section replaces the prerendered one.
#[derive(Clone, Copy)]
pub struct LiveChapters(pub RwSignal<u32>);

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
                        story.remove();
                        leptos::mount::mount_to_body(move || view! { <crate::ui::page::App url=url.clone()/> });
                        if let Some(body) = document().body() {
                            restore_details(&body, &open_parts);
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

/// Sets up when each chapter goes live.
fn watch_chapters(url: &UrlState, contexts: Contexts) {
    let defaults = UrlState::default();
    let changed = changed_charts(url, &defaults);
    let activate = move |chapter: &'static str| go_live(chapter, contexts);

    // Chapters that the address asks for, or whose chart the address changes, go live at once:
    // their picture shows the default view, not the reader's.
    for Chapter { id: chapter, charts, .. } in CHAPTERS {
        if url.chapter == Some(*chapter) || charts.iter().any(|c| changed.contains(c)) {
            activate(chapter);
        }
    }

    // Controls used before their chapter is live: marked by the boot script, or from now on here.
    for chapter in queued_chapters() {
        activate(chapter);
    }
    let on_use = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(control) = target.closest(CONTROLS).ok().flatten() else { return };
        let Some(section) = control.closest("section.chapter[data-prerendered]").ok().flatten() else { return };
        let kind = if event.type_() == "click" { "click" } else { "input" };
        let _ = control.set_attribute("data-queued", kind);
        let _ = control.set_attribute("aria-busy", "true");
        if let Some(chapter) = CHAPTERS.iter().map(|c| c.id).find(|c| *c == section.id()) {
            activate(chapter);
        }
    });
    for kind in ["click", "input", "change"] {
        let _ = document().add_event_listener_with_callback_and_bool(kind, on_use.as_ref().unchecked_ref(), true);
    }
    on_use.forget();

    // Charts nearing the viewport; those on screen from the start wait for a first interaction.
    let waiting = StoredValue::new_local(Vec::<&'static str>::new());
    let interacted = StoredValue::new_local(false);
    let reported = StoredValue::new_local(Vec::<Element>::new());
    let on_approach = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            let target = entry.target();
            let first = reported.with_value(|seen| !seen.contains(&target));
            if first {
                reported.update_value(|seen| seen.push(target.clone()));
            }
            if !entry.is_intersecting() {
                continue;
            }
            let Some(chapter) = chapter_of_element(&target) else { continue };
            if first && entry.intersection_ratio() > 0.0 && !interacted.get_value() {
                waiting.update_value(|w| w.push(chapter));
            } else {
                activate(chapter);
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin("300px 0px 300px 0px");
    if let Ok(observer) = IntersectionObserver::new_with_options(on_approach.as_ref().unchecked_ref(), &options)
        && let Ok(frames) = document().query_selector_all("section.chapter[data-prerendered] .chart-frame")
    {
        for i in 0..frames.length() {
            if let Some(frame) = frames.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                observer.observe(&frame);
            }
        }
    }
    on_approach.forget();
    on_first_interaction(move || {
        interacted.set_value(true);
        for chapter in waiting.get_value() {
            activate(chapter);
        }
        waiting.set_value(Vec::new());
    });
}

/// The charts whose view in the address differs from the default view.
fn changed_charts(url: &UrlState, defaults: &UrlState) -> Vec<&'static str> {
    use crate::charts::*;
    let mut changed = Vec::new();
    let mut check = |differs: bool, id: &'static str| {
        if differs {
            changed.push(id);
        }
    };
    check(url.overtaking != defaults.overtaking, overtaking::CHART_ID);
    check(url.choices.monthly != defaults.choices.monthly, monthly::CHART_ID);
    check(url.choices.nev != defaults.choices.nev, nev::CHART_ID);
    check(url.choices.markets != defaults.choices.markets, destinations::CHART_ID);
    check(url.choices.makers != defaults.choices.makers, makers::CHART_ID);
    check(url.choices.capacity != defaults.choices.capacity, capacity::CHART_ID);
    check(url.choices.prices != defaults.choices.prices, price_war::CHART_ID);
    check(url.choices.investment != defaults.choices.investment, investment::CHART_ID);
    check(url.choices.germany != defaults.choices.germany, volkswagen::CHART_ID);
    check(url.policy != defaults.policy, policy::CHART_ID);
    check(url.outlook != defaults.outlook, outlook::CHART_ID);
    check(url.guess != defaults.guess, guess::CHART_ID);
    changed
}

/// The chapters with a control that a reader used before the app was live.
fn queued_chapters() -> Vec<&'static str> {
    CHAPTERS
        .iter()
        .map(|c| c.id)
        .filter(|c| document().query_selector(&format!("section#{c}[data-prerendered] [data-queued]")).ok().flatten().is_some())
        .collect()
}

/// The chapter a prerendered element belongs to.
fn chapter_of_element(element: &Element) -> Option<&'static str> {
    let section = element.closest("section.chapter").ok().flatten()?;
    CHAPTERS.iter().map(|c| c.id).find(|c| *c == section.id())
}

/// Runs `then` once, at the reader's first pointer, touch, key, wheel or scroll; at once when the
/// boot script saw one before the app started.
fn on_first_interaction(then: impl FnOnce() + 'static) {
    if document().document_element().is_some_and(|root| root.has_attribute("data-interacted")) {
        then();
        return;
    }
    let then = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(then) as Box<dyn FnOnce()>)));
    let kinds = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin"];
    let handler = Closure::<dyn Fn()>::new(move || {
        if let Some(then) = then.take() {
            then();
        }
    });
    for kind in kinds {
        let _ = window().add_event_listener_with_callback_and_bool(kind, handler.as_ref().unchecked_ref(), true);
    }
    // Stays registered (it does nothing after the first call); it is a few bytes for the page's life.
    handler.forget();
}

/// Brings one chapter to life: loads the chart library if needed, mounts the live chapter in
/// place of the prerendered one, keeps the pictures on top until the live charts have drawn,
/// and replays the controls the reader used meanwhile.
fn go_live(chapter: &'static str, contexts: Contexts) {
    let Some(old) = document().get_element_by_id(chapter) else { return };
    if !old.has_attribute("data-prerendered") || old.has_attribute("data-going-live") {
        return;
    }
    let _ = old.set_attribute("data-going-live", "");
    leptos::task::spawn_local(async move {
        crate::web::echarts::load().await;
        let pictures = take_pictures(&old);
        // The chapter's prose and the list of its quoted figures move over as they are
        // (`widgets::quoted`): they never change, and the wasm does not carry them.
        let quoted = old.query_selector("details.quoted-figures").ok().flatten();
        if let Some(list) = &quoted {
            list.remove();
        }
        let prose = elements(&old, &format!("p.{}[data-prose]", crate::ui::widgets::quoted::PROSE));
        let open_tables = open_details(&old);
        if mount_in_place_of(&old, contexts, move || chapter_view(chapter).unwrap_or_else(|| ().into_any())).is_none() {
            return;
        }
        let Some(live) = document().get_element_by_id(chapter) else { return };
        for (chart, nodes) in pictures {
            if let Ok(Some(canvas)) = live.query_selector(&format!("[data-chart=\"{chart}\"] .chart-canvas")) {
                for node in nodes {
                    let _ = canvas.append_child(&node);
                }
            }
        }
        restore_details(&live, &open_tables);
        if let (Some(list), Ok(Some(slot))) = (quoted, live.query_selector(&format!(".{}", crate::ui::widgets::quoted::SLOT))) {
            let _ = slot.replace_with_with_node_1(&list);
        }
        for paragraph in prose {
            let key = paragraph.get_attribute("data-prose").unwrap_or_default();
            let selector = format!("p.{}[data-prose=\"{key}\"]", crate::ui::widgets::quoted::PROSE);
            if let Ok(Some(slot)) = live.query_selector(&selector) {
                let _ = slot.replace_with_with_node_1(&paragraph);
            }
        }
        replay(&old, &live);
        announce_live(&live);
        contexts.live.0.update(|n| *n += 1);
    });
}

/// Tells the page's scripts that a chapter's live section has replaced its prerendered one (a
/// figure's open popover moves to the live figure, postbuild/first-paint.js).
fn announce_live(section: &Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict("chapter-live", &init) {
        let _ = section.dispatch_event(&event);
    }
}

/// Each chart's pictures, taken out of the prerendered chapter.
fn take_pictures(section: &Element) -> Vec<(String, Vec<Element>)> {
    let mut out = Vec::new();
    let Ok(frames) = section.query_selector_all("[data-chart]") else { return out };
    for i in 0..frames.length() {
        let Some(frame) = frames.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let chart = frame.get_attribute("data-chart").unwrap_or_default();
        let nodes = elements(&frame, ".static-picture");
        for node in &nodes {
            node.remove();
        }
        out.push((chart, nodes));
    }
    out
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// Which of a chapter's (or an embedded chart's) folding parts (tables, sources) the reader
/// opened, by position.
fn open_details(section: &Element) -> Vec<usize> {
    elements(section, "details").iter().enumerate().filter(|(_, d)| d.has_attribute("open")).map(|(i, _)| i).collect()
}

fn restore_details(section: &Element, open: &[usize]) {
    for (i, details) in elements(section, "details").iter().enumerate() {
        if open.contains(&i) {
            let _ = details.set_attribute("open", "");
        }
    }
}

/// Replays on the live chapter what the reader did to the prerendered one's controls: the same
/// control, by position, is clicked or given the same value.
fn replay(old: &Element, live: &Element) {
    let before = elements(old, CONTROLS);
    let after = elements(live, CONTROLS);
    for (i, control) in before.iter().enumerate() {
        let Some(kind) = control.get_attribute("data-queued") else { continue };
        let Some(target) = after.get(i) else { continue };
        if kind == "click" {
            if let Some(target) = target.dyn_ref::<HtmlElement>() {
                target.click();
            }
        } else {
            let value = control.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value());
            if let (Some(value), Some(input)) = (value, target.dyn_ref::<web_sys::HtmlInputElement>()) {
                input.set_value(&value);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                }) {
                    let _ = input.dispatch_event(&event);
                }
            }
        }
    }
}

/// Brings the page to life: the prerendered story where there is one, the whole app elsewhere.
pub(crate) fn bring_to_life() {
    let url = UrlState::parse(&window().location().search().unwrap_or_default());
    let document = document();
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
