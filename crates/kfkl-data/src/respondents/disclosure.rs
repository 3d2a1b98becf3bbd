//! Disclosure control of counted cells (IMPORT.md gives the reasons in
//! Swedish). Every share is published with its `n`, so a hidden value must not
//! be computable from the values shown:
//! - primary: a group of fewer than the survey's threshold is hidden;
//! - secondary, repeated until nothing changes:
//!   - `alla` is girls + boys + the others (other sex codes or none), so
//!     `alla` minus one gender gives the other and the others together. If
//!     the others are too few (but some), the smaller gender is hidden: `alla`
//!     minus the larger is then a group over the threshold. A gender hidden
//!     for any other reason takes the other gender with it;
//!   - the county is the sum of its municipalities: if exactly one municipality
//!     is hidden, the smallest shown one is hidden too.
//!
//! A cell is hidden with all its answers (a distribution is one cell).

use std::collections::BTreeMap;

use kfkl_core::stats::COUNTY;

use super::aggregate::{Cell, CellKey};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Fewer than the threshold answered.
    Few(u32),
    /// The other gender is hidden: `alla` minus this one would show it.
    OtherGender,
    /// The others (neither girl nor boy) are this few: `alla` − girls − boys would show them.
    Others(u32),
    /// The only other hidden municipality could be worked out from the county.
    County,
}

impl Reason {
    /// The dry run's words.
    pub fn text(&self, threshold: u32) -> String {
        match self {
            Reason::Few(n) => format!("färre än {threshold} svarande (n = {n})"),
            Reason::OtherGender => "det andra könet är dolt, och alla minus det här könet skulle visa det".into(),
            Reason::Others(k) => format!("{k} elever har svarat annat eller inget om kön, och alla minus flickor och pojkar skulle visa deras svar"),
            Reason::County => "den enda andra dolda kommunen skulle gå att räkna ut ur länet".into(),
        }
    }
}

/// The cells to hide, and why (the first reason found).
pub fn hide(cells: &BTreeMap<CellKey, Cell>, threshold: u32) -> BTreeMap<CellKey, Reason> {
    let mut hidden: BTreeMap<CellKey, Reason> = cells
        .iter()
        .filter(|(_, c)| c.n < threshold)
        .map(|(k, c)| (k.clone(), Reason::Few(c.n)))
        .collect();
    let n = |k: &CellKey| cells.get(k).map_or(0, |c| c.n);
    loop {
        let before = hidden.len();
        // Within an area: alla against girls and boys.
        for (year, grade, area, gender, indicator) in cells.keys().filter(|k| k.3 == 0) {
            let at = |g: usize| (*year, *grade, area.clone(), g, *indicator);
            let (girls, boys) = (at(1), at(2));
            if !cells.contains_key(&girls) && !cells.contains_key(&boys) {
                continue;
            }
            let others = n(&at(*gender)).saturating_sub(n(&girls) + n(&boys));
            let both = [girls, boys].into_iter().filter(|k| cells.contains_key(k));
            let (gone, shown): (Vec<CellKey>, Vec<CellKey>) = both.partition(|k| hidden.contains_key(k));
            let hide = match gone.first().map(|k| &hidden[k]) {
                // Hidden so that the others stay hidden: alla minus the shown gender is this gender and the others together, a group over the threshold.
                Some(Reason::Others(_)) => Vec::new(),
                Some(_) => shown.into_iter().map(|k| (k, Reason::OtherGender)).collect(),
                // One gender hidden suffices, the smaller.
                None if others > 0 && others < threshold => shown
                    .into_iter()
                    .min_by_key(|k| (n(k), k.3))
                    .map(|k| vec![(k, Reason::Others(others))])
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            for (k, reason) in hide {
                hidden.entry(k).or_insert(reason);
            }
        }
        // Within a group: the county against its municipalities.
        let mut groups: BTreeMap<(u16, usize, usize, usize), Vec<&CellKey>> = BTreeMap::new();
        for k in cells.keys().filter(|k| k.2 != COUNTY) {
            groups.entry((k.0, k.1, k.3, k.4)).or_default().push(k);
        }
        for ((year, grade, gender, indicator), members) in groups {
            let county = (year, grade, COUNTY.to_string(), gender, indicator);
            if hidden.contains_key(&county) || members.iter().filter(|k| hidden.contains_key(**k)).count() != 1 {
                continue;
            }
            let smallest = members
                .iter()
                .filter(|k| !hidden.contains_key(**k))
                .min_by_key(|k| (n(k), k.2.clone()));
            if let Some(k) = smallest {
                hidden.insert((*k).clone(), Reason::County);
            }
        }
        if hidden.len() == before {
            return hidden;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: u32 = 10;

    /// Cells of one indicator, round and grade: (area, gender, n).
    fn cells(list: &[(&str, usize, u32)]) -> BTreeMap<CellKey, Cell> {
        list.iter()
            .map(|&(area, gender, n)| ((2024, 2, area.to_string(), gender, 0), Cell { n, counts: vec![n / 2] }))
            .collect()
    }

    fn hidden(list: &[(&str, usize, u32)]) -> Vec<(String, usize, Reason)> {
        hide(&cells(list), T).into_iter().map(|(k, r)| (k.2, k.3, r)).collect()
    }

    #[test]
    fn alla_never_gives_away_a_hidden_gender_or_the_others() {
        // (cells: area, gender, n; hidden: area, gender, reason)
        let cases: &[(&[(&str, usize, u32)], &[(&str, usize, Reason)])] = &[
            // Nothing small: nothing hidden.
            (&[("0880", 0, 40), ("0880", 1, 20), ("0880", 2, 20)], &[]),
            // Boys are 6: hidden; girls would be alla minus boys, so hidden too.
            (
                &[("0880", 0, 40), ("0880", 1, 34), ("0880", 2, 6)],
                &[("0880", 1, Reason::OtherGender), ("0880", 2, Reason::Few(6))],
            ),
            // Three pupils answered neither: alla − girls − boys would show their answers. Hiding the
            // smaller gender is enough: alla − girls is then boys and the others, 25 pupils.
            (
                &[("0880", 0, 45), ("0880", 1, 20), ("0880", 2, 22)],
                &[("0880", 1, Reason::Others(3))],
            ),
            (
                &[("0880", 0, 43), ("0880", 1, 22), ("0880", 2, 18)],
                &[("0880", 2, Reason::Others(3))],
            ),
            // Ten others are a group that may be shown.
            (&[("0880", 0, 50), ("0880", 1, 20), ("0880", 2, 20)], &[]),
            // Alla under the threshold hides all three.
            (
                &[("0880", 0, 9), ("0880", 1, 5), ("0880", 2, 4)],
                &[
                    ("0880", 0, Reason::Few(9)),
                    ("0880", 1, Reason::Few(5)),
                    ("0880", 2, Reason::Few(4)),
                ],
            ),
        ];
        for (list, want) in cases {
            let want: Vec<(String, usize, Reason)> =
                want.iter().map(|(a, g, r)| (a.to_string(), *g, r.clone())).collect();
            assert_eq!(hidden(list), want, "{list:?}");
        }
    }

    #[test]
    fn the_county_never_gives_away_its_one_hidden_municipality() {
        let cases: &[(&[(&str, usize, u32)], &[(&str, usize, Reason)])] = &[
            // Torsås (0834) alone is hidden: the county minus the others would show it, so the smallest shown (Högsby, 0821) goes too.
            (
                &[("0821", 0, 30), ("0834", 0, 8), ("0880", 0, 300), ("08", 0, 338)],
                &[("0821", 0, Reason::County), ("0834", 0, Reason::Few(8))],
            ),
            // Two hidden: only their sum can be worked out.
            (
                &[("0821", 0, 7), ("0834", 0, 8), ("0880", 0, 300), ("08", 0, 315)],
                &[("0821", 0, Reason::Few(7)), ("0834", 0, Reason::Few(8))],
            ),
        ];
        for (list, want) in cases {
            let want: Vec<(String, usize, Reason)> =
                want.iter().map(|(a, g, r)| (a.to_string(), *g, r.clone())).collect();
            assert_eq!(hidden(list), want, "{list:?}");
        }
    }

    #[test]
    fn one_rule_can_set_off_the_other_until_nothing_changes() {
        // Kalmar's boys are few: its girls go (gender). Kalmar is then the only hidden
        // municipality among girls and among boys: Torsås, the smallest shown, goes in both (county).
        let list = [
            ("0834", 0, 60),
            ("0834", 1, 30),
            ("0834", 2, 30),
            ("0880", 0, 100),
            ("0880", 1, 95),
            ("0880", 2, 5),
            ("0881", 0, 200),
            ("0881", 1, 100),
            ("0881", 2, 100),
            ("08", 0, 360),
            ("08", 1, 225),
            ("08", 2, 135),
        ];
        let got = hidden(&list);
        let want = [
            ("0834", 1, Reason::County),
            ("0834", 2, Reason::County),
            ("0880", 1, Reason::OtherGender),
            ("0880", 2, Reason::Few(5)),
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|(a, g, r)| (a.to_string(), *g, r.clone()))
                .collect::<Vec<_>>()
        );
        // And what is shown cannot give back a hidden value: every group with a hidden cell has at least two.
        let hidden_set: Vec<(String, usize)> = got.iter().map(|(a, g, _)| (a.clone(), *g)).collect();
        for g in 1..=2 {
            let municipal = hidden_set.iter().filter(|(a, gg)| *gg == g && a != "08").count();
            assert_ne!(municipal, 1, "gender {g}");
        }
    }
}
