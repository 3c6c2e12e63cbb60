//! Numbers as readers read them: "4.91 million" in tooltips, "4,910,000" in tables, "4m" on axes.

use crate::model::Unit;

/// A whole number with thousands separators: 4910000 -> "4,910,000".
pub fn thousands(value: f64) -> String {
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count in readable units: 4910000 -> "4.91 million", 728200 -> "728,200".
pub fn count(value: f64) -> String {
    if value.abs() >= 1_000_000.0 {
        format!("{} million", trim_decimals(value / 1_000_000.0, 2))
    } else {
        thousands(value)
    }
}

/// A value-axis tick: 2000000 -> "2m", 2500000 -> "2.5m", 0 -> "0".
pub fn axis_tick(value: f64) -> String {
    if value == 0.0 {
        "0".to_string()
    } else if value.abs() >= 1_000_000.0 {
        format!("{}m", trim_decimals(value / 1_000_000.0, 1))
    } else if value.abs() >= 1_000.0 {
        format!("{}k", trim_decimals(value / 1_000.0, 0))
    } else {
        trim_decimals(value, 1)
    }
}

/// A value as a reader reads it in a tooltip or a sentence, in its unit.
pub fn readable(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Vehicles => count(value),
        Unit::UsdBn => format!("US${} billion", trim_decimals(value, 2)),
        Unit::Percent => format!("{}%", trim_decimals(value, 1)),
        Unit::Models => format!("{} models", thousands(value)),
    }
}

/// A value in a table cell: whole vehicles with separators, otherwise as given.
pub fn full(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Vehicles | Unit::Models => thousands(value),
        Unit::UsdBn | Unit::Percent => trim_decimals(value, 2),
    }
}

/// A value-axis tick in a unit.
pub fn tick(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Vehicles => axis_tick(value),
        Unit::UsdBn => format!("${}bn", trim_decimals(value, 1)),
        Unit::Percent => format!("{}%", trim_decimals(value, 1)),
        Unit::Models => trim_decimals(value, 0),
    }
}

/// Rounds to `places` decimals and drops trailing zeros: (7.098, 2) -> "7.1".
fn trim_decimals(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(4_910_000.0), "4,910,000");
        assert_eq!(thousands(728_200.0), "728,200");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1000.0), "1,000");
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(-1234.0), "-1,234");
    }

    #[test]
    fn counts_read_as_millions() {
        assert_eq!(count(4_910_000.0), "4.91 million");
        assert_eq!(count(7_098_000.0), "7.1 million");
        assert_eq!(count(3_000_000.0), "3 million");
        assert_eq!(count(1_027_000.0), "1.03 million");
        assert_eq!(count(995_000.0), "995,000");
    }

    #[test]
    fn every_unit_reads_naturally() {
        assert_eq!(readable(Unit::UsdBn, 5.93), "US$5.93 billion");
        assert_eq!(readable(Unit::Percent, 74.0), "74%");
        assert_eq!(readable(Unit::Models, 195.0), "195 models");
        assert_eq!(full(Unit::Vehicles, 4_910_000.0), "4,910,000");
        assert_eq!(full(Unit::Percent, 4.4), "4.4");
        assert_eq!(tick(Unit::UsdBn, 20.0), "$20bn");
        assert_eq!(tick(Unit::Percent, 50.0), "50%");
    }

    #[test]
    fn axis_ticks_are_short() {
        assert_eq!(axis_tick(0.0), "0");
        assert_eq!(axis_tick(2_000_000.0), "2m");
        assert_eq!(axis_tick(2_500_000.0), "2.5m");
        assert_eq!(axis_tick(500_000.0), "500k");
    }
}
