//! The corrections of a chart's figures, under its table: what changed, when, from what to what
//! and why (`data/revisions.csv`), with the feed a newsroom can follow (`revisions.xml`).

use leptos::prelude::*;

use crate::i18n::{Lang, data_text, t, use_lang};
use crate::story::format;
use crate::story::model::{REVISIONS, Revision, period_name, series};
use crate::story::table::Table;

/// The corrections of the figures in `table`: of a figure it shows, or of one dropped from a
/// series it shows.
pub fn revisions_of(table: &Table) -> Vec<&'static Revision> {
    let shown: Vec<_> = table.rows.iter().flat_map(|r| r.cells.iter().flatten()).filter_map(|c| c.figure).collect();
    REVISIONS
        .iter()
        .filter(|r| shown.iter().any(|(s, p)| r.is_of(s.id, p)) || (r.new_value.is_none() && table.series.iter().any(|s| s.id == r.series)))
        .collect()
}

/// "China (CAAM), January–August 2025": the figure a correction is of.
pub fn what(r: &Revision, lang: Lang) -> String {
    let name = series(r.series).map(|s| s.name(lang)).unwrap_or_else(|| r.series.to_string());
    let when = if r.month > 0 {
        format::month_in_prose(lang, r.year, r.month)
    } else if r.period.is_empty() {
        format::date(lang, &r.year.to_string())
    } else {
        t::common_part_year(lang, period_name(lang, r.period), &r.year.to_string())
    };
    t::ui_revised_what(lang, &name, &when)
}

/// One correction as a sentence: "Revised 2 Dec 2026: China (CAAM), 2020, from 100,000 to 77,500."
pub fn sentence(r: &Revision, lang: Lang) -> String {
    let unit = series(r.series).map(|s| s.unit).unwrap_or(crate::story::model::Unit::Vehicles);
    let (date, what, old) = (format::date(lang, r.date), what(r, lang), format::full(lang, unit, r.old_value));
    let reason = data_text(lang, r.reason);
    match r.new_value {
        Some(new) => t::ui_revised(lang, &date, &what, &old, &format::full(lang, unit, new), reason),
        None => t::ui_revised_dropped(lang, &date, &what, &old, reason),
    }
}

/// The corrections under a chart's table, if it has any.
#[component]
pub fn Revisions(#[prop(into)] table: Signal<Table>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let list = table.with(revisions_of);
        (!list.is_empty()).then(|| {
            view! {
                <div class="revisions">
                    <ul>{list.into_iter().map(|r| view! { <li>{sentence(r, lang)}</li> }).collect_view()}</ul>
                    <a class="revisions-feed" href="revisions.xml" type="application/atom+xml">{t::ui_revisions_feed(lang)}</a>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::nev_share::{NevView, table};

    #[test]
    fn a_chart_with_a_revised_figure_says_so_in_every_language() {
        let list = revisions_of(&table(NevView::Vehicles, Lang::En));
        let nev_2020 = list.iter().find(|r| r.series == "china-nev" && r.year == 2020).expect("the 2020 correction");
        assert_eq!(
            sentence(nev_2020, Lang::En),
            "Revised 2 Dec 2026: New-energy vehicles (CAAM), 2020, from 100,000 to 77,500. 2021's 310,000 was a threefold increase on 2020, that is four times 2020, not three times."
        );
        assert!(sentence(nev_2020, Lang::De).starts_with("Korrigiert am 2. Dez. 2026: "), "{}", sentence(nev_2020, Lang::De));
        assert!(sentence(nev_2020, Lang::Zh).contains("由100,000改为77,500"), "{}", sentence(nev_2020, Lang::Zh));
    }

    fn dropped_mexico() -> &'static Revision {
        REVISIONS.iter().find(|r| r.series == "dest-mexico").expect("the Mexico correction")
    }

    #[test]
    fn a_dropped_figure_is_named_under_the_chart_of_its_series() {
        let t = crate::charts::export_destinations::table(crate::charts::export_destinations::MarketsView::default(), Lang::En);
        let dropped: Vec<String> = revisions_of(&t).into_iter().filter(|r| r.new_value.is_none()).map(|r| sentence(r, Lang::En)).collect();
        assert!(dropped.iter().any(|s| s.contains("Mexico (customs), January–October 2023 (330,000) was removed")), "{dropped:?}");
        assert!(sentence(dropped_mexico(), Lang::Zh).contains("墨西哥（海关）2023年1–10月"), "{}", sentence(dropped_mexico(), Lang::Zh));
        let untouched = crate::charts::price_war::table(Default::default(), Lang::En);
        assert!(revisions_of(&untouched).is_empty());
    }
}
