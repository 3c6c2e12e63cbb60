use super::*;
#[allow(unused_imports)]
use crate::i18n::Lang;
use crate::story::model::series;

#[test]
fn a_yearly_table_has_gaps_and_footnotes() {
    let table = Table::yearly(&[series("china-caam").unwrap(), series("japan-jama").unwrap()], &[2015, 2016], Lang::En);
    assert_eq!(table.columns, ["China (CAAM)", "Japan (JAMA)"]);
    assert!(table.rows[1].cells[0].is_none(), "2016 is a gap");
    let notes = table.footnotes();
    assert_eq!(notes.len(), 2);
    assert!(notes[0].text.starts_with("Other secondary sources"), "{}", notes[0].text);
    assert!(notes[1].text.starts_with("Derived from the 1.5% rise"), "{}", notes[1].text);
    assert_eq!(Table::footnote_number(&notes, "2016", "Japan (JAMA)"), Some(2));
}

#[test]
fn partial_years_are_said_in_the_note() {
    let s = series("dest-belgium").unwrap();
    let cell = Cell::from_point(s, s.point_in(2025, "jan-sep").unwrap(), Lang::En);
    assert_eq!(cell.note, "January–September 2025 only. Customs figures by destination, as passed on by CAAM and ECG.");
}

#[test]
fn csv_has_one_line_per_figure_with_units_and_sources() {
    let table = Table::yearly(&[series("china-caam").unwrap()], &[2016, 2023], Lang::En);
    let csv = table.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "year,series,value,unit,confidence,source,source_url,note");
    assert_eq!(lines.len(), 2, "2016 is a gap: no line");
    assert!(lines[1].starts_with("2023,China (CAAM),4910000,vehicles,high,\"Shanghai Daily, "), "{}", lines[1]);
    assert!(lines[1].contains("https://www.shine.cn/biz/auto/2401111656/"));
}

#[test]
fn derived_cells_cite_every_input_and_take_the_weakest_confidence() {
    let total = series("china-caam").unwrap().point(2015).unwrap();
    let vw = series("vw-bev-china").unwrap().point(2024).unwrap();
    let cell = Cell::derived(1.0, Unit::Vehicles, &[total, vw], "Derived.", Lang::En);
    assert_eq!(cell.sources.len(), 2);
    assert_eq!(cell.confidence, Confidence::Low);
}

#[test]
fn a_selected_mark_reads_its_figure_and_source() {
    let table = Table::yearly(&[series("china-caam").unwrap()], &[2023], Lang::En);
    assert_eq!(
        table.readout("2023", "China (CAAM)").unwrap(),
        "2023, China (CAAM): 4.91 million vehicles (4,910,000), source: Shanghai Daily, 11 Jan 2024."
    );
    assert_eq!(table.readout("1999", "China (CAAM)"), None);
    let markets = crate::charts::export_destinations::table(crate::charts::export_destinations::MarketsView::Year2025, Lang::En);
    let belgium = markets.readout("Belgium\n(January–September)", "Vehicles, 2025").unwrap();
    assert!(belgium.starts_with("Belgium, Vehicles, 2025: 233,748 vehicles, source: Automotive Logistics"), "{belgium}");
    let policy = crate::charts::policy_timeline::table(&crate::charts::policy_timeline::PolicyView::default(), Lang::En);
    let measure = policy.readout("16 Jan 2026: Canada and China agree an EV quota", "Deal").unwrap();
    assert!(measure.starts_with("16 Jan 2026: Canada. Deal. Canada and China agree an EV quota."), "{measure}");
}

#[test]
fn csv_headers_follow_the_language_and_values_stay_machine_readable() {
    let table = Table::yearly(&[series("china-caam").unwrap()], &[2023], Lang::De);
    let csv = table.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "jahr,reihe,wert,einheit,verlässlichkeit,quelle,quelle_url,anmerkung");
    assert!(lines[1].starts_with("2023,"), "{}", lines[1]);
    assert!(lines[1].contains(",4910000,vehicles,high,"), "{}", lines[1]);
    let comma = Table { row_header: "Measure, 2024", ..Table::default() };
    assert!(comma.to_csv().starts_with("\"measure, 2024\",series,"), "a header with a comma is quoted");
}

#[test]
fn a_selected_mark_reads_in_chinese() {
    let table = Table::yearly(&[series("china-caam").unwrap()], &[2023], Lang::Zh);
    let readout = table.readout("2023", &table.columns[0]).unwrap();
    assert!(readout.starts_with("2023，"), "{readout}");
    assert!(readout.contains("491万") && readout.contains("来源：Shanghai Daily，2024年1月11日"), "{readout}");
}

#[test]
fn chinese_notes_join_without_spaces() {
    assert_eq!(join(Lang::Zh, "可信度低。", "下限。"), "可信度低。下限。");
    assert_eq!(join(Lang::En, "Low confidence.", "A lower bound."), "Low confidence. A lower bound.");
}

#[test]
fn csv_fields_are_quoted_when_needed() {
    assert_eq!(csv_field("a, b"), "\"a, b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

/// The amount a text means, from its number and its unit word: "59.3亿美元" is 5.93e9,
/// "(十亿美元)" over "5.93" is 5.93e9, "US$5.93 billion" too.
fn amount(number_text: &str, unit_text: &str) -> f64 {
    let digits: String =
        number_text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    let digits = digits.trim_end_matches(['.', ',']);
    // German and Dutch write a decimal comma; the money here never reaches thousands.
    let number: f64 = digits.replace(',', ".").parse().unwrap_or_else(|_| panic!("no number in {number_text}"));
    let scale = if unit_text.contains("十亿") {
        1e9
    } else if unit_text.contains('亿') {
        1e8
    } else if ["billion", "Mrd.", "miljard"].iter().any(|w| unit_text.contains(w)) {
        1e9
    } else {
        panic!("no money unit in {unit_text}")
    };
    number * scale
}

#[test]
fn a_money_cell_means_what_its_tooltip_says_in_every_language() {
    use crate::charts::{export_destinations, investment_abroad};
    for lang in Lang::ALL {
        let tables = [
            export_destinations::table(export_destinations::MarketsView::Value2023, lang),
            investment_abroad::table(investment_abroad::InvestmentView::AbroadVsHome, lang),
        ];
        let mut checked = 0;
        for table in tables {
            for row in &table.rows {
                for (column, cell) in table.columns.iter().zip(&row.cells) {
                    let Some(cell) = cell else { continue };
                    let (Some(value), Some(Unit::UsdBn)) = (cell.value, cell.unit) else { continue };
                    // The tooltip and the bar's label say the value as `format::readable` does.
                    let tooltip = format::readable(lang, Unit::UsdBn, value);
                    let in_cell = amount(&cell.text, column);
                    let in_tooltip = amount(&tooltip, &tooltip);
                    assert!(
                        (in_cell - in_tooltip).abs() < in_tooltip * 0.01,
                        "{lang:?}: '{}' under '{column}' against the tooltip's '{tooltip}'",
                        cell.text
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 5, "{lang:?}: {checked} money cells");
    }
}

#[test]
fn a_row_of_words_says_its_caveat_once() {
    let table = crate::charts::policy_timeline::table(&crate::charts::policy_timeline::PolicyView::default(), Lang::En);
    let notes = table.footnotes();
    for (i, note) in notes.iter().enumerate() {
        assert!(!notes[..i].iter().any(|n| n.row == note.row && n.text == note.text), "{} repeats '{}'", note.row, note.text);
    }
    let low = crate::story::model::EVENTS.iter().filter(|e| e.topic == "policy" && e.confidence == Confidence::Low).count();
    assert_eq!(notes.iter().filter(|n| n.text.starts_with("Low confidence")).count(), low, "each low-confidence measure keeps one note");
}
