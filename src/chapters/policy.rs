//! Chapter 8, "Growing pains and the policy turn": zero-mileage used cars, export licences and
//! the tariffs abroad.

use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure};
use crate::charts::policy::{self, ACTORS, CHART_ID, KINDS};
use crate::charts::to_json;
use crate::display::use_display;
use crate::model::Unit;
use crate::widgets::{ChartFrame, ToggleButtons};

#[component]
pub fn PolicyChart() -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().policy;
    let option = Memo::new(move |_| to_json(&policy::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| policy::table(&state.get(), lang));
    let description = Memo::new(move |_| policy::description(&state.get(), lang));
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
                items=(0..ACTORS.len()).map(|i| (i, policy::actor_label(i, lang).to_string())).collect()
                is_on=Callback::new(move |i: usize| state.get().shows_actor(i))
                on_toggle=Callback::new(move |i: usize| state.update(|s| s.actors ^= 1 << i))
                item_class=Callback::new(|_| "plain".to_string())
            />
            <ToggleButtons
                label=t::policy_kind_of_measure(lang)
                items=(0..KINDS.len()).map(|i| (i, policy::kind_label(i, lang).to_string())).collect()
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

/// What the export licences have and have not done so far, from the monthly figures since they
/// took effect.
pub fn licences_so_far(lang: Lang) -> Option<String> {
    use crate::format::{count, fraction};
    let f = crate::charts::monthly::so_far(lang)?;
    let so_far = t::policy_licences_so_far(
        lang,
        &f.span,
        &count(lang, f.nev),
        &fraction(lang, f.nev / f.nev_before - 1.0),
        &fraction(lang, f.all / f.all_before - 1.0),
    );
    Some(format!("{so_far}{}{}", crate::i18n::sentence_gap(lang), too_soon(lang, f.months)))
}

/// Why the figures cannot judge the licences yet: there are only `months` of them (one, in the
/// January after an editor adds a new year's first month).
fn too_soon(lang: Lang, months: u8) -> String {
    if months == 1 { t::policy_licences_too_soon_one(lang).to_string() } else { t::policy_licences_too_soon(lang, &months.to_string()) }
}

#[component]
pub fn PolicyChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="policy" class="chapter" aria-labelledby="policy-heading">
            <ChapterHeading id="policy"/>
            <p>
                {t::policy_used_cars(
                    lang,
                    &figure(lang, "used-car-exports", 2020),
                    &figure(lang, "used-car-exports", 2024),
                )}
            </p>
            <p>
                {t::policy_licences(lang)}
            </p>
            {licences_so_far(lang).map(|text| view! { <p>{text}</p> })}
            <p>
                {t::policy_abroad(lang)}
            </p>
            <PolicyChart/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{licences_so_far, too_soon};
    use crate::i18n::Lang;

    #[test]
    fn one_month_of_figures_is_said_in_the_singular() {
        assert_eq!(too_soon(Lang::En, 1), "Whether they slow exports later cannot be read from one month of figures.");
        assert!(too_soon(Lang::En, 2).ends_with("from 2 months of figures."));
        assert!(too_soon(Lang::De, 1).contains("eines einzigen Monats"));
        assert!(too_soon(Lang::Zh, 1).contains("一个月"));
    }

    #[test]
    fn the_paragraph_ends_with_how_few_months_there_are() {
        let text = licences_so_far(Lang::En).expect("the data has months since the licences");
        assert!(text.contains("more than a year earlier") && text.ends_with("months of figures."), "{text}");
        let zh = licences_so_far(Lang::Zh).expect("the data has months since the licences");
        assert!(!zh.contains("。 "), "no space between Chinese sentences: {zh}");
    }
}
