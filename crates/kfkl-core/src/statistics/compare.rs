//! Honest comparison of two shares: "högre än länet" or "lägre än länet" only
//! where the difference is larger than chance explains, given the number of
//! respondents on both sides; otherwise "ingen säker skillnad", and no claim
//! at all where a number of respondents is unknown.
//!
//! The rule is a two-proportion z-test at the 95 % level: with `p` the share
//! of both groups together, the difference is sure when
//! `|p₁ − p₂| > 1,96 · √(p(1 − p)(1/n₁ + 1/n₂))`.
//! A municipality is part of its county, so it is compared with the rest of
//! the county (the county's respondents less its own), never with a total
//! that includes its own answers.

/// What may be said of a share against another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    Higher,
    Lower,
    /// The difference is within what chance explains.
    NoSureDifference,
    /// A value or a number of respondents is missing (suppressed, or not published): no claim.
    Unknown,
}

impl Difference {
    /// "högre än länet", "ingen säker skillnad mot riket" …; `than` is "länet" or "riket".
    pub fn text(self, than: &str) -> String {
        match self {
            Difference::Higher => format!("högre än {than}"),
            Difference::Lower => format!("lägre än {than}"),
            Difference::NoSureDifference => format!("ingen säker skillnad mot {than}"),
            Difference::Unknown => format!("kan inte jämföras med {than}"),
        }
    }
}

/// The table's word for a row against the county ("/om-data#jamforelser"
/// explains the rule): `text` without its "than"; "" for the county and the
/// nation themselves, which the others are compared with.
pub fn versus_county(d: Option<Difference>) -> &'static str {
    match d {
        None => "",
        Some(Difference::Higher) => "högre",
        Some(Difference::Lower) => "lägre",
        Some(Difference::NoSureDifference) => "ingen säker skillnad",
        Some(Difference::Unknown) => "kan inte jämföras",
    }
}

/// z of the 95 % level, two-sided.
const Z95: f64 = 1.959_964;

/// One group's share in percent, with its number of respondents.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    pub percent: f64,
    pub n: u32,
}

/// The two-proportion z-test at the 95 % level: is `a` surely higher or lower than `b`?
pub fn two_proportions(a: Option<Share>, b: Option<Share>) -> Difference {
    let (Some(a), Some(b)) = (a, b) else {
        return Difference::Unknown;
    };
    if a.n == 0 || b.n == 0 || !(0.0..=100.0).contains(&a.percent) || !(0.0..=100.0).contains(&b.percent) {
        return Difference::Unknown;
    }
    let (p1, p2) = (a.percent / 100.0, b.percent / 100.0);
    let (n1, n2) = (f64::from(a.n), f64::from(b.n));
    let pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    // Both 0 % or both 100 %: no spread, and no difference.
    if se == 0.0 || (p1 - p2).abs() <= Z95 * se {
        return Difference::NoSureDifference;
    }
    if p1 > p2 {
        Difference::Higher
    } else {
        Difference::Lower
    }
}

/// The county without one of its municipalities: its respondents less the
/// municipality's, and the share among them. `None` where nothing is left or
/// the numbers do not add up (the municipality larger than its county).
pub fn rest_of(county: Share, part: Share) -> Option<Share> {
    let n = county.n.checked_sub(part.n).filter(|&n| n > 0)?;
    let yes = county.percent * f64::from(county.n) - part.percent * f64::from(part.n);
    let percent = yes / f64::from(n);
    // Rounded published shares may overshoot a little; beyond that the inputs disagree.
    (-0.5..=100.5).contains(&percent).then(|| Share {
        percent: percent.clamp(0.0, 100.0),
        n,
    })
}

/// A municipality's share against its county's: against the rest of the county.
pub fn against_county(municipality: Option<Share>, county: Option<Share>) -> Difference {
    match (municipality, county) {
        (Some(m), Some(c)) => two_proportions(Some(m), rest_of(c, m)),
        _ => Difference::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(percent: f64, n: u32) -> Option<Share> {
        Some(Share { percent, n })
    }

    #[test]
    fn the_two_proportion_test_against_worked_examples() {
        // Worked by hand: pooled p, standard error, z.
        let cases = [
            // 30 % of 200 vs 20 % of 1 000: p = 0,2167, se = 0,0319, z = 3,13 → sure.
            (share(30.0, 200), share(20.0, 1000), Difference::Higher),
            (share(20.0, 1000), share(30.0, 200), Difference::Lower),
            // 25 % of 100 vs 20 % of 1 000: p = 0,2045, se = 0,0423, z = 1,18 → chance explains it.
            (share(25.0, 100), share(20.0, 1000), Difference::NoSureDifference),
            // 50 % vs 40 %, 400 each: p = 0,45, se = 0,0352, z = 2,84 → sure.
            (share(50.0, 400), share(40.0, 400), Difference::Higher),
            // The same shares with 50 each: se = 0,0995, z = 1,01 → not sure.
            (share(50.0, 50), share(40.0, 50), Difference::NoSureDifference),
            // Either side of the line: 60 % vs 50 %, n each 191 (z = 1,964) and 190 (z = 1,959).
            (share(60.0, 191), share(50.0, 191), Difference::Higher),
            (share(60.0, 190), share(50.0, 190), Difference::NoSureDifference),
            // Equal, and both at an end of the scale.
            (share(20.0, 500), share(20.0, 5000), Difference::NoSureDifference),
            (share(0.0, 500), share(0.0, 5000), Difference::NoSureDifference),
            // Unknown n or value: no claim.
            (None, share(20.0, 1000), Difference::Unknown),
            (share(30.0, 200), None, Difference::Unknown),
            (share(30.0, 0), share(20.0, 1000), Difference::Unknown),
        ];
        for (a, b, want) in cases {
            assert_eq!(two_proportions(a, b), want, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn a_municipality_is_compared_with_the_rest_of_its_county() {
        // County 22 % of 1 200, of which the municipality 30 % of 200: the rest is 20,4 % of 1 000.
        let rest = rest_of(Share { percent: 22.0, n: 1200 }, Share { percent: 30.0, n: 200 }).unwrap();
        assert_eq!(rest.n, 1000);
        assert!((rest.percent - 20.4).abs() < 1e-9);
        assert_eq!(against_county(share(30.0, 200), share(22.0, 1200)), Difference::Higher);
        // 28 % of 200 in a county of 22 % of 1 200: against the rest (20,8 % of 1 000) z = 2,24,
        // a sure difference; against the whole county, which holds its own answers, z = 1,87.
        assert_eq!(against_county(share(28.0, 200), share(22.0, 1200)), Difference::Higher);
        assert_eq!(
            two_proportions(share(28.0, 200), share(22.0, 1200)),
            Difference::NoSureDifference
        );
        assert_eq!(
            against_county(share(26.0, 200), share(22.0, 1200)),
            Difference::NoSureDifference
        );
        // Nothing left, or a municipality larger than its county: no claim.
        assert_eq!(
            rest_of(Share { percent: 22.0, n: 200 }, Share { percent: 22.0, n: 200 }),
            None
        );
        assert_eq!(against_county(share(30.0, 300), share(22.0, 200)), Difference::Unknown);
        assert_eq!(against_county(share(30.0, 200), None), Difference::Unknown);
    }

    #[test]
    fn the_words_say_what_may_be_said() {
        assert_eq!(Difference::Higher.text("länet"), "högre än länet");
        assert_eq!(Difference::Lower.text("riket"), "lägre än riket");
        assert_eq!(
            Difference::NoSureDifference.text("länet"),
            "ingen säker skillnad mot länet"
        );
        assert_eq!(Difference::Unknown.text("riket"), "kan inte jämföras med riket");
    }

    #[test]
    fn the_table_says_in_one_word_what_the_sentence_says() {
        let cases = [
            (None, "", None),
            (Some(Difference::Higher), "högre", Some("högre än länet")),
            (Some(Difference::Lower), "lägre", Some("lägre än länet")),
            (
                Some(Difference::NoSureDifference),
                "ingen säker skillnad",
                Some("ingen säker skillnad mot länet"),
            ),
            (
                Some(Difference::Unknown),
                "kan inte jämföras",
                Some("kan inte jämföras med länet"),
            ),
        ];
        for (d, word, sentence) in cases {
            assert_eq!(versus_county(d), word);
            assert_eq!(d.map(|d| d.text("länet")).as_deref(), sentence);
        }
    }
}
