//! A chart whose reader's choice is one of a few views (a year, a measure, a scope): the frame,
//! the choice control and a note, wired to a signal and to the chart module's pure functions.

use charming::Chart;
use leptos::prelude::*;

use crate::charts::{Choice, to_json};
use crate::display::{Display, use_display};
use crate::model::Unit;
use crate::table::Table;
use crate::widgets::{ChartFrame, ChoiceGroup};

/// The pure functions of one chart module.
pub struct ChartModule<V: 'static> {
    pub id: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    /// The question the choice answers, e.g. "Year".
    pub question: &'static str,
    pub chart: fn(V, Display) -> Chart,
    pub table: fn(V) -> Table,
    pub description: fn(V) -> String,
    pub unit: fn(V) -> Unit,
    /// The "how we count" note for a view; empty for none.
    pub note: fn(V) -> String,
}

#[component]
pub fn ChoiceChart<V: Choice>(module: ChartModule<V>, state: RwSignal<V>) -> impl IntoView {
    let display = use_display();
    let ChartModule { id, title, subtitle, question, chart, table, description, unit, note } = module;
    let option = Memo::new(move |_| to_json(&chart(state.get(), display.get())));
    let table = Memo::new(move |_| table(state.get()));
    let description = Memo::new(move |_| description(state.get()));
    let unit = Signal::derive(move || unit(state.get()));
    let note = Memo::new(move |_| note(state.get()));
    view! {
        <ChartFrame id=id title=title subtitle=subtitle option=option description=description table=table unit=unit>
            <ChoiceGroup
                label=question
                name=id
                options=V::ALL.iter().map(|(v, _, label)| (*v, *label)).collect()
                selected=state.into()
                on_select=Callback::new(move |v| state.set(v))
            />
            <Show when=move || !note.get().is_empty()>
                <p class="how-we-count">
                    <strong>"How we count. "</strong>
                    {move || note.get()}
                </p>
            </Show>
        </ChartFrame>
    }
}
