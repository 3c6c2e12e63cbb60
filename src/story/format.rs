//! Numbers and dates as readers of each language read them: "4.91 million", "4,91 Mio.",
//! "4,91 miljoen", "491万" in sentences and tooltips; "4,910,000" or "4.910.000" in tables; short
//! ticks on axes; "30 Oct 2024", "30. Okt. 2024", "30 okt. 2024", "2024年10月30日" for dates.
//! These are rules of each language rather than messages, so they live here, not in the catalogue.

use crate::i18n::Lang;

/// What a series counts in; decides how its numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Vehicles,
    UsdBn,
    Percent,
    Models,
}

impl Unit {
    pub fn id(self) -> &'static str {
        match self {
            Unit::Vehicles => "vehicles",
            Unit::UsdBn => "US$ billion",
            Unit::Percent => "percent",
            Unit::Models => "models",
        }
    }
}

/// A whole number with the language's thousands separator: 4910000 -> "4,910,000" / "4.910.000".
pub fn thousands(lang: Lang, value: f64) -> String {
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let separator = match lang {
        Lang::En | Lang::Zh => ',',
        Lang::De | Lang::Nl => '.',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number rounded to `places` decimals without trailing zeros, with the language's decimal
/// mark: (7.098, 2) -> "7.1" / "7,1".
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text };
    let text = if text == "-0" { "0".to_string() } else { text };
    match lang {
        Lang::De | Lang::Nl => text.replace('.', ","),
        Lang::En | Lang::Zh => text,
    }
}

/// A count in readable units: 4910000 -> "4.91 million" / "4,91 Mio." / "4,91 miljoen" / "491万".
pub fn count(lang: Lang, value: f64) -> String {
    match lang {
        Lang::Zh if value.abs() >= 100_000_000.0 => format!("{}亿", decimal(lang, value / 100_000_000.0, 2)),
        // About three significant digits, as "4.91 million" has: 491万, 72.8万, 9.95万.
        Lang::Zh if value.abs() >= 10_000.0 => {
            let wan = value / 10_000.0;
            let places = if wan.abs() >= 100.0 {
                0
            } else if wan.abs() >= 10.0 {
                1
            } else {
                2
            };
            format!("{}万", decimal(lang, wan, places))
        }
        _ if value.abs() >= 1_000_000.0 => {
            let millions = decimal(lang, value / 1_000_000.0, 2);
            match lang {
                Lang::De => format!("{millions} Mio."),
                Lang::Nl => format!("{millions} miljoen"),
                _ => format!("{millions} million"),
            }
        }
        // Chinese prose writes a count under 10,000 without a separator: 4300辆.
        Lang::Zh => decimal(lang, value, 0),
        _ => thousands(lang, value),
    }
}

/// A value-axis tick: "2m" / "2 Mio." / "2 mln" / "200万"; "500k" / "500.000" / "50万".
pub fn axis_tick(lang: Lang, value: f64) -> String {
    let abs = value.abs();
    match lang {
        _ if value == 0.0 => "0".to_string(),
        Lang::Zh if abs >= 10_000.0 => format!("{}万", decimal(lang, value / 10_000.0, 1)),
        Lang::En if abs >= 1_000_000.0 => format!("{}m", decimal(lang, value / 1_000_000.0, 1)),
        Lang::En if abs >= 1_000.0 => format!("{}k", decimal(lang, value / 1_000.0, 0)),
        Lang::De if abs >= 1_000_000.0 => format!("{} Mio.", decimal(lang, value / 1_000_000.0, 1)),
        Lang::Nl if abs >= 1_000_000.0 => format!("{} mln", decimal(lang, value / 1_000_000.0, 1)),
        _ if abs >= 1_000.0 => thousands(lang, value),
        _ => decimal(lang, value, 1),
    }
}

/// A value as a reader reads it in a tooltip or a sentence, in its unit.
pub fn readable(lang: Lang, unit: Unit, value: f64) -> String {
    match unit {
        Unit::Vehicles => count(lang, value),
        Unit::UsdBn => usd_bn(lang, value, 2),
        Unit::Percent => percent(lang, value, 1),
        Unit::Models => {
            let n = thousands(lang, value);
            let one = value == 1.0;
            match lang {
                Lang::En if one => format!("{n} model"),
                Lang::En => format!("{n} models"),
                Lang::De if one => format!("{n} Modell"),
                Lang::De => format!("{n} Modelle"),
                Lang::Nl if one => format!("{n} model"),
                Lang::Nl => format!("{n} modellen"),
                Lang::Zh => format!("{n}款车型"),
            }
        }
    }
}

fn usd_bn(lang: Lang, value: f64, places: usize) -> String {
    match lang {
        Lang::En => format!("US${} billion", decimal(lang, value, places)),
        Lang::De => format!("{} Mrd. US$", decimal(lang, value, places)),
        // As Dutch papers write it: "16 miljard dollar".
        Lang::Nl => format!("{} miljard dollar", decimal(lang, value, places)),
        // 1 billion = 10 亿.
        Lang::Zh => format!("{}亿美元", decimal(lang, value * 10.0, places.saturating_sub(1))),
    }
}

fn percent(lang: Lang, value: f64, places: usize) -> String {
    match lang {
        Lang::De => format!("{} %", decimal(lang, value, places)),
        _ => format!("{}%", decimal(lang, value, places)),
    }
}

/// A fraction as a percentage to one decimal, e.g. 0.485 as "48.5%" (a share, or a change when
/// given `new / old - 1`).
pub fn fraction(lang: Lang, fraction: f64) -> String {
    readable(lang, Unit::Percent, (fraction * 1000.0).round() / 10.0)
}

/// A value in a table cell: whole vehicles with separators, otherwise as given. Chinese tables
/// count money in 亿美元 (hundreds of millions), as the axis and the prose do, so that a column
/// never reads ten times smaller than the sentence above it.
pub fn full(lang: Lang, unit: Unit, value: f64) -> String {
    match unit {
        Unit::Vehicles | Unit::Models => thousands(lang, value),
        Unit::UsdBn if lang == Lang::Zh => decimal(lang, value * 10.0, 1),
        Unit::UsdBn | Unit::Percent => decimal(lang, value, 2),
    }
}

/// Month names written out, as running text has them (tables and axes abbreviate, see [`date`]).
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_DE: [&str; 12] =
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
const MONTHS_NL: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

fn month_word(lang: Lang, month: u8) -> String {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_EN[i].to_string(),
        Lang::De => MONTHS_DE[i].to_string(),
        Lang::Nl => MONTHS_NL[i].to_string(),
        Lang::Zh => format!("{}月", i + 1),
    }
}

/// One month as a sentence writes it: "February 2026", "Februar 2026", "februari 2026", "2026年2月".
pub fn month_in_prose(lang: Lang, year: u16, month: u8) -> String {
    match lang {
        Lang::Zh => format!("{year}年{}", month_word(lang, month)),
        _ => format!("{} {year}", month_word(lang, month)),
    }
}

/// The months from January to `last` of `year` as a sentence opens with them: "In January and
/// February 2026", "Von Januar bis Februar 2026", "In januari en februari 2026", "2026年1–2月".
pub fn months_opening(lang: Lang, year: u16, last: u8) -> String {
    let first = month_word(lang, 1);
    let to = month_word(lang, last);
    match (lang, last) {
        (Lang::Zh, 1) => format!("{year}年1月"),
        (Lang::Zh, _) => format!("{year}年1–{last}月"),
        (Lang::En, 1) => format!("In {first} {year}"),
        (Lang::En, 2) => format!("In {first} and {to} {year}"),
        (Lang::En, _) => format!("From {first} to {to} {year}"),
        (Lang::De, 1) => format!("Im {first} {year}"),
        (Lang::De, _) => format!("Von {first} bis {to} {year}"),
        (Lang::Nl, 1) => format!("In {first} {year}"),
        (Lang::Nl, 2) => format!("In {first} en {to} {year}"),
        (Lang::Nl, _) => format!("Van {first} tot en met {to} {year}"),
    }
}

/// Which way a change goes, so that a sentence can say "more", "fewer" or "as many" rather than
/// print a minus sign after "more".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Level,
}

/// The direction of `new / old - 1` as the page rounds it (to a tenth of a percent): a change that
/// rounds to 0.0% is level.
pub fn direction(change: f64) -> Direction {
    let tenths = (change * 1000.0).round();
    if tenths > 0.0 {
        Direction::Up
    } else if tenths < 0.0 {
        Direction::Down
    } else {
        Direction::Level
    }
}

/// A change's size without its sign, e.g. -0.032 as "3.2%": the sentence says which way.
pub fn change_size(lang: Lang, change: f64) -> String {
    fraction(lang, change.abs())
}

/// A value-axis tick in a unit.
pub fn tick(lang: Lang, unit: Unit, value: f64) -> String {
    match unit {
        Unit::Vehicles => axis_tick(lang, value),
        Unit::UsdBn => match lang {
            Lang::En => format!("${}bn", decimal(lang, value, 1)),
            Lang::De => format!("{} Mrd. $", decimal(lang, value, 1)),
            Lang::Nl => format!("$ {} mld", decimal(lang, value, 1)),
            Lang::Zh => format!("{}亿美元", decimal(lang, value * 10.0, 0)),
        },
        Unit::Percent => percent(lang, value, 1),
        Unit::Models => decimal(lang, value, 0),
    }
}

/// A time-axis tick: the year at January, else the month's short name ("Jul", "Juli", "jul.", "7月").
pub fn time_tick(lang: Lang, year: i32, month: u32) -> String {
    if month <= 1 {
        return year.to_string();
    }
    let iso = format!("{year}-{month:02}");
    match lang {
        Lang::Zh => format!("{month}月"),
        _ => date(lang, &iso).trim_end_matches(&format!(" {year}")).to_string(),
    }
}

/// A date from the data ("2024-10-30", "2024-10" or "2024") as the language writes it.
/// Anything else is returned as given.
pub fn date(lang: Lang, iso: &str) -> String {
    let mut parts = iso.split('-');
    let (Some(year), month, day) = (parts.next(), parts.next(), parts.next()) else { return iso.to_string() };
    let month: Option<usize> = month.and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m));
    let day: Option<u8> = day.and_then(|d| d.parse().ok()).filter(|d| (1..=31).contains(d));
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const DE: [&str; 12] = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];
    const NL: [&str; 12] = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
    match (month, day) {
        (None, _) if lang == Lang::Zh => format!("{year}年"),
        (None, _) => year.to_string(),
        (Some(m), None) => match lang {
            Lang::En => format!("{} {year}", EN[m - 1]),
            Lang::De => format!("{} {year}", DE[m - 1]),
            Lang::Nl => format!("{} {year}", NL[m - 1]),
            Lang::Zh => format!("{year}年{m}月"),
        },
        (Some(m), Some(d)) => match lang {
            Lang::En => format!("{d} {} {year}", EN[m - 1]),
            Lang::De => format!("{d}. {} {year}", DE[m - 1]),
            Lang::Nl => format!("{d} {} {year}", NL[m - 1]),
            Lang::Zh => format!("{year}年{m}月{d}日"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::*;

    #[test]
    fn months_in_prose_are_written_out() {
        assert_eq!(month_in_prose(En, 2026, 2), "February 2026");
        assert_eq!(month_in_prose(De, 2026, 3), "März 2026");
        assert_eq!(month_in_prose(Nl, 2026, 2), "februari 2026");
        assert_eq!(month_in_prose(Zh, 2026, 2), "2026年2月");
        assert_eq!(months_opening(En, 2026, 2), "In January and February 2026");
        assert_eq!(months_opening(En, 2026, 4), "From January to April 2026");
        assert_eq!(months_opening(De, 2026, 2), "Von Januar bis Februar 2026");
        assert_eq!(months_opening(De, 2026, 1), "Im Januar 2026");
        assert_eq!(months_opening(Nl, 2026, 2), "In januari en februari 2026");
        assert_eq!(months_opening(Nl, 2026, 3), "Van januari tot en met maart 2026");
        assert_eq!(months_opening(Zh, 2026, 2), "2026年1–2月");
    }

    #[test]
    fn a_change_has_a_direction_and_a_size_without_its_sign() {
        assert_eq!(direction(0.484), Direction::Up);
        assert_eq!(direction(-0.032), Direction::Down);
        assert_eq!(direction(0.0004), Direction::Level);
        assert_eq!(change_size(En, -0.032), "3.2%");
        assert_eq!(change_size(De, 0.484), "48,4 %");
    }

    #[test]
    fn chinese_tables_count_money_in_hundreds_of_millions() {
        assert_eq!(full(Zh, Unit::UsdBn, 16.0), "160");
        assert_eq!(full(Zh, Unit::UsdBn, 5.93), "59.3");
        assert_eq!(full(En, Unit::UsdBn, 5.93), "5.93");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(En, 4_910_000.0), "4,910,000");
        assert_eq!(thousands(De, 4_910_000.0), "4.910.000");
        assert_eq!(thousands(Nl, 728_200.0), "728.200");
        assert_eq!(thousands(Zh, 728_200.0), "728,200");
        assert_eq!(thousands(En, 999.0), "999");
        assert_eq!(thousands(En, 1000.0), "1,000");
        assert_eq!(thousands(En, 0.0), "0");
        assert_eq!(thousands(En, -1234.0), "-1,234");
    }

    #[test]
    fn counts_read_as_each_language_reads_them() {
        assert_eq!(count(En, 4_910_000.0), "4.91 million");
        assert_eq!(count(De, 4_910_000.0), "4,91 Mio.");
        assert_eq!(count(Nl, 4_910_000.0), "4,91 miljoen");
        assert_eq!(count(Zh, 4_910_000.0), "491万");
        assert_eq!(count(Zh, 728_200.0), "72.8万");
        assert_eq!(count(Zh, 99_500.0), "9.95万");
        assert_eq!(count(Zh, 7_098_000.0), "710万");
        assert_eq!(count(En, 7_098_000.0), "7.1 million");
        assert_eq!(count(En, 3_000_000.0), "3 million");
        assert_eq!(count(En, 1_027_000.0), "1.03 million");
        assert_eq!(count(En, 995_000.0), "995,000");
        assert_eq!(count(De, 995_000.0), "995.000");
        assert_eq!(count(Zh, 4_300.0), "4300");
        assert_eq!(date(Zh, "2023"), "2023年");
        assert_eq!(fraction(En, 0.4852), "48.5%");
        assert_eq!(fraction(De, 1.1), "110 %");
        assert_eq!(date(En, "2023"), "2023");
    }

    #[test]
    fn every_unit_reads_naturally() {
        assert_eq!(readable(En, Unit::UsdBn, 5.93), "US$5.93 billion");
        assert_eq!(readable(De, Unit::UsdBn, 5.93), "5,93 Mrd. US$");
        assert_eq!(readable(Nl, Unit::UsdBn, 5.93), "5,93 miljard dollar");
        assert_eq!(readable(Zh, Unit::UsdBn, 5.93), "59.3亿美元");
        assert_eq!(readable(En, Unit::Percent, 74.0), "74%");
        assert_eq!(readable(De, Unit::Percent, 35.3), "35,3 %");
        assert_eq!(readable(En, Unit::Models, 195.0), "195 models");
        assert_eq!(readable(Zh, Unit::Models, 195.0), "195款车型");
        // One and many.
        assert_eq!(readable(En, Unit::Models, 1.0), "1 model");
        assert_eq!(readable(De, Unit::Models, 1.0), "1 Modell");
        assert_eq!(readable(Nl, Unit::Models, 1.0), "1 model");
        assert_eq!(full(En, Unit::Vehicles, 4_910_000.0), "4,910,000");
        assert_eq!(full(Nl, Unit::Percent, 4.4), "4,4");
        assert_eq!(tick(En, Unit::UsdBn, 20.0), "$20bn");
        assert_eq!(tick(Zh, Unit::UsdBn, 20.0), "200亿美元");
        assert_eq!(tick(En, Unit::Percent, 50.0), "50%");
    }

    #[test]
    fn axis_ticks_are_short() {
        assert_eq!(axis_tick(En, 0.0), "0");
        assert_eq!(axis_tick(En, 2_000_000.0), "2m");
        assert_eq!(axis_tick(En, 2_500_000.0), "2.5m");
        assert_eq!(axis_tick(En, 500_000.0), "500k");
        assert_eq!(axis_tick(De, 2_500_000.0), "2,5 Mio.");
        assert_eq!(axis_tick(Nl, 500_000.0), "500.000");
        assert_eq!(axis_tick(Zh, 2_000_000.0), "200万");
    }

    #[test]
    fn time_ticks_name_the_year_in_january_and_the_month_otherwise() {
        assert_eq!(time_tick(En, 2024, 1), "2024");
        assert_eq!(time_tick(En, 2024, 7), "Jul");
        assert_eq!(time_tick(De, 2024, 7), "Juli");
        assert_eq!(time_tick(Nl, 2024, 3), "mrt.");
        assert_eq!(time_tick(Zh, 2024, 7), "7月");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(En, "2024-10-30"), "30 Oct 2024");
        assert_eq!(date(De, "2024-10-30"), "30. Okt. 2024");
        assert_eq!(date(Nl, "2024-03-05"), "5 mrt. 2024");
        assert_eq!(date(Zh, "2024-10-30"), "2024年10月30日");
        assert_eq!(date(En, "2020-09"), "Sep 2020");
        assert_eq!(date(Zh, "2020-09"), "2020年9月");
        assert_eq!(date(De, "2025"), "2025");
        assert_eq!(date(En, "2024-13-01"), "2024");
    }
}
