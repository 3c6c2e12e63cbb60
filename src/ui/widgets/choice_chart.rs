//! A chart whose reader's choice is one of a few views (a year, a measure, a scope): the frame,
//! the choice control and a note, wired to a signal and to the chart module's pure functions.

use crate::charts::option::Chart;
use leptos::prelude::*;

use crate::charts::display::Display;
use crate::charts::{Choice, to_json};
use crate::i18n::{Lang, t, use_lang};
use crate::state::display::use_display;
use crate::story::model::Unit;
use crate::story::table::Table;
use crate::ui::widgets::{ChartFrame, ChoiceGroup};

/// The pure functions of one chart module.
pub struct ChartModule<V: 'static> {
    pub id: &'static str,
    pub title: fn(Lang) -> &'static str,
    pub subtitle: fn(Lang) -> &'static str,
    /// The question the choice answers, e.g. "Year".
    pub question: fn(Lang) -> &'static str,
    pub chart: fn(V, Display) -> Chart,
    pub table: fn(V, Lang) -> Table,
    pub description: fn(V, Lang) -> String,
    pub unit: fn(V) -> Unit,
    /// The "how we count" note for a view; empty for none.
    pub note: fn(V, Lang) -> String,
}

/// Turns a typed choice into the plain signals the (non-generic) frame needs, so the view code is
/// compiled once rather than once per kind of choice.
#[component]
pub fn ChoiceChart<V: Choice>(module: ChartModule<V>, state: RwSignal<V>) -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let ChartModule { id, title, subtitle, question, chart, table, description, unit, note } = module;
    let frame = FrameSignals {
        option: Memo::new(move |_| to_json(&chart(state.get(), display.get()))).into(),
        table: Memo::new(move |_| table(state.get(), lang)).into(),
        description: Memo::new(move |_| description(state.get(), lang)).into(),
        unit: Signal::derive(move || unit(state.get())),
        note: Memo::new(move |_| note(state.get(), lang)).into(),
        selected: Signal::derive(move || V::ALL.iter().position(|(v, _)| *v == state.get()).unwrap_or(0)),
    };
    let on_select = Callback::new(move |i: usize| {
        if let Some((v, _)) = V::ALL.get(i) {
            state.set(*v);
        }
    });
    let options = V::ALL.iter().map(|(v, _)| v.label(lang)).collect();
    view! {
        <ChoiceChartFrame
            id=id
            title=title(lang)
            subtitle=subtitle(lang)
            question=question(lang)
            options=options
            frame=frame
            on_select=on_select
        />
    }
}

/// What the frame of a one-of chart reads.
#[derive(Clone, Copy)]
pub struct FrameSignals {
    pub option: Signal<String>,
    pub table: Signal<Table>,
    pub description: Signal<String>,
    pub unit: Signal<Unit>,
    pub note: Signal<String>,
    pub selected: Signal<usize>,
}

#[component]
fn ChoiceChartFrame(
    id: &'static str,
    title: &'static str,
    subtitle: &'static str,
    question: &'static str,
    options: Vec<&'static str>,
    frame: FrameSignals,
    on_select: Callback<usize>,
) -> impl IntoView {
    let FrameSignals { option, table, description, unit, note, selected } = frame;
    view! {
        <ChartFrame id=id title=title subtitle=subtitle option=option description=description table=table unit=unit>
            <ChoiceGroup label=question name=id options=options selected=selected on_select=on_select/>
            <Show when=move || !note.get().is_empty()>
                <p class="how-we-count">
                    <strong>{t::ui_how_we_count(use_lang())}{crate::i18n::sentence_gap(use_lang())}</strong>
                    {move || note.get()}
                </p>
            </Show>
        </ChartFrame>
    }
}
