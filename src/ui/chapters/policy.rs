//! Chapter 8, "Growing pains and the policy turn": zero-mileage used cars, export licences and
//! the tariffs abroad.

use leptos::prelude::*;

use crate::charts::exports_by_month::SoFar;
use crate::charts::policy_timeline::{self, ACTORS, CHART_ID, KINDS};
use crate::charts::to_json;
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::state::display::use_display;
use crate::story::format::Direction;
use crate::story::model::Unit;
use crate::story::quote;
use crate::ui::chapters::{ChapterHeading, figure};
use crate::ui::widgets::quoted::{Prose, QuotedFigures, text, text_if};
use crate::ui::widgets::{ChartFrame, ToggleButtons};

const CHAPTER: &str = crate::story::registry::POLICY;

#[component]
pub fn PolicyChart() -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().policy;
    let option = Memo::new(move |_| to_json(&policy_timeline::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| policy_timeline::table(&state.get(), lang));
    let description = Memo::new(move |_| policy_timeline::description(&state.get(), lang));
    view! {
        <ChartFrame
            id=CHART_ID
            title=t::policy_title(lang)
            subtitle=t::policy_subtitle(lang)
            option=option
            description=description
            table=table
            unit=Signal::stored(Unit::Percent)
        >
            <ToggleButtons
                label=t::policy_who_acts(lang)
                items=(0..ACTORS.len()).map(|i| (i, policy_timeline::actor_label(i, lang).to_string())).collect()
                is_on=Callback::new(move |i: usize| state.get().shows_actor(i))
                on_toggle=Callback::new(move |i: usize| state.update(|s| s.actors ^= 1 << i))
                item_class=Callback::new(|_| "plain".to_string())
            />
            <ToggleButtons
                label=t::policy_kind_of_measure(lang)
                items=(0..KINDS.len()).map(|i| (i, policy_timeline::kind_label(i, lang).to_string())).collect()
                is_on=Callback::new(move |i: usize| state.get().shows_kind(i))
                on_toggle=Callback::new(move |i: usize| state.update(|s| s.kinds ^= 1 << i))
                item_class=Callback::new(|i: usize| format!("kind-{}", KINDS[i].0))
            />
            <p class="how-we-count">
                <strong>{t::ui_how_we_count(lang)}{crate::i18n::sentence_gap(lang)}</strong>
                {t::policy_how_we_count(lang)}
            </p>
        </ChartFrame>
    }
}

/// What the export licences have and have not done so far, from CAAM's totals for the months
/// since they took effect.
pub fn licences_so_far(lang: Lang) -> Option<String> {
    crate::charts::exports_by_month::so_far().map(|f| licences_text(lang, &f))
}

/// The paragraph for a year so far: each change said as a rise, a fall or no change.
fn licences_text(lang: Lang, f: &SoFar) -> String {
    let months = crate::story::format::months_opening(lang, f.year, f.months);
    let (all_direction, all_change) = quote::change(lang, f.all_before, f.all);
    let (nev_direction, nev_change) = quote::change(lang, f.nev_before, f.nev);
    let nev_ytd = quote::figure_of(lang, f.nev);
    let lead = match all_direction {
        Direction::Up => t::policy_licences_lead_up(lang),
        Direction::Down => t::policy_licences_lead_down(lang),
        Direction::Level => t::policy_licences_lead_level(lang),
    };
    let nev = match nev_direction {
        Direction::Up => t::policy_licences_nev_up(lang, &months, &nev_ytd, &nev_change),
        Direction::Down => t::policy_licences_nev_down(lang, &months, &nev_ytd, &nev_change),
        Direction::Level => t::policy_licences_nev_level(lang, &months, &nev_ytd),
    };
    let all = match all_direction {
        Direction::Up => t::policy_licences_all_up(lang, &all_change),
        Direction::Down => t::policy_licences_all_down(lang, &all_change),
        Direction::Level => t::policy_licences_all_level(lang).to_string(),
    };
    [lead.to_string(), nev, all, t::policy_licences_who(lang).to_string(), too_soon(lang, f.months)].join(crate::i18n::sentence_gap(lang))
}

/// Why the figures cannot judge the licences yet: there are only `months` of them (one, in the
/// January after an editor adds a new year's first month).
fn too_soon(lang: Lang, months: u8) -> String {
    if months == 1 { t::policy_licences_too_soon_one(lang).to_string() } else { t::policy_licences_too_soon(lang, &months.to_string()) }
}

#[component]
pub fn PolicyChapter() -> impl IntoView {
    let lang = use_lang();
    let used_cars = text(|| t::policy_used_cars(lang, &figure(lang, "used-car-exports", 2020), &figure(lang, "used-car-exports", 2024)));
    let so_far = text_if(|| licences_so_far(lang));
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <Prose chapter=CHAPTER key="used-cars" text=used_cars.clone()/>
            <p>
                {t::policy_licences(lang)}
            </p>
            {so_far.clone().map(|text| view! { <Prose chapter=CHAPTER key="licences-so-far" text=text/> })}
            <p>
                {t::policy_abroad(lang)}
            </p>
            <PolicyChart/>
            <QuotedFigures chapter=CHAPTER texts=[Some(used_cars), so_far].into_iter().flatten().collect()/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{licences_so_far, licences_text, too_soon};
    use crate::charts::exports_by_month::{self, SoFar};
    use crate::i18n::Lang;
    use crate::story::quote::plain;

    #[test]
    fn one_month_of_figures_is_said_in_the_singular() {
        assert_eq!(too_soon(Lang::En, 1), "Whether they slow exports later cannot be read from one month of figures.");
        assert!(too_soon(Lang::En, 2).ends_with("from 2 months of figures."));
        assert!(too_soon(Lang::De, 1).contains("eines einzigen Monats"));
        assert!(too_soon(Lang::Zh, 1).contains("一个月"));
    }

    #[test]
    fn the_paragraph_ends_with_how_few_months_there_are() {
        let text = plain(&licences_so_far(Lang::En).expect("the data has months since the licences"));
        assert!(text.contains("more than a year earlier") && text.ends_with("months of figures."), "{text}");
        let zh = licences_so_far(Lang::Zh).expect("the data has months since the licences");
        assert!(!zh.contains("。 "), "no space between Chinese sentences: {zh}");
    }

    #[test]
    fn falls_and_no_change_read_as_such_in_every_language() {
        let f = exports_by_month::so_far().expect("the data has the year so far");
        let fall = SoFar { all: f.all_before, all_before: f.all, nev: f.nev_before, nev_before: f.nev, ..f };
        let level = SoFar { all_before: f.all, nev_before: f.nev, ..f };
        for (lang, fell, fell_nev, same, same_nev) in [
            (Lang::En, "fell by 32.6%", "51.6% fewer than", "held level", "as many as a year earlier"),
            (Lang::De, "gingen um 32,6 % zurück", "51,6 % weniger als", "blieben auf dem Vorjahresniveau", "genauso viele wie"),
            (Lang::Nl, "daalde met 32,6%", "51,6% minder dan", "bleef gelijk", "evenveel als"),
            (Lang::Zh, "下降32.6%", "同比下降51.6%", "与上年持平", "与上年同期持平"),
        ] {
            let text = plain(&licences_text(lang, &fall));
            assert!(text.contains(fell) && text.contains(fell_nev) && !text.contains("-3") && !text.contains("-5"), "{text}");
            let text = plain(&licences_text(lang, &level));
            assert!(text.contains(same) && text.contains(same_nev), "{text}");
        }
    }
}
