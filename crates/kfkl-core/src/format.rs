//! Swedish number formats: `34 946`, `12,5 %`, `−3`, `drygt 16 000`.
//!
//! Separators are no-break spaces (U+00A0) so that a number never wraps across
//! lines, and negative numbers use the minus sign (U+2212), as in Swedish print.

use crate::model::{Approx, KeyFigure, Unit};

/// No-break space: thousands separator and the space before `%` and units.
pub const NBSP: char = '\u{a0}';
const MINUS: char = '\u{2212}';

/// Formats with as many decimals as the value has (at most two), e.g. `12,5`.
pub fn format_number(value: f64) -> String {
    let decimals = if (value * 100.0).round() % 10.0 != 0.0 {
        2
    } else if (value * 10.0).round() % 10.0 != 0.0 {
        1
    } else {
        0
    };
    format_fixed(value, decimals)
}

/// Formats with exactly `decimals` decimals, e.g. `format_fixed(3.0, 1) == "3,0"`.
pub fn format_fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "..".to_string();
    }
    // Integer arithmetic rather than `{:.*}`: it keeps the float formatter out of the wasm.
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let text = match decimals {
        0 => scaled.to_string(),
        d => format!("{}.{:0d$}", scaled / scale, scaled % scale),
    };
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    // `-0` after rounding is shown as 0.
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push(MINUS);
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(NBSP);
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `12,5 %`
pub fn format_percent(value: f64) -> String {
    format!("{}{NBSP}%", format_number(value))
}

/// A value in its unit, without qualifier: `16 000`, `33 %`.
pub fn format_in_unit(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Count => format_number(value),
        Unit::Percent => format_percent(value),
    }
}

/// A key figure as the source states it: `drygt 16 000`, `1 500–2 000`, `cirka 33 %`.
pub fn format_figure(figure: &KeyFigure) -> String {
    let mut out = String::new();
    if let Some(approx) = figure.approx {
        out.push_str(approx.word());
        out.push(' ');
    }
    match figure.value_high {
        Some(high) => {
            out.push_str(&format_number(figure.value));
            out.push('–');
            out.push_str(&format_in_unit(high, figure.unit));
        }
        None => out.push_str(&format_in_unit(figure.value, figure.unit)),
    }
    out
}

/// Signed change with the Swedish plus/minus signs: `+24`, `−3,4 %`.
pub fn format_change(delta: f64, unit: Unit) -> String {
    let sign = if delta > 0.0 { "+" } else { "" };
    format!("{sign}{}", format_in_unit(delta, unit))
}

impl Approx {
    /// The word the source uses, in lower case.
    pub fn word(self) -> &'static str {
        match self {
            Approx::Ca => "ca",
            Approx::Cirka => "cirka",
            Approx::Drygt => "drygt",
            Approx::Nara => "nära",
            Approx::Ungefar => "ungefär",
        }
    }
}

/// A text with its first letter in capitals: a commitment stands alone under its
/// badge, while the source continues a sentence ("… genom att: stötta kommunerna").
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Items as Swedish lists them: "A", "A och B", "A, B och C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!(
            "{} och {}",
            rest.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
            last.as_ref()
        ),
        Some((last, _)) => last.as_ref().to_string(),
        None => String::new(),
    }
}

/// A count with its noun in the number it agrees with: "1 åtagande",
/// "2 åtaganden", "0 löften". Swedish takes the singular for one only.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_end_with_och() {
        // (items, list)
        for (items, list) in [
            (vec![], ""),
            (vec!["A"], "A"),
            (vec!["A", "B"], "A och B"),
            (vec!["A", "B", "C"], "A, B och C"),
        ] {
            assert_eq!(super::and_list(&items), list);
        }
    }

    #[test]
    fn a_commitment_starts_with_a_capital() {
        for (text, shown) in [
            ("stötta kommunerna", "Stötta kommunerna"),
            ("Redan stor", "Redan stor"),
            ("ökad samverkan", "Ökad samverkan"),
            ("", ""),
        ] {
            assert_eq!(super::capitalized(text), shown);
        }
    }

    #[test]
    fn a_count_agrees_with_its_noun() {
        // (n, expected)
        for (n, expected) in [
            (0, "0 åtaganden"),
            (1, "1 åtagande"),
            (2, "2 åtaganden"),
            (58, "58 åtaganden"),
        ] {
            assert_eq!(super::count(n, "åtagande", "åtaganden"), expected);
        }
        assert_eq!(super::count(1, "löfte", "löften"), "1 löfte");
    }

    use super::*;

    fn check(value: f64, expected: &str) {
        assert_eq!(format_number(value), expected.replace(' ', "\u{a0}"), "{value}");
    }

    #[test]
    fn numbers_in_swedish_format() {
        check(0.0, "0");
        check(7.0, "7");
        check(999.0, "999");
        check(1000.0, "1 000");
        check(34946.0, "34 946");
        check(270000.0, "270 000");
        check(1234567.0, "1 234 567");
        check(12.5, "12,5");
        check(0.9, "0,9");
        check(37.55, "37,55");
        check(-34946.0, "\u{2212}34 946");
        check(-0.001, "0");
    }

    #[test]
    fn fixed_decimals_and_non_finite() {
        assert_eq!(format_fixed(3.0, 1), "3,0");
        assert_eq!(format_fixed(2.456, 1), "2,5");
        assert_eq!(format_fixed(f64::NAN, 1), "..");
    }

    #[test]
    fn percent_and_change() {
        assert_eq!(format_percent(12.5), "12,5\u{a0}%");
        assert_eq!(format_change(24.0, Unit::Count), "+24");
        assert_eq!(format_change(-3.4, Unit::Percent), "\u{2212}3,4\u{a0}%");
        assert_eq!(format_change(0.0, Unit::Count), "0");
    }
}
