//! The headline claims of the articles the story grew from, each tied to the figure or event in
//! the data that carries it and checked against the page a reader gets (the prerendered English
//! story). A claim cannot silently drop out: removing its figure, its event or the sentence that
//! states it fails this test.

use std::sync::OnceLock;

use crate::i18n::Lang;
use crate::story::format;
use crate::story::model::{EVENTS, Unit, series_or_panic};

/// What in the data carries a claim.
enum Carrier {
    /// A figure (series, year, period), written on the page as prose writes it ("4.91 million").
    Figure(&'static str, u16, &'static str),
    /// A figure written in full, as a table cell has it ("49,400").
    Cell(&'static str, u16, &'static str),
    /// The ratio of two figures of a series, to one decimal ("5.9").
    Multiple(&'static str, u16, u16),
    /// The change between two figures of a series, in percent to one decimal ("13.7%").
    Change(&'static str, (u16, &'static str), (u16, &'static str)),
    /// A month of a monthly series, in full ("681,000").
    Month(&'static str, u16, u8),
    /// An event, by its date and words of its title; the page shows its title.
    Event(&'static str, &'static str),
}

/// (seed article, the claim in our words, what carries it, words the page must also say).
const CLAIMS: &[(&str, &str, Carrier, &str)] = &[
    ("000", "China passed Japan as the largest vehicle exporter in 2023", Carrier::Figure("china-caam", 2023, ""), "passed Japan"),
    ("000", "Japan's exports in the year China passed it", Carrier::Figure("japan-jama", 2023, ""), "passed Japan"),
    (
        "001",
        "Chinese EV and battery makers invested more abroad than at home in 2024",
        Carrier::Figure("invest-overseas", 2024, ""),
        "more went abroad",
    ),
    ("001", "Investment at home in 2024", Carrier::Figure("invest-domestic", 2024, ""), "at home"),
    ("001", "Batteries take most of the money abroad", Carrier::Figure("battery-share-overseas", 2024, ""), "batteries"),
    ("001", "Batteries take most of the money at home", Carrier::Figure("battery-share-domestic", 2024, ""), "batteries"),
    (
        "001",
        "Only a small share of announced capacity lies outside China",
        Carrier::Figure("capacity-abroad-share", 2024, ""),
        "outside China",
    ),
    ("002", "China and Germany agreed an electric-vehicle partnership in 2011", Carrier::Event("2011", "Joint statement"), "2011"),
    ("002", "The first Sino-German NEV forum, 2020", Carrier::Event("2020", "First Sino-German NEV forum"), ""),
    ("002", "The second forum, in Haikou, 2021", Carrier::Event("2021", "Haikou"), ""),
    ("002", "The third forum, in Beijing, 2022", Carrier::Event("2022", "Beijing"), ""),
    ("002", "The congress at IAA Munich, 2023", Carrier::Event("2023", "IAA"), ""),
    ("003", "Volkswagen and CATL sign a battery memorandum", Carrier::Event("2025-02", "CATL and Volkswagen"), ""),
    (
        "003",
        "Volkswagen's battery-electric deliveries worldwide fell in 2024",
        Carrier::Figure("vw-bev-world", 2024, ""),
        "fewer than a year earlier",
    ),
    ("003", "Volkswagen's battery-electric deliveries in the US, 2024", Carrier::Cell("vw-bev-us", 2024, ""), ""),
    ("003", "Volkswagen's battery-electric deliveries in China, 2024", Carrier::Cell("vw-bev-china", 2024, ""), ""),
    ("003", "Most German firms in China plan to stay", Carrier::Figure("survey-stay", 2024, ""), "stay"),
    ("003", "About half plan to invest more", Carrier::Figure("survey-invest-more", 2024, ""), ""),
    (
        "004",
        "Export licences for pure electric cars from 1 January 2026",
        Carrier::Event("2025-09-26", "export licences"),
        "1 January 2026",
    ),
    ("004", "About a million vehicles exported in 2020 (customs)", Carrier::Figure("china-customs", 2020, ""), "customs"),
    ("004", "995,000 by the makers' count in 2020", Carrier::Figure("china-caam", 2020, ""), ""),
    ("004", "6.4 million exported in 2024 (customs)", Carrier::Figure("china-customs", 2024, ""), "customs"),
    ("004", "5.86 million by the makers' count in 2024", Carrier::Figure("china-caam", 2024, ""), "makers' count"),
    ("004", "Exports grew about sixfold from 2020 to 2024", Carrier::Multiple("china-caam", 2020, 2024), "times its 2020 figure"),
    // The seed gave nearly 4.3 million, up 13.7%; CAAM's own release gives 4.292 million, up 12.7%.
    ("004", "About 4.3 million in January-August 2025", Carrier::Figure("china-caam", 2025, "jan-aug"), "first eight months"),
    ("004", "Up on a year earlier", Carrier::Change("china-caam", (2024, "jan-aug"), (2025, "jan-aug")), "more than a year earlier"),
    // The seed's 7 million forecast is on no stored page; CAAM forecast more than 6.8 million.
    ("004", "A record year expected for 2025", Carrier::Figure("china-forecast", 2025, ""), "expected more than"),
    (
        "004",
        "New-energy exports of about 1.5 million in January-August 2025",
        Carrier::Figure("china-nev", 2025, "jan-aug"),
        "first eight months",
    ),
    ("004", "Zero-mileage used cars shipped abroad", Carrier::Figure("used-car-exports", 2024, ""), "zero-mileage"),
    ("issue", "January 2026: 681,000 vehicles exported", Carrier::Month("china-caam-monthly", 2026, 1), ""),
    ("issue", "February 2026: 672,000 vehicles exported", Carrier::Month("china-caam-monthly", 2026, 2), ""),
    ("issue", "CAAM forecasts 7.4 million for 2026", Carrier::Figure("china-forecast", 2026, ""), "forecast"),
];

/// The English story as a reader gets it before any script runs, rendered once and read
/// as its words read: without tags, since a quoted figure is a link inside its sentence.
fn page() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| {
        let html = crate::ui::static_page::story(Lang::En).0.replace("&#x27;", "'").replace("&amp;", "&");
        let mut text = String::with_capacity(html.len());
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    })
}

/// The words the page must contain for a claim's carrier, or a message why the data lacks it.
fn expected(carrier: &Carrier) -> Result<String, String> {
    let point = |id: &str, year: u16, period: &str| {
        let series = series_or_panic(id);
        series.point_in(year, period).map(|p| (series.unit, p.value)).ok_or(format!("{id} has no figure for {year} {period}"))
    };
    match *carrier {
        Carrier::Figure(id, year, period) => point(id, year, period).map(|(unit, v)| format::readable(Lang::En, unit, v)),
        Carrier::Cell(id, year, period) => point(id, year, period).map(|(unit, v)| format::full(Lang::En, unit, v)),
        Carrier::Multiple(id, from, to) => {
            let (_, a) = point(id, from, "")?;
            let (_, b) = point(id, to, "")?;
            Ok(format!("{} times", format::decimal(Lang::En, b / a, 1)))
        }
        Carrier::Change(id, from, to) => {
            let (_, a) = point(id, from.0, from.1)?;
            let (_, b) = point(id, to.0, to.1)?;
            Ok(format::fraction(Lang::En, b / a - 1.0))
        }
        Carrier::Month(id, year, month) => series_or_panic(id)
            .point_for_month(year, month)
            .map(|p| format::full(Lang::En, Unit::Vehicles, p.value))
            .ok_or(format!("{id} has no figure for {year}-{month:02}")),
        Carrier::Event(date, words) => EVENTS
            .iter()
            .find(|e| e.date.starts_with(date) && e.title.contains(words))
            .map(|e| e.title.to_string())
            .ok_or(format!("no event of {date} titled with '{words}'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_headline_claim_of_the_seeds_is_in_the_data_and_on_the_page() {
        let page = page();
        let mut missing = Vec::new();
        for (seed, claim, carrier, words) in CLAIMS {
            match expected(carrier) {
                Err(why) => missing.push(format!("{seed}: {claim}: {why}")),
                Ok(text) => {
                    for needle in [text.as_str(), words] {
                        if !page.contains(needle) {
                            missing.push(format!("{seed}: {claim}: the page does not say '{needle}'"));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn a_claim_whose_figure_is_gone_is_reported() {
        assert!(expected(&Carrier::Figure("china-caam", 1999, "")).is_err());
        assert!(expected(&Carrier::Event("1999", "nothing")).is_err());
        assert!(!page().contains("a sentence no chapter says"));
    }
}
