//! Chapter 8's chart: the policy turn, every measure on one timeline, filterable by who acts and
//! by kind of measure.

use crate::charts::option::Chart;
use charming::component::{Axis, Grid};
use charming::datatype::DataPointItem;
use charming::element::{AxisLabel, AxisType, ItemStyle, LineStyle, SplitLine, Symbol, Tooltip, Trigger};
use charming::series::Scatter;

use crate::charts::display::Display;
use crate::charts::palette::{category_colour, ink};
use crate::i18n::{Lang, data_text, t};
use crate::story::format;
use crate::story::model::{EVENTS, Event};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::POLICY_TIMELINE;

/// A filter button's label in the reader's language.
pub type Label = fn(Lang) -> &'static str;

/// Who acts: (URL id, name in the data, button label).
pub const ACTORS: [(&str, &str, Label); 8] = [
    ("eu", "EU", t::policy_actor_eu),
    ("us", "United States", t::policy_actor_us),
    ("canada", "Canada", t::policy_actor_canada),
    ("turkey", "Turkey", t::policy_actor_turkey),
    ("brazil", "Brazil", t::policy_actor_brazil),
    ("russia", "Russia", t::policy_actor_russia),
    ("mexico", "Mexico", t::policy_actor_mexico),
    ("china", "China", t::policy_actor_china),
];

/// Kinds of measure: (id in the data and the URL, label, marker).
pub const KINDS: [(&str, Label, &str); 5] = [
    ("tariff", t::policy_kind_tariff, "circle"),
    ("licence", t::policy_kind_licence, "rect"),
    ("probe", t::policy_kind_probe, "triangle"),
    ("fee", t::policy_kind_fee, "diamond"),
    ("deal", t::policy_kind_deal, "pin"),
];

/// The label of the actor button at `index` of [`ACTORS`].
pub fn actor_label(index: usize, lang: Lang) -> &'static str {
    ACTORS.get(index).map(|(_, _, label)| label(lang)).unwrap_or_default()
}

/// The label of the kind at `index` of [`KINDS`].
pub fn kind_label(index: usize, lang: Lang) -> &'static str {
    KINDS.get(index).map(|(_, label, _)| label(lang)).unwrap_or_else(|| t::policy_kind_other(lang))
}

/// Which actors and kinds are shown, one bit each in the order of [`ACTORS`] and [`KINDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyView {
    pub actors: u16,
    pub kinds: u16,
}

pub const ALL_ACTORS: u16 = (1 << ACTORS.len()) - 1;
pub const ALL_KINDS: u16 = (1 << KINDS.len()) - 1;

impl Default for PolicyView {
    fn default() -> Self {
        Self { actors: ALL_ACTORS, kinds: ALL_KINDS }
    }
}

impl PolicyView {
    pub fn shows_actor(&self, index: usize) -> bool {
        self.actors & (1 << index) != 0
    }

    pub fn shows_kind(&self, index: usize) -> bool {
        self.kinds & (1 << index) != 0
    }
}

/// The policy events the view lets through, in date order.
pub fn shown_events(view: &PolicyView) -> Vec<&'static Event> {
    EVENTS
        .iter()
        .filter(|e| e.topic == "policy")
        .filter(|e| ACTORS.iter().position(|(_, a, _)| *a == e.actor).is_some_and(|i| view.shows_actor(i)))
        .filter(|e| KINDS.iter().position(|(k, _, _)| *k == e.kind).is_some_and(|i| view.shows_kind(i)))
        .collect()
}

/// The label of a kind as the data names it ("tariff").
fn kind_name(kind: &str, lang: Lang) -> &'static str {
    kind_label(KINDS.iter().position(|(k, _, _)| *k == kind).unwrap_or(KINDS.len()), lang)
}

pub fn chart(view: &PolicyView, display: Display) -> Chart {
    let lang = display.lang;
    let ink = ink(display.theme);
    let events = shown_events(view);
    let actors: Vec<String> = ACTORS
        .iter()
        .map(|(_, a, _)| *a)
        .filter(|a| events.iter().any(|e| e.actor == *a))
        .map(|a| data_text(lang, a).to_string())
        .collect();
    let mut chart = Chart::new()
        .animation(!display.reduced_motion)
        .grid(Grid::new().left(4).right(24).top(if display.narrow { 64 } else { 40 }).bottom(8).contain_label(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(super::legend(display))
        .x_axis(
            Axis::new()
                .type_(AxisType::Time)
                // Months at the finest (a day's tick would repeat its month's name), and fewer
                // ticks on a phone, so no two labels touch.
                .min_interval(28.0 * 86_400_000.0)
                .split_number(if display.narrow { 3 } else { 6 })
                .axis_label(AxisLabel::new().color(ink.muted).formatter(super::option::Formatter::Time.placeholder()))
                .split_line(SplitLine::new().line_style(LineStyle::new().color(ink.grid))),
        )
        .y_axis(Axis::new().type_(AxisType::Category).data(actors).inverse(true).axis_label(AxisLabel::new().color(ink.muted)));
    for (i, (kind, label, marker)) in KINDS.iter().enumerate() {
        let label = label(lang);
        if !view.shows_kind(i) {
            continue;
        }
        let data: Vec<DataPointItem> = events
            .iter()
            .filter(|e| e.kind == *kind)
            .map(|e| {
                DataPointItem::new(vec![e.date, data_text(lang, e.actor)]).name(t::policy_mark(
                    lang,
                    &format::date(lang, e.date),
                    data_text(lang, e.title),
                ))
            })
            .collect();
        if data.is_empty() {
            continue;
        }
        chart = chart.series(
            Scatter::new()
                .id(*kind)
                .name(label)
                .symbol(Symbol::Custom(marker.to_string()))
                .symbol_size(14)
                .item_style(ItemStyle::new().color(category_colour(i, display.theme)))
                .data(data),
        );
    }
    chart
}

pub fn table(view: &PolicyView, lang: Lang) -> Table {
    Table {
        lang,
        row_header: t::policy_column_date(lang),
        columns: vec![
            t::policy_column_who(lang).into(),
            t::policy_column_kind(lang).into(),
            t::policy_column_measure(lang).into(),
            t::policy_column_detail(lang).into(),
        ],
        rows: shown_events(view)
            .into_iter()
            .map(|e| Row {
                label: format::date(lang, e.date),
                cells: vec![
                    Some(Cell::text(data_text(lang, e.actor), e.source, e.confidence)),
                    Some(Cell::text(kind_name(e.kind, lang), e.source, e.confidence)),
                    Some(Cell::text(data_text(lang, e.title), e.source, e.confidence)),
                    Some(Cell::text(data_text(lang, e.detail), e.source, e.confidence)),
                ],
            })
            .collect(),
        series: Vec::new(),
    }
}

pub fn description(view: &PolicyView, lang: Lang) -> String {
    let events = shown_events(view);
    match (events.first(), events.last()) {
        // One measure reads as one, not as "1 trade measures".
        (Some(only), _) if events.len() == 1 => {
            t::policy_description_one(lang, &format::date(lang, only.date), data_text(lang, only.title))
        }
        (Some(first), Some(last)) => t::policy_description(
            lang,
            &events.len().to_string(),
            &format::date(lang, first.date),
            data_text(lang, first.title),
            &format::date(lang, last.date),
            data_text(lang, last.title),
        ),
        _ => t::policy_description_none(lang).to_string(),
    }
}

/// URL form of a filter: the ids switched on, comma-separated.
pub fn filter_param(bits: u16, ids: &[&str]) -> String {
    ids.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, id)| *id).collect::<Vec<_>>().join(",")
}

/// Reads a filter; any unknown id makes it malformed.
pub fn parse_filter(value: &str, ids: &[&str]) -> Option<u16> {
    let mut bits = 0u16;
    for id in value.split(',').filter(|s| !s.is_empty()) {
        bits |= 1 << ids.iter().position(|i| *i == id)?;
    }
    Some(bits)
}

pub fn actor_ids() -> Vec<&'static str> {
    ACTORS.iter().map(|(id, _, _)| *id).collect()
}

pub fn kind_ids() -> Vec<&'static str> {
    KINDS.iter().map(|(id, _, _)| *id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::Lang;

    #[test]
    fn every_policy_event_has_a_known_actor_and_kind() {
        for e in EVENTS.iter().filter(|e| e.topic == "policy") {
            assert!(ACTORS.iter().any(|(_, a, _)| *a == e.actor), "{}", e.actor);
            assert!(KINDS.iter().any(|(k, _, _)| *k == e.kind), "{}", e.kind);
        }
        assert_eq!(shown_events(&PolicyView::default()).len(), EVENTS.iter().filter(|e| e.topic == "policy").count());
    }

    #[test]
    fn filters_remove_events_from_chart_and_table() {
        let eu_only = PolicyView { actors: 1, kinds: ALL_KINDS };
        let events = shown_events(&eu_only);
        assert!(events.iter().all(|e| e.actor == "EU"));
        assert_eq!(table(&eu_only, Lang::En).rows.len(), events.len());
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(&eu_only, Display::default()))).unwrap();
        assert_eq!(o["yAxis"]["data"], serde_json::json!(["EU"]));
        let names: Vec<&str> = o["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Tariff", "Probe"]);

        let licences = PolicyView { actors: ALL_ACTORS, kinds: 1 << 1 };
        assert!(shown_events(&licences).iter().all(|e| e.actor == "China"));
        assert!(description(&PolicyView { actors: 0, kinds: ALL_KINDS }, Lang::En).contains("no measure matches"));
    }

    #[test]
    fn other_languages_label_the_filters_table_and_marks() {
        assert_eq!(actor_label(1, Lang::En), "United States");
        assert_eq!(actor_label(1, Lang::De), "USA");
        assert_eq!(kind_label(3, Lang::En), "Fee or tax");
        assert_eq!(kind_label(0, Lang::Nl), "Invoerheffing");
        assert_eq!(kind_label(KINDS.len(), Lang::Zh), "措施");

        let eu_only = PolicyView { actors: 1, kinds: ALL_KINDS };
        let german = Display { lang: Lang::De, ..Display::default() };
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(&eu_only, german))).unwrap();
        let names: Vec<&str> = o["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Zoll", "Untersuchung"]);

        let de = table(&PolicyView::default(), Lang::De);
        assert_eq!(de.row_header, "Datum");
        assert_eq!(de.columns, ["Wer", "Art", "Maßnahme", "Einzelheiten"]);
        let last = de.rows.last().unwrap();
        assert_eq!(last.label, "16. Jan. 2026");
        assert_eq!(last.cells[1].as_ref().unwrap().text, "Abkommen");
        // The mark's name leads with the same date, so selecting it reads that row.
        let title = data_text(Lang::De, "Canada and China agree an EV quota");
        let readout = de.readout(&t::policy_mark(Lang::De, "16. Jan. 2026", title), "Abkommen").unwrap();
        assert!(readout.starts_with("16. Jan. 2026: "), "{readout}");

        let zh = table(&PolicyView::default(), Lang::Zh);
        let title = data_text(Lang::Zh, "Canada and China agree an EV quota");
        let readout = zh.readout(&t::policy_mark(Lang::Zh, "2026年1月16日", title), "协议").unwrap();
        assert!(readout.starts_with("2026年1月16日："), "{readout}");
        let described = description(&PolicyView::default(), Lang::Zh);
        assert!(described.starts_with("涉及中国汽车的贸易措施时间线，共"), "{described}");
        assert!(described.contains("2026年1月16日（"), "{described}");
        assert_eq!(description(&PolicyView { actors: 0, kinds: ALL_KINDS }, Lang::Nl), t::policy_description_none(Lang::Nl));
        // Brazil's measures only: one, said as one.
        let brazil = ACTORS.iter().position(|(id, _, _)| *id == "brazil").unwrap();
        let one = PolicyView { actors: 1 << brazil, kinds: ALL_KINDS };
        assert_eq!(shown_events(&one).len(), 1);
        let en = description(&one, Lang::En);
        assert!(en.starts_with("Timeline of one trade measure on Chinese cars: "), "{en}");
        assert!(!en.contains("1 trade measures"));
        let many = description(&PolicyView::default(), Lang::En);
        assert!(many.starts_with("Timeline of ") && many.contains(" trade measures on Chinese cars, from "), "{many}");
    }

    #[test]
    fn english_keeps_its_wording_with_dates_written_out() {
        let en = table(&PolicyView::default(), Lang::En);
        assert_eq!(en.row_header, "Date");
        assert_eq!(en.columns, ["Who", "Kind", "Measure", "Detail"]);
        assert_eq!(en.rows.last().unwrap().label, "16 Jan 2026");
        let described = description(&PolicyView::default(), Lang::En);
        assert!(described.starts_with("Timeline of "), "{described}");
        assert!(
            described
                .ends_with("to 16 Jan 2026 (Canada and China agree an EV quota). The table below lists each with its date and detail."),
            "{described}"
        );
    }

    #[test]
    fn filters_round_trip_through_their_url_form() {
        let ids = actor_ids();
        assert_eq!(filter_param(0b101, &ids), "eu,canada");
        assert_eq!(parse_filter("eu,canada", &ids), Some(0b101));
        assert_eq!(parse_filter("", &ids), Some(0));
        assert_eq!(parse_filter("eu,mars", &ids), None);
    }
}
