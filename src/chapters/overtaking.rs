//! Chapter 1, "The overtaking": China's vehicle exports against Japan, Germany and South Korea.

use leptos::prelude::*;

use crate::app_state::use_app_state;
use crate::charts::overtaking::{self, CHART_ID, ChinaCount, PEERS};
use crate::charts::to_json;
use crate::display::use_display;
use crate::chapters::{ChapterHeading, figure};
use crate::model::Country;
use crate::widgets::{ChartFrame, ChoiceGroup, ToggleButtons};


/// The "how we count" note for the count on screen.
fn how_we_count(count: ChinaCount) -> String {
    let caam = "CAAM, the makers' association, counts new vehicles its members ship abroad, kits for assembly abroad included. It is the count to set beside Japan's JAMA figures: new cars against new cars.";
    let customs = format!(
        "China's customs count every vehicle that crosses the border, chassis and used or ‘zero-mileage’ cars included, so it runs higher: {} in 2023 against CAAM's {}. Customs totals were found for 2020, 2023 and 2024 only; the other years are gaps, not zeros.",
        figure("china-customs", 2023),
        figure("china-caam", 2023)
    );
    match count {
        ChinaCount::Caam => caam.to_string(),
        ChinaCount::Customs => customs,
        ChinaCount::Both => format!("{caam} {customs}"),
    }
}

/// The chapter's chart with its controls: on its own in `?embed=exports-vs-peers`.
#[component]
pub fn OvertakingChart() -> impl IntoView {
    let display = use_display();
    let state = use_app_state().overtaking;
    let option = Memo::new(move |_| to_json(&overtaking::chart(&state.get(), display.get())));
    let description = Memo::new(move |_| overtaking::description(&state.get()));
    let table = Memo::new(move |_| overtaking::table(&state.get()));
    let count = Signal::derive(move || state.get().count);

    view! {
        <ChartFrame
            id=CHART_ID
            title="China overtakes the established exporters"
            subtitle="Vehicles exported per year, 2015–2025"
            option=option
            description=description
            table=table
            unit=Signal::stored(overtaking::UNIT)
        >
            <ChoiceGroup
                label="China's count"
                name="overtaking-count"
                options=vec![
                    (ChinaCount::Caam, "Makers (CAAM)"),
                    (ChinaCount::Customs, "Customs"),
                    (ChinaCount::Both, "Both"),
                ]
                selected=count
                on_select=Callback::new(move |c| state.update(|s| s.count = c))
            />
            <ToggleButtons
                label="Compare with"
                items=PEERS.iter().map(|p| (*p, p.name().to_string())).collect()
                is_on=Callback::new(move |p: Country| state.get().shows(p))
                on_toggle=Callback::new(move |p: Country| state.update(|s| *s = s.with_peer(p, !s.shows(p))))
                item_class=Callback::new(|p: Country| format!("country-{}", format!("{p:?}").to_lowercase()))
            />
            <p class="how-we-count">
                <strong>"How we count. "</strong>
                {move || how_we_count(count.get())}
            </p>
        </ChartFrame>
    }
}

#[component]
pub fn OvertakingChapter() -> impl IntoView {
    view! {
        <section id="overtaking" class="chapter" aria-labelledby="overtaking-heading">
            <ChapterHeading id="overtaking"/>
            <p>
                {format!(
                    "For years China was a minor exporter of cars. In 2015 its makers sent {} vehicles abroad, while Japan shipped {}. Japan, Germany and South Korea had shared the top of the table for decades, and the pandemic year 2020 changed little: China still exported only {}.",
                    figure("china-caam", 2015),
                    figure("japan-jama", 2015),
                    figure("china-caam", 2020),
                )}
            </p>
            <p>
                {format!(
                    "Then the line turns sharply upward. China's exports reached {} in 2022 and {} in 2023, the year it passed Japan ({}) to become the world's largest exporter of vehicles. By 2025 the count stood at {}.",
                    figure("china-caam", 2022),
                    figure("china-caam", 2023),
                    figure("japan-jama", 2023),
                    figure("china-caam", 2025),
                )}
            </p>
            <OvertakingChart/>
            <p>
                "Japan's own customs office recorded more than JAMA in 2023 because it counts used cars too. Comparing China's customs count with JAMA would mix used with new; the makers' counts on both sides avoid that trap."
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_note_quotes_both_counts_from_the_data() {
        let note = how_we_count(ChinaCount::Customs);
        assert!(note.contains("5.22 million in 2023 against CAAM's 4.91 million"), "{note}");
        assert!(how_we_count(ChinaCount::Caam).starts_with("CAAM"));
        assert!(how_we_count(ChinaCount::Both).contains("CAAM") && how_we_count(ChinaCount::Both).contains("customs"));
    }
}
