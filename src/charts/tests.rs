use serde_json::Value;

use super::*;
use crate::charts::display::Display;

fn option(chart: Chart) -> Value {
    serde_json::from_str(&to_json(&chart)).unwrap()
}

#[test]
fn long_names_wrap_at_spaces_and_a_part_year_note_gets_its_own_line() {
    assert_eq!(wrap_label("United Kingdom (January–September)", 16), "United Kingdom\n(January–September)");
    assert_eq!(wrap_label("Outbound investment of Chinese carmakers", 16), "Outbound\ninvestment of\nChinese\ncarmakers");
    assert_eq!(wrap_label("Russia", 16), "Russia");
    assert_eq!(wrap_label("SAIC (incl. MG) (January–September)", 16), "SAIC (incl. MG)\n(January–September)");
    assert_eq!(wrap_label("比亚迪（1–9月）", 16), "比亚迪\n（1–9月）");
}

#[test]
fn a_line_ends_with_its_name_and_last_value_wrapped_short_on_a_phone() {
    let wide = end_label(Lang::En, Unit::Vehicles, "Germany (VDA)", Some(3_400_000.0), false);
    assert_eq!(wide, "Germany (VDA)\n3.4 million");
    let phone = end_label(Lang::De, Unit::Vehicles, "Deutschland (VDA/Destatis)", Some(3_400_000.0), true);
    assert_eq!(phone, "3,4 Mio.");
    assert!(ends_at_the_right(10, 11) && ends_at_the_right(9, 11) && !ends_at_the_right(6, 12));
    assert_eq!(end_label(Lang::En, Unit::Vehicles, "Forecast", None, true), "Forecast");
    // The chart leaves room for the widest line of them.
    let china = [Some(6_000_000.0), Some(7_098_000.0)];
    assert!(end_label_room(&[("China (CAAM)".to_string(), &china[..])], Unit::Vehicles, Display::default()) >= 12.0 * 7.0);
    // A line that ends mid-chart needs no room.
    let early = [Some(6_000_000.0), None, None];
    assert_eq!(end_label_room(&[("China (CAAM)".to_string(), &early[..])], Unit::Vehicles, Display::default()), 0.0);
    let o = option(exports_vs_peers::chart(&exports_vs_peers::OvertakingView::default(), None, Display::default()));
    assert!(o["grid"][0]["right"].as_f64().unwrap() >= 90.0, "{}", o["grid"]);
}

#[test]
fn every_bar_carries_its_value_and_every_category_is_drawn() {
    for chart_of in [
        |d| nev_share::chart(nev_share::NevView::Vehicles, d),
        |d| nev_share::chart(nev_share::NevView::Share, d),
        |d| capacity_vs_output::chart(capacity_vs_output::CapacityView::Year2024, d),
        |d| export_destinations::chart(export_destinations::MarketsView::Year2025, d),
        |d| exports_by_maker::chart(exports_by_maker::MakersView::default(), d),
        |d| price_war::chart(price_war::PriceWarView::default(), d),
        |d| investment_abroad::chart(investment_abroad::InvestmentView::AbroadVsHome, d),
        |d| investment_abroad::chart(investment_abroad::InvestmentView::Batteries, d),
        |d| germany_in_china::chart(germany_in_china::GermanyView::default(), d),
    ] as [fn(Display) -> Chart; 9]
    {
        for narrow in [false, true] {
            let o = option(chart_of(Display { narrow, ..Display::default() }));
            for series in o["series"].as_array().unwrap() {
                assert_eq!(series["label"]["show"], true, "{}", series["id"]);
                // The words come from the Rust formatter, as in the tooltip.
                assert_eq!(series["label"]["formatter"], "@mark", "{}", series["id"]);
            }
            let category_axis = if o["yAxis"]["type"] == "category" { &o["yAxis"] } else { &o["xAxis"] };
            assert_eq!(category_axis["axisLabel"]["interval"], 0.0, "{}", o["series"][0]["id"]);
        }
    }
}

#[test]
fn on_a_phone_bars_run_sideways_with_their_values_at_the_ends_and_no_value_ticks() {
    let o = option(capacity_vs_output::chart(capacity_vs_output::CapacityView::Year2024, Display { narrow: true, ..Display::default() }));
    assert_eq!(o["yAxis"]["type"], "category");
    assert_eq!(o["series"][0]["label"]["position"], "right");
    assert_eq!(o["xAxis"]["axisLabel"]["show"], false);
    let wide = option(capacity_vs_output::chart(capacity_vs_output::CapacityView::Year2024, Display::default()));
    assert_eq!(wide["xAxis"]["type"], "category");
    assert_eq!(wide["series"][0]["label"]["position"], "top");
    // Stacked on a wide screen (values inside the parts), side by side on a phone.
    let stacked = option(nev_share::chart(nev_share::NevView::Vehicles, Display::default()));
    assert_eq!(stacked["series"][0]["stack"], "exports");
    assert_eq!(stacked["series"][0]["label"]["position"], "inside");
    let phone = option(nev_share::chart(nev_share::NevView::Vehicles, Display { narrow: true, ..Display::default() }));
    assert!(phone["series"][0]["stack"].is_null());
    assert_eq!(phone["series"][1]["label"]["position"], "right");
}

/// Every option the story draws (each chart's default view, in each language, in both
/// layouts) names its formatters by known placeholders only, and carries them where ECharts
/// calls them: a value axis' ticks, a time axis' ticks, the tooltip, and the end of every
/// line that reaches the right edge (and of no other line).
#[test]
fn every_option_names_known_formatters_where_they_belong() {
    fn walk(value: &Value, path: &str, found: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match v.as_str() {
                        Some(text) if key == "formatter" && text.starts_with('@') => found.push((path.to_string(), text.to_string())),
                        _ => walk(v, &format!("{path}.{key}"), found),
                    }
                }
            }
            Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, &format!("{path}[{i}]"), found)),
            _ => {}
        }
    }
    let list = |v: &Value| match v {
        Value::Array(items) => items.clone(),
        Value::Null => Vec::new(),
        one => vec![one.clone()],
    };
    let value_of = |item: &Value| if item.is_object() { item["value"].clone() } else { item.clone() };
    for lang in Lang::ALL {
        for picture in crate::ui::static_page::story(lang).1.iter().filter(|p| p.key.ends_with("/narrow") || p.key.ends_with("/wide")) {
            let o: Value = serde_json::from_str(&picture.light).unwrap();
            let mut found = Vec::new();
            walk(&o, "", &mut found);
            for (path, placeholder) in &found {
                assert!(option::Formatter::from_placeholder(placeholder).is_some(), "{}: {path} names {placeholder}", picture.key);
            }
            assert_eq!(o["tooltip"]["formatter"], "@tooltip", "{}", picture.key);
            for axis in list(&o["xAxis"]).iter().chain(&list(&o["yAxis"])) {
                let expected = match axis["type"].as_str() {
                    Some("value") => Some("@tick"),
                    Some("time") => Some("@time"),
                    _ => None,
                };
                assert_eq!(axis["axisLabel"]["formatter"].as_str(), expected, "{}: {axis}", picture.key);
            }
            let categories = list(&o["xAxis"])[0]["data"].as_array().map_or(0, Vec::len);
            for series in list(&o["series"]).iter().filter(|s| s["type"] == "line") {
                let last = series["data"].as_array().unwrap().iter().rposition(|item| !value_of(item).is_null());
                let ends = last.is_some_and(|last| ends_at_the_right(last, categories));
                assert_eq!(series["endLabel"]["formatter"].as_str(), ends.then_some("@end"), "{}: {}", picture.key, series["id"]);
            }
        }
    }
}

/// Every kind of text each chart draws, in each of its views, on a phone and wider, has a line
/// height in the theme, at least a sixth more than the option's largest font size.
#[test]
fn theme_covers_every_text_the_charts_draw() {
    fn each<V: Choice>(chart: fn(V, Display) -> Chart) -> Vec<Box<dyn Fn(Display) -> Chart>> {
        V::ALL.iter().map(|(view, _)| Box::new(move |d| chart(*view, d)) as Box<dyn Fn(Display) -> Chart>).collect()
    }
    let mut charts: Vec<Box<dyn Fn(Display) -> Chart>> = vec![
        Box::new(|d| exports_vs_peers::chart(&exports_vs_peers::OvertakingView::default(), None, d)),
        Box::new(|d| exports_vs_peers::chart(&exports_vs_peers::OvertakingView::default(), Some(2023), d)),
        Box::new(|d| guess_exports::chart(&guess_exports::GuessView::default(), d)),
        Box::new(|d| outlook_explorer::chart(&outlook_explorer::OutlookView::default(), d)),
        Box::new(|d| policy_timeline::chart(&policy_timeline::PolicyView::default(), d)),
    ];
    charts.extend(each(exports_by_month::chart));
    charts.extend(each(nev_share::chart));
    charts.extend(each(export_destinations::chart));
    charts.extend(each(exports_by_maker::chart));
    charts.extend(each(capacity_vs_output::chart));
    charts.extend(each(price_war::chart));
    charts.extend(each(investment_abroad::chart));
    charts.extend(each(germany_in_china::chart));
    let theme: Value = serde_json::from_str(option::THEME).unwrap();
    fn largest_font(value: &Value) -> f64 {
        match value {
            Value::Object(map) => {
                map.iter().map(|(k, v)| if k == "fontSize" { v.as_f64().unwrap_or(0.0) } else { largest_font(v) }).fold(0.0, f64::max)
            }
            Value::Array(items) => items.iter().map(largest_font).fold(0.0, f64::max),
            _ => 0.0,
        }
    }
    let as_list = |v: &Value| v.as_array().cloned().unwrap_or_else(|| if v.is_object() { vec![v.clone()] } else { vec![] });
    for chart in charts {
        for narrow in [false, true] {
            let o = option(chart(Display { narrow, ..Display::default() }));
            let mut parts = Vec::new();
            for (axes, default) in [(&o["xAxis"], "category"), (&o["yAxis"], "value")] {
                for axis in as_list(axes) {
                    parts.push((format!("{}Axis", axis["type"].as_str().unwrap_or(default)), "axisLabel"));
                }
            }
            if o["legend"].is_object() {
                parts.push(("legend".into(), "textStyle"));
            }
            for series in as_list(&o["series"]) {
                let kind = series["type"].as_str().unwrap().to_string();
                parts.push((kind.clone(), "label"));
                if series["endLabel"].is_object() {
                    parts.push((kind, "endLabel"));
                }
                for mark in ["markLine", "markPoint", "markArea"] {
                    if series[mark].is_object() {
                        parts.push((mark.into(), "label"));
                    }
                }
            }
            let font = largest_font(&o).max(12.0);
            for (component, part) in parts {
                let height = theme[&component][part]["lineHeight"].as_f64();
                assert!(height.is_some_and(|h| h >= font * 1.15), "{component}.{part}: line height {height:?} for {font} px text");
            }
        }
    }
}
