//! Chapter 8's chart: the policy turn, every measure on one timeline, filterable by who acts and
//! by kind of measure.

use charming::Chart;
use charming::component::{Axis, Grid};
use charming::datatype::DataPointItem;
use charming::element::{AxisLabel, AxisType, ItemStyle, LineStyle, SplitLine, Symbol, Tooltip, Trigger};
use charming::series::Scatter;

use crate::i18n::Lang;
use crate::display::Display;
use crate::model::{EVENTS, Event};
use crate::palette::{category_colour, ink};
use crate::table::{Cell, Row, Table};

pub const CHART_ID: &str = "policy-timeline";

/// Who acts: (URL id, name in the data).
pub const ACTORS: [(&str, &str); 8] = [
    ("eu", "EU"),
    ("us", "United States"),
    ("canada", "Canada"),
    ("turkey", "Turkey"),
    ("brazil", "Brazil"),
    ("russia", "Russia"),
    ("mexico", "Mexico"),
    ("china", "China"),
];

/// Kinds of measure: (id in the data and the URL, label, marker).
pub const KINDS: [(&str, &str, &str); 5] = [
    ("tariff", "Tariff", "circle"),
    ("licence", "Licence", "rect"),
    ("probe", "Probe", "triangle"),
    ("fee", "Fee or tax", "diamond"),
    ("deal", "Deal", "pin"),
];

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
        .filter(|e| ACTORS.iter().position(|(_, a)| *a == e.actor).is_some_and(|i| view.shows_actor(i)))
        .filter(|e| KINDS.iter().position(|(k, _, _)| *k == e.kind).is_some_and(|i| view.shows_kind(i)))
        .collect()
}

fn kind_label(kind: &str) -> &'static str {
    KINDS.iter().find(|(k, _, _)| *k == kind).map(|(_, l, _)| *l).unwrap_or("Measure")
}

pub fn chart(view: &PolicyView, display: Display) -> Chart {
    let lang = display.lang;
    let ink = ink(display.theme);
    let events = shown_events(view);
    let actors: Vec<String> =
        ACTORS.iter().map(|(_, a)| *a).filter(|a| events.iter().any(|e| e.actor == *a)).map(str::to_string).collect();
    let mut chart = Chart::new()
        .animation(!display.reduced_motion)
        .grid(Grid::new().left(4).right(24).top(if display.narrow { 64 } else { 40 }).bottom(8).contain_label(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .legend(super::legend(display))
        .x_axis(
            Axis::new()
                .type_(AxisType::Time)
                .axis_label(AxisLabel::new().color(ink.muted))
                .split_line(SplitLine::new().line_style(LineStyle::new().color(ink.grid))),
        )
        .y_axis(Axis::new().type_(AxisType::Category).data(actors).inverse(true).axis_label(AxisLabel::new().color(ink.muted)));
    for (i, (kind, label, marker)) in KINDS.iter().enumerate() {
        if !view.shows_kind(i) {
            continue;
        }
        let data: Vec<DataPointItem> = events
            .iter()
            .filter(|e| e.kind == *kind)
            .map(|e| DataPointItem::new(vec![e.date, e.actor]).name(format!("{}: {}", e.date, e.title)))
            .collect();
        if data.is_empty() {
            continue;
        }
        chart = chart.series(
            Scatter::new()
                .id(*kind)
                .name(*label)
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
        row_header: "Date",
        columns: vec!["Who".into(), "Kind".into(), "Measure".into(), "Detail".into()],
        rows: shown_events(view)
            .into_iter()
            .map(|e| Row {
                label: e.date.to_string(),
                cells: vec![
                    Some(Cell::text(e.actor, e.source, e.confidence)),
                    Some(Cell::text(kind_label(e.kind), e.source, e.confidence)),
                    Some(Cell::text(e.title, e.source, e.confidence)),
                    Some(Cell::text(e.detail, e.source, e.confidence)),
                ],
            })
            .collect(),
        series: Vec::new(),
    }
}

pub fn description(view: &PolicyView, lang: Lang) -> String {
    let events = shown_events(view);
    match (events.first(), events.last()) {
        (Some(first), Some(last)) => format!(
            "Timeline of {} trade measures on Chinese cars, from {} ({}) to {} ({}). The table below lists each with its date and detail.",
            events.len(),
            first.date,
            first.title,
            last.date,
            last.title
        ),
        _ => "Timeline of trade measures: no measure matches the filters chosen.".to_string(),
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
    ACTORS.iter().map(|(id, _)| *id).collect()
}

pub fn kind_ids() -> Vec<&'static str> {
    KINDS.iter().map(|(id, _, _)| *id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Lang;
    use crate::charts::to_json;

    #[test]
    fn every_policy_event_has_a_known_actor_and_kind() {
        for e in EVENTS.iter().filter(|e| e.topic == "policy") {
            assert!(ACTORS.iter().any(|(_, a)| *a == e.actor), "{}", e.actor);
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
    fn filters_round_trip_through_their_url_form() {
        let ids = actor_ids();
        assert_eq!(filter_param(0b101, &ids), "eu,canada");
        assert_eq!(parse_filter("eu,canada", &ids), Some(0b101));
        assert_eq!(parse_filter("", &ids), Some(0));
        assert_eq!(parse_filter("eu,mars", &ids), None);
    }
}
