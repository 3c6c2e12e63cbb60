//! Each chapter goes live on its own: when one of its charts nears the viewport, at the reader's
//! first interaction while it is on screen, or when a control in it was used; the live chapter
//! takes the prerendered one's place, keeps its pictures on top until its charts have drawn, and
//! replays the controls used meanwhile.

use super::*;

/// Sets up when each chapter goes live.
pub(super) fn watch_chapters(url: &UrlState, contexts: Contexts) {
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
    for kind in crate::web::QUEUED_CONTROL_EVENTS {
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
    use crate::story::registry::*;
    let mut changed = Vec::new();
    let mut check = |differs: bool, id: &'static str| {
        if differs {
            changed.push(id);
        }
    };
    check(url.overtaking != defaults.overtaking, EXPORTS_VS_PEERS);
    check(url.choices.monthly != defaults.choices.monthly, EXPORTS_BY_MONTH);
    check(url.choices.nev != defaults.choices.nev, NEV_SHARE);
    check(url.choices.markets != defaults.choices.markets, EXPORT_DESTINATIONS);
    check(url.choices.makers != defaults.choices.makers, EXPORTS_BY_MAKER);
    check(url.choices.capacity != defaults.choices.capacity, CAPACITY_VS_OUTPUT);
    check(url.choices.prices != defaults.choices.prices, PRICE_WAR);
    check(url.choices.investment != defaults.choices.investment, INVESTMENT_ABROAD);
    check(url.choices.germany != defaults.choices.germany, GERMANY_IN_CHINA);
    check(url.policy != defaults.policy, POLICY_TIMELINE);
    check(url.outlook != defaults.outlook, OUTLOOK_EXPLORER);
    check(url.guess != defaults.guess, GUESS_EXPORTS);
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
pub(super) fn on_first_interaction(then: impl FnOnce() + 'static) {
    if document().document_element().is_some_and(|root| root.has_attribute("data-interacted")) {
        then();
        return;
    }
    let then = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(then) as Box<dyn FnOnce()>)));
    let handler = Closure::<dyn Fn()>::new(move || {
        if let Some(then) = then.take() {
            then();
        }
    });
    for kind in crate::web::FIRST_INTERACTION_EVENTS {
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
        let focus = Focus::of(&old);
        let shown = controls_on(&old);
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
        focus.restore(&live);
        replay(&old, &shown, &live);
        announce_live(&live);
        contexts.live.0.update(|n| *n += 1);
    });
}

/// Where the reader's focus was in a prerendered chapter: moving a node out of the page (the
/// prose moves over as it is) or replacing it (a control) takes the focus away, so a keyboard
/// reader would find it back at the top of the page after the chapter went live.
struct Focus {
    element: Option<Element>,
    /// Its place among the chapter's controls, when it is one.
    control: Option<usize>,
}

impl Focus {
    fn of(section: &Element) -> Self {
        let element = document().active_element().filter(|e| section.contains(Some(e)));
        let control = element.as_ref().and_then(|e| elements(section, CONTROLS).iter().position(|c| c == e));
        Self { element, control }
    }

    fn restore(self, live: &Element) {
        let Some(element) = self.element else { return };
        let target =
            if element.is_connected() { Some(element) } else { self.control.and_then(|i| elements(live, CONTROLS).get(i).cloned()) };
        if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            let _ = target.focus();
        }
    }
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

pub(super) fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// Which of a chapter's (or an embedded chart's) folding parts (tables, sources) the reader
/// opened, by position.
pub(super) fn open_details(section: &Element) -> Vec<usize> {
    elements(section, "details").iter().enumerate().filter(|(_, d)| d.has_attribute("open")).map(|(i, _)| i).collect()
}

pub(super) fn restore_details(section: &Element, open: &[usize]) {
    for (i, details) in elements(section, "details").iter().enumerate() {
        if open.contains(&i) {
            let _ = details.set_attribute("open", "");
        }
    }
}

/// Whether a control is on: a radio checked, a toggle pressed.
fn is_on(control: &Element) -> bool {
    match control.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => input.checked(),
        None => control.get_attribute("aria-pressed").as_deref() == Some("true"),
    }
}

/// Which of the controls of `root` are on, read before the live part comes in: its radios, of
/// the same names, would take the prerendered ones' checks away.
pub(super) fn controls_on(root: &Element) -> Vec<bool> {
    elements(root, CONTROLS).iter().map(is_on).collect()
}

/// Replays on the live chapter what the reader did to the prerendered one's controls: the same
/// control, by position, is clicked or given the same value. In a chart whose view the first
/// paint already showed (`data-view-shown`, postbuild/first-paint.js), the live controls take
/// the state the reader saw (`shown`, from `controls_on`) instead, however many taps led there.
pub(super) fn replay(old: &Element, shown: &[bool], live: &Element) {
    let before = elements(old, CONTROLS);
    for (i, control) in before.iter().enumerate() {
        // Looked up for each control: a click may render the chart's controls anew.
        let Some(target) = elements(live, CONTROLS).get(i).cloned() else { continue };
        let target = &target;
        if control.closest("[data-view-shown]").ok().flatten().is_some() {
            // A radio is set by a click on it, a toggle flipped by one.
            let radio = control.dyn_ref::<web_sys::HtmlInputElement>().is_some();
            let reader = shown.get(i).copied().unwrap_or_default();
            if reader != is_on(target)
                && (reader || !radio)
                && let Some(target) = target.dyn_ref::<HtmlElement>()
            {
                target.click();
            }
            continue;
        }
        let Some(kind) = control.get_attribute("data-queued") else { continue };
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
