//! The page shell: the story's header and switches, the page as the URL asks for it (the story,
//! the story without chrome, or one chart), and the address bar kept in step with the reader.

use leptos::prelude::*;

use crate::story::{citation, format};
use crate::ui::{chapters, failure, widgets};
use crate::web::offline;

use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::AppState;
use crate::state::display::provide_display;
use crate::state::url_state::{Embed, ThemeChoice, UrlState};
use crate::ui::chapters::Chapters;

/// The whole page, as the URL asks for it: the story, the story without chrome, or one chart.
/// A change of language renders the page anew, so every component reads the language once.
#[component]
pub fn App(url: UrlState) -> impl IntoView {
    let state = AppState::new(&url);
    provide_context(state);
    mirror_in_url(state);
    apply_theme_choice(state.theme);
    // The page's own language: postbuild/first-paint.js has already opened the page the address
    // or the browser's languages ask for.
    let page_lang = crate::i18n::language_pack::page_lang();
    // A language whose pack has not come yet keeps the page in the language it shows until it
    // has (`language_pack`); `packs_in` ticks when one arrives.
    let packs_in = RwSignal::new(0u32);
    let lang = Memo::new(move |shown: Option<&Lang>| {
        packs_in.track();
        let chosen = state.lang.get().unwrap_or(page_lang);
        if crate::i18n::language_pack::is_ready(chosen) {
            return chosen;
        }
        leptos::task::spawn_local(async move {
            if crate::i18n::language_pack::load(chosen).await {
                packs_in.update(|n| *n += 1);
            }
        });
        shown.copied().unwrap_or(Lang::En)
    });
    apply_lang(lang);
    // Once for the page's life: it listens to the system's colour scheme and motion settings.
    provide_display(state.theme.into(), lang.into());
    let offline_ready = RwSignal::new(false);
    offline::register(offline_ready);
    move || {
        let lang = lang.get();
        // Only the language renders the page anew: whatever the components read while they are
        // built must not subscribe this closure (a toggle would rebuild the whole page).
        untrack(|| {
            provide_context(lang);
            page(state.embed, lang, offline_ready)
        })
    }
}

/// "Cite this story", at the story's foot (live from the start: `live::start`).
#[component]
pub fn StoryCite() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="story-cite">
            <widgets::Cite chart=None url=Callback::new(move |_| widgets::chart_actions::story_address(lang))/>
        </div>
    }
}

/// The links to the whole data set, in the prerendered page only: the footer is never rendered
/// again once the page is live (`live::start` keeps it), so the app does not carry it.
fn data_links(lang: Lang) -> AnyView {
    #[cfg(not(target_arch = "wasm32"))]
    return view! { <DataLinks lang=lang/> }.into_any();
    #[cfg(target_arch = "wasm32")]
    {
        let _ = lang;
        ().into_any()
    }
}

/// The whole data set (`dataset::package`, written into `data/` by the build), in English: the
/// files' fields and texts are the data files' own.
#[cfg(not(target_arch = "wasm32"))]
#[component]
fn DataLinks(lang: Lang) -> impl IntoView {
    let csv = |file: &'static str, text: &'static str| view! { <a href=format!("data/{file}") hreflang="en" download>{text}</a> };
    let (list, clause) = (t::common_list_separator(lang), t::common_clause_separator(lang));
    view! {
        <p class="story-data">
            <strong>{t::ui_data_heading(lang)}</strong>
            {csv("figures.csv", t::ui_data_figures(lang))}{list}
            {csv("events.csv", t::ui_data_events(lang))}{list}
            {csv("series.csv", t::ui_data_series(lang))}{list}
            {csv("sources.csv", t::ui_data_sources(lang))}{t::ui_data_as_csv(lang)}{clause}
            <a href="data/all.json" hreflang="en">{t::ui_data_json(lang)}</a>{clause}
            <a href="data/datapackage.json" hreflang="en">{t::ui_data_package(lang)}</a>{crate::i18n::sentence_gap(lang)}
            {t::ui_data_licence(lang)}
        </p>
    }
}

pub(crate) fn page(embed: Option<Embed>, lang: Lang, offline_ready: RwSignal<bool>) -> AnyView {
    match embed {
        None => view! {
            <main id="story" class="story">
                <StoryHeader offline_ready=offline_ready/>
                <widgets::Contents/>
                <Chapters/>
                <footer class="story-footer">
                    <p>
                        <a href=format!("text-{}.html", lang.short_code()) hreflang=lang.code()>{t::ui_text_version_link(lang)}</a>
                    </p>
                    {data_links(lang)}
                    <StoryCite/>
                </footer>
            </main>
        }
        .into_any(),
        Some(Embed::Story) => view! {
            <main id="story" class="story embedded">
                <header class="story-header">
                    <h1>{t::ui_title(lang)}</h1>
                    <p class="standfirst">{t::ui_standfirst(lang)}</p>
                    <AsOf/>
                </header>
                <Chapters/>
                <Credit/>
            </main>
        }
        .into_any(),
        Some(Embed::Chart(id)) => view! {
            <main class="embed-chart">
                {chapters::chart_view(id)}
                <Credit/>
            </main>
        }
        .into_any(),
        Some(Embed::Unknown) => view! {
            <main class="embed-chart">
                <p class="embed-missing" role="alert">{t::ui_embed_missing(lang)}</p>
                <Credit/>
            </main>
        }
        .into_any(),
    }
}

/// The story's header: title, standfirst, the language and theme switches, the offline note.
#[component]
pub fn StoryHeader(offline_ready: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="story-header">
            <div class="story-tools">
                <p class="kicker">{t::ui_kicker(lang)}</p>
                <HeaderSwitches/>
            </div>
            <h1>{t::ui_title(lang)}</h1>
            <p class="standfirst">{t::ui_standfirst(lang)}</p>
            <AsOf/>
            <OfflineNote offline_ready=offline_ready/>
        </header>
    }
}

/// "Figures up to Feb 2026": the month the newest figure in the data runs to, never written by hand.
#[component]
pub fn AsOf() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="as-of">{t::ui_figures_up_to(lang, &format::date(lang, &citation::figures_up_to()))}</p> }
}

/// The header's language and theme switches.
#[component]
pub fn HeaderSwitches() -> impl IntoView {
    view! {
        <div class="switches">
            <LangSwitch/>
            <ThemeSwitch/>
        </div>
    }
}

/// Says so once the service worker has cached the whole build.
#[component]
pub fn OfflineNote(offline_ready: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="offline-note" role="status">
            <Show when=move || offline_ready.get()>{t::ui_offline_ready(lang)}</Show>
        </p>
    }
}

/// Keeps `<html lang>` and the document title in the reader's language.
fn apply_lang(lang: Memo<Lang>) {
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(t::ui_title(lang));
        failure::set_lang(lang);
    });
}

#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let chosen = use_context::<AppState>().map(|s| s.lang).unwrap_or_else(|| RwSignal::new(None));
    view! {
        <label class="switch">
            <span>{t::ui_language(lang)}</span>
            <select on:change=move |ev| chosen.set(Lang::from_tag(&event_target_value(&ev)))>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=l == lang>
                                {l.name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The link back to the full story under an embedded chart.
#[component]
pub(crate) fn Credit() -> impl IntoView {
    let lang = use_lang();
    // Relative, so it is the same in the prerendered page and works under any path.
    view! {
        <p class="credit">
            <a href=lang.page_href() target="_blank" rel="noopener">
                {t::ui_credit(lang)}
            </a>
        </p>
    }
}

#[component]
fn ThemeSwitch() -> impl IntoView {
    let theme = use_context::<AppState>().map(|s| s.theme).unwrap_or_else(|| RwSignal::new(ThemeChoice::Auto));
    let lang = use_lang();
    let choices = [
        (ThemeChoice::Auto, t::ui_theme_auto(lang)),
        (ThemeChoice::Light, t::ui_theme_light(lang)),
        (ThemeChoice::Dark, t::ui_theme_dark(lang)),
    ];
    view! {
        <label class="switch">
            <span>{t::ui_theme(lang)}</span>
            <select on:change=move |ev| {
                let choice = match event_target_value(&ev).as_str() {
                    "light" => ThemeChoice::Light,
                    "dark" => ThemeChoice::Dark,
                    _ => ThemeChoice::Auto,
                };
                theme.set(choice);
            }>
                {choices
                    .into_iter()
                    .map(|(choice, text)| {
                        view! { <option value=choice.id() selected=move || theme.get() == choice>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Keeps the address bar in step with the reader's choices, without adding history entries.
pub(crate) fn mirror_in_url(state: AppState) {
    // Written a moment after the last change, and only when it differs: a burst of toggles (or a
    // fast scroll through the chapters) makes one history update, not one per step. Browsers
    // throttle frequent updates and re-request the page icon on each.
    let pending = StoredValue::new_local(None::<leptos::prelude::TimeoutHandle>);
    let page_chart = crate::web::page_chart();
    Effect::new(move |_| {
        let query = state.to_url_state().query_on_page(page_chart.as_deref());
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let write = move || {
            let location = window().location();
            let current = location.search().unwrap_or_default();
            if current.strip_prefix('?').unwrap_or(&current) == query {
                return;
            }
            let path = location.pathname().unwrap_or_default();
            let hash = location.hash().unwrap_or_default();
            let url = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        };
        pending.set_value(set_timeout_with_handle(write, std::time::Duration::from_millis(200)).ok());
    });
}

/// Sets `data-theme` on `<html>` so the stylesheet can override the system colour scheme.
pub(crate) fn apply_theme_choice(theme: RwSignal<ThemeChoice>) {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.get().id());
        }
    });
}
