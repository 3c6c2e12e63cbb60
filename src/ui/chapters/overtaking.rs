//! Chapter 1, "The overtaking": China's vehicle exports against Japan, Germany and South Korea.

use leptos::prelude::*;

use crate::charts::exports_by_month::{self, MonthlyView};
use crate::charts::exports_vs_peers::{self, CHART_ID, COMPARED_YEAR, ChinaCount, PEERS};
use crate::charts::guess_exports::{self, GuessView};
use crate::charts::to_json;
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::state::display::use_display;
use crate::story::format::Direction;
use crate::story::model::Country;
use crate::story::quote;
use crate::ui::chapters::{ChapterHeading, figure, plain_figure};
use crate::ui::widgets::quoted::{Prose, QuotedFigures, text, text_if};
use crate::ui::widgets::{ChartFrame, ChartModule, ChoiceChart, ChoiceGroup, DataTable, SourceList, ToggleButtons};
use crate::web::scroll_watch::{Observer, watch};
use wasm_bindgen::JsCast;

/// The chapter's section id.
const CHAPTER: &str = crate::story::registry::OVERTAKING;

/// The "how we count" note for the view on screen: the count, and the years that are gaps.
fn how_we_count(view: &exports_vs_peers::OvertakingView, lang: Lang) -> String {
    let note = count_note(view.count, lang);
    match exports_vs_peers::gaps(view, lang) {
        Some(gaps) => format!("{note}{}{gaps}", crate::i18n::sentence_gap(lang)),
        None => note,
    }
}

/// What the count on screen counts.
fn count_note(count: ChinaCount, lang: Lang) -> String {
    let gap = crate::i18n::sentence_gap(lang);
    // The chart's own notes name the chart's figures, which its table sources: plain text here.
    let caam = t::overtaking_note_caam(lang);
    let customs = t::overtaking_note_customs(lang, &plain_figure(lang, "china-customs", 2023), &plain_figure(lang, "china-caam", 2023));
    let germany = t::overtaking_note_germany(lang);
    match count {
        ChinaCount::Caam => format!("{caam}{gap}{germany}"),
        ChinaCount::Customs => format!("{customs}{gap}{germany}"),
        ChinaCount::Both => format!("{caam}{gap}{customs}{gap}{germany}"),
    }
}

/// China's counts, in the order of the control.
const COUNTS: [ChinaCount; 3] = [ChinaCount::Caam, ChinaCount::Customs, ChinaCount::Both];

/// The label of a count on the control.
fn count_label(count: ChinaCount, lang: Lang) -> &'static str {
    match count {
        ChinaCount::Caam => t::overtaking_count_caam(lang),
        ChinaCount::Customs => t::overtaking_count_customs(lang),
        ChinaCount::Both => t::overtaking_count_both(lang),
    }
}

/// The chapter's chart with its controls: on its own in `?embed=exports-vs-peers`, and beside the
/// story's steps in the chapter, where `focus` is the year of the step in view.
#[component]
pub fn OvertakingChart(#[prop(optional, into)] focus: Option<Signal<Option<u16>>>) -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().overtaking;
    let focus = focus.unwrap_or_else(|| Signal::stored(None));
    let option = Memo::new(move |_| to_json(&exports_vs_peers::chart(&state.get(), focus.get(), display.get())));
    let description = Memo::new(move |_| exports_vs_peers::description(&state.get(), lang));
    let table = Memo::new(move |_| exports_vs_peers::table(&state.get(), lang));
    let count = Signal::derive(move || state.get().count);

    view! {
        <ChartFrame
            id=CHART_ID
            title=t::overtaking_title(lang)
            subtitle=t::overtaking_subtitle(lang)
            option=option
            description=description
            table=table
            unit=Signal::stored(exports_vs_peers::UNIT)
        >
            <ChoiceGroup
                label=t::overtaking_count_question(lang)
                name="overtaking-count"
                options=COUNTS.iter().map(|c| count_label(*c, lang)).collect()
                selected=Signal::derive(move || COUNTS.iter().position(|c| *c == count.get()).unwrap_or(0))
                on_select=Callback::new(move |i: usize| {
                    if let Some(c) = COUNTS.get(i) {
                        state.update(|s| s.count = *c);
                    }
                })
            />
            <ToggleButtons
                label=t::overtaking_compare_with(lang)
                items=PEERS.iter().map(|p| (*p, p.name(lang).to_string())).collect()
                is_on=Callback::new(move |p: Country| state.get().shows(p))
                on_toggle=Callback::new(move |p: Country| state.update(|s| *s = s.with_peer(p, !s.shows(p))))
                item_class=Callback::new(|p: Country| format!("country-{}", format!("{p:?}").to_ascii_lowercase()))
            />
            <p class="how-we-count">
                <strong>{t::ui_how_we_count(lang)}{crate::i18n::sentence_gap(lang)}</strong>
                {move || how_we_count(&state.get(), lang)}
            </p>
        </ChartFrame>
    }
}

/// How many times a series' figure of `from` its figure of `to` is, to one decimal ("5.9"),
/// quoted with its arithmetic.
fn multiple(lang: Lang, series_id: &str, from: u16, to: u16) -> String {
    match (quote::lookup(series_id, from, ""), quote::lookup(series_id, to, "")) {
        (Some(a), Some(b)) => quote::ratio(lang, a, b),
        _ => t::common_no_figure(lang).to_string(),
    }
}

/// One year's guess as a native slider, for the keyboard and screen readers: 0 to 10 million in
/// steps of 0.1 million; "not set" until the reader moves it or draws on the chart.
#[component]
fn GuessSlider(year: u16, state: RwSignal<GuessView>) -> impl IntoView {
    let lang = use_lang();
    let id = format!("guess-{year}");
    let tenths = move || state.with(|s| s.guess(year)).map_or(10, |v| (v / guess_exports::STEP).round() as u8).to_string();
    let readable =
        move || state.with(|s| s.guess(year)).map_or_else(|| t::guess_not_set(lang).to_string(), |v| crate::story::format::count(lang, v));
    view! {
        <div class="slider">
            <label for=id.clone()>{year}</label>
            <input
                id=id.clone()
                type="range"
                min="0"
                max=guess_exports::MAX_TENTHS
                step="1"
                // The attribute for the prerendered page, the property once live.
                value=tenths()
                prop:value=tenths
                on:input=move |ev| {
                    if let Ok(tenths) = event_target_value(&ev).parse::<u8>() {
                        state.update(|s| *s = s.with_guess(year, tenths));
                    }
                }
            />
            <output for=id>{readable}</output>
        </div>
    }
}

/// The year and guess under the pointer on the guess chart's drawing area, if the chart is live.
fn guess_at(ev: &web_sys::PointerEvent) -> Option<(u16, u8)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let canvas = target.closest(".chart-canvas").ok()??;
    let rect = canvas.get_bounding_client_rect();
    let (index, value) =
        crate::web::echarts::data_at(&canvas, f64::from(ev.client_x()) - rect.left(), f64::from(ev.client_y()) - rect.top())?;
    let year = *guess_exports::YEARS.get(index.round().max(0.0) as usize)?;
    let tenths = (value / guess_exports::STEP).round().clamp(0.0, f64::from(guess_exports::MAX_TENTHS)) as u8;
    Some((year, tenths))
}

/// Chapter 1's first chart, before the story: the reader guesses first. On its own in
/// `?embed=guess-exports`.
#[component]
pub fn GuessChart() -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().guess;
    let option = Memo::new(move |_| to_json(&guess_exports::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| guess_exports::table(&state.get(), lang));
    let description = Memo::new(move |_| guess_exports::description(&state.get(), lang));
    let revealed = move || state.with(|s| s.revealed);
    // Drawing: a press, then a drag, sets each year the pointer passes over.
    let draw = move |ev: web_sys::PointerEvent, pressed: bool| {
        if state.get_untracked().revealed || !pressed {
            return;
        }
        if let Some((year, tenths)) = guess_at(&ev) {
            state.update(|s| *s = s.with_guess(year, tenths));
        }
    };
    view! {
        <div
            class="guess"
            class:guessing=move || !revealed()
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                if let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    && target.closest(".chart-canvas").ok().flatten().is_some() {
                        let _ = target.set_pointer_capture(ev.pointer_id());
                        draw(ev, true);
                    }
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                let pressed = ev.buttons() & 1 == 1;
                draw(ev, pressed)
            }
        >
            <ChartFrame
                id=guess_exports::CHART_ID
                title=t::guess_title(lang)
                subtitle=t::guess_subtitle(lang)
                option=option
                description=description
                table=table
                unit=Signal::stored(guess_exports::UNIT)
            >
                <p class="guess-question">{t::guess_question(lang)}</p>
                <fieldset class="guess-sliders" prop:disabled=revealed>
                    <legend>{t::guess_sliders(lang)}</legend>
                    {guess_exports::GUESSED.iter().map(|&year| view! { <GuessSlider year=year state=state/> }).collect_view()}
                </fieldset>
                <div class="guess-actions">
                    <button type="button" class="action primary" hidden=revealed on:click=move |_| state.update(|s| s.revealed = true)>
                        {t::guess_reveal(lang)}
                    </button>
                    <button type="button" class="action" hidden=revealed on:click=move |_| state.set(GuessView { revealed: true, ..GuessView::default() })>
                        {t::guess_skip(lang)}
                    </button>
                    <button type="button" class="action" hidden=move || !revealed() on:click=move |_| state.set(GuessView::default())>
                        {t::guess_again(lang)}
                    </button>
                </div>
                <p class="guess-verdict" role="status" aria-live="polite">{move || guess_exports::verdict(&state.get(), lang).unwrap_or_default()}</p>
                <p class="how-we-count">{t::guess_how(lang, &crate::story::format::count(lang, guess_exports::STEP))}</p>
            </ChartFrame>
        </div>
    }
}

/// Chapter 1's second chart: exports month by month, on its own in `?embed=exports-by-month`.
#[component]
pub fn MonthlyChart() -> impl IntoView {
    let module = ChartModule {
        id: exports_by_month::CHART_ID,
        title: t::monthly_title,
        subtitle: t::monthly_subtitle,
        question: t::monthly_question,
        chart: exports_by_month::chart,
        table: exports_by_month::table,
        description: exports_by_month::description,
        unit: exports_by_month::unit,
        note: |view, lang| match view {
            MonthlyView::Vehicles => t::monthly_note(lang).to_string(),
            MonthlyView::Change => t::monthly_note_change(lang, t::monthly_note(lang)),
        },
    };
    view! { <ChoiceChart module=module state=use_app_state().monthly/> }
}

/// Where the newest year stands: CAAM's published totals for its months so far against the same
/// months a year earlier.
pub fn so_far(lang: Lang) -> Option<String> {
    exports_by_month::so_far().map(|f| so_far_text(lang, &f))
}

/// The paragraph for a year so far: a rise, a fall or no change, said in words, not by a sign.
fn so_far_text(lang: Lang, f: &exports_by_month::SoFar) -> String {
    let months = crate::story::format::months_opening(lang, f.year, f.months);
    let (direction, change) = quote::change(lang, f.all_before, f.all);
    let (ytd, before) = (quote::figure_of(lang, f.all), quote::figure_of(lang, f.all_before));
    let lead = match direction {
        Direction::Up => t::monthly_so_far_up(lang, &months, &ytd, &change, &before),
        Direction::Down => t::monthly_so_far_down(lang, &months, &ytd, &change, &before),
        Direction::Level => t::monthly_so_far_level(lang, &months, &ytd, &before),
    };
    let share = t::monthly_so_far_share(lang, &quote::share(lang, f.nev, f.all), &quote::share(lang, f.nev_before, f.all_before));
    format!("{lead}{}{share}", crate::i18n::sentence_gap(lang))
}

/// Which release the newest month comes from, and when it was published.
fn latest_release(lang: Lang) -> Option<String> {
    let (year, month) = exports_by_month::latest_month();
    let point = crate::story::model::series_or_panic(exports_by_month::ALL_ID).point_for_month(year, month)?;
    let source = crate::story::model::source(point.source)?;
    Some(t::monthly_latest_release(
        lang,
        &crate::story::format::month_in_prose(lang, year, month),
        source.publisher,
        &source.date_or_undated(lang),
    ))
}

/// The paragraph under the steps: who counts matters.
fn who_counts(lang: Lang) -> String {
    t::overtaking_who_counts(
        lang,
        &figure(lang, "china-caam", COMPARED_YEAR),
        &figure(lang, "china-customs", COMPARED_YEAR),
        &figure(lang, "china-cpca", COMPARED_YEAR),
        &figure(lang, "japan-customs", COMPARED_YEAR),
        &figure(lang, "japan-jama", COMPARED_YEAR),
    )
}

/// The years the story's steps are about, in order.
const STEP_YEARS: [u16; 5] = [2015, 2020, 2023, 2024, 2025];

/// A step's paragraph's key within the chapter.
fn step_key(year: u16) -> &'static str {
    match year {
        2015 => "step-2015",
        2020 => "step-2020",
        2023 => "step-2023",
        2024 => "step-2024",
        _ => "step-2025",
    }
}

/// The text of the story's step about `year`.
fn step(lang: Lang, year: u16) -> String {
    match year {
        2015 => t::overtaking_step_2015(lang, &figure(lang, "china-caam", 2015), &figure(lang, "japan-jama", 2015)),
        2020 => t::overtaking_step_2020(lang, &figure(lang, "china-caam", 2020)),
        2023 => t::overtaking_step_2023(
            lang,
            &figure(lang, "china-caam", 2022),
            &figure(lang, "china-caam", 2023),
            &figure(lang, "japan-jama", 2023),
        ),
        2024 => t::overtaking_step_2024(
            lang,
            &figure(lang, "china-caam", 2024),
            &multiple(lang, "china-caam", 2020, 2024),
            &figure(lang, "china-customs", 2024),
            &figure(lang, "china-customs", 2020),
        ),
        _ => t::overtaking_step_2025(lang, &figure(lang, "china-caam", 2025), &figure(lang, "japan-jama", 2025)),
    }
}

/// The story's steps: the year each is about, and its text.
#[cfg(test)]
fn steps(lang: Lang) -> Vec<(u16, String)> {
    STEP_YEARS.iter().map(|&year| (year, step(lang, year))).collect()
}

#[component]
pub fn OvertakingChapter() -> impl IntoView {
    let lang = use_lang();
    let steps: Vec<(u16, String)> = STEP_YEARS.iter().map(|&year| (year, text(|| step(lang, year)))).collect();
    let who_counts = text(|| who_counts(lang));
    let so_far = text_if(|| so_far(lang));
    let latest = text_if(|| latest_release(lang));
    // Every paragraph of the chapter, for its list of quoted figures.
    let texts: Vec<String> = steps.iter().map(|(_, text)| text.clone()).chain([who_counts.clone()]).chain(so_far.clone()).collect();
    let counts = Signal::stored(exports_vs_peers::counts_compared(lang));
    let focus = RwSignal::new(None::<u16>);
    let years: Vec<u16> = steps.iter().map(|(y, _)| *y).collect();
    let steps_ref = NodeRef::<leptos::html::Div>::new();
    // Each step that crosses the middle of the screen sets the year the chart marks.
    let observer = StoredValue::new_local(None::<Observer>);
    Effect::new(move |_| {
        let Some(container) = steps_ref.get() else { return };
        let Ok(list) = container.query_selector_all(".step") else { return };
        let elements: Vec<web_sys::Element> = (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect();
        let years = years.clone();
        let watcher = watch(&elements, "-45% 0px -45% 0px", move |i| focus.set(years.get(i).copied()));
        observer.set_value(watcher);
    });
    on_cleanup(move || observer.update_value(|o| drop(o.take())));

    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <GuessChart/>
            <div class="scrolly">
                <div class="scrolly-steps" node_ref=steps_ref>
                    {steps
                        .into_iter()
                        .map(|(year, text)| {
                            view! {
                                <div class="step" data-step=year class:active=move || focus.get() == Some(year)>
                                    <Prose chapter=CHAPTER key=step_key(year) text=text/>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="scrolly-graphic">
                    <OvertakingChart focus=focus/>
                </div>
            </div>
            <Prose chapter=CHAPTER key="who-counts" text=who_counts/>
            <figure class="counts-compared">
                <DataTable table=counts caption=t::overtaking_counts_caption(lang) id="counts-2023"/>
                <SourceList table=counts/>
            </figure>
            <h3 class="chapter-subheading" id="by-month">
                {t::monthly_heading(lang, &{
                    let (year, month) = exports_by_month::latest_month();
                    crate::story::format::month_in_prose(lang, year, month)
                })}
            </h3>
            {so_far.map(|text| view! { <Prose chapter=CHAPTER key="so-far" text=text/> })}
            {latest.map(|text| view! { <Prose chapter=CHAPTER key="latest-release" text=text/> })}
            <MonthlyChart/>
            <QuotedFigures chapter=CHAPTER texts=texts/>
        </section>
    }
}

#[cfg(test)]
mod tests;
