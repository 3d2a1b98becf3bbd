//! Survey statistics: a survey's indicator catalogue (what each indicator
//! means, its unit and source) and its published results (`StatTable`), with
//! the dimensions indicator, year, area, grade, gender and answer option.

use serde::{Deserialize, Serialize};

use crate::model::Approx;

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Survey {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// The explorer's page.
    pub route: String,
    pub method: String,
    pub method_source: String,
    /// Grade codes the survey covers (of `GRADES`).
    pub grades: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// Municipalities that do not take part: they have no results, and the
    /// report and the explorer say so in one sentence.
    pub absent: Vec<Absent>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Absent {
    /// The municipality's code.
    pub code: String,
    /// "Vimmerby deltar inte i CAN:s regionala undersökning."
    pub sentence: String,
    pub source: String,
}

impl Survey {
    /// The sentence saying that the municipality `code` does not take part, if it does not.
    pub fn absent_sentence(&self, code: &str) -> Option<&str> {
        self.absent.iter().find(|a| a.code == code).map(|a| a.sentence.as_str())
    }
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub label: String,
    pub theme: String,
    pub unit: StatUnit,
    /// The question's wording, only where it is published.
    pub question: Option<String>,
    /// Answer options of a question shown as a distribution, in scale order.
    pub answers: Vec<String>,
    pub definition: String,
    pub source: String,
    /// Where the question's wording or answer scale changed: no line and no
    /// comparison runs across.
    pub breaks: Vec<Break>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Break {
    /// The first round asked the new way.
    pub year: u16,
    /// "Frågan formulerades om." – said where the line breaks.
    pub why: String,
}

impl Indicator {
    /// Whether a comparison of rounds `a` and `b` would run across a break.
    pub fn across_break(&self, a: u16, b: u16) -> bool {
        let (lo, hi) = (a.min(b), a.max(b));
        self.breaks.iter().any(|k| lo < k.year && k.year <= hi)
    }
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatUnit {
    #[serde(rename = "percent")]
    Percent,
    /// Litres of pure alcohol per year.
    #[serde(rename = "litres")]
    Litres,
    /// A count of things (loans, users, streams); the indicator's label names them.
    #[serde(rename = "count")]
    Count,
}

/// Grades, genders: the codes the import format uses, in display order.
/// "alla": not split by grade (AV-Play's figures cover every school form).
pub const GRADES: [&str; 4] = ["ak8", "ak9", "gy2", "alla"];
pub const GENDERS: [&str; 3] = ["alla", "flickor", "pojkar"];

/// Area code of the county and of the nation (SCB: "08" Kalmar län, "00" Riket).
pub const COUNTY: &str = "08";
pub const NATION: &str = "00";
/// The county's name as charts and tables write it.
pub const COUNTY_NAME: &str = "Kalmar län";

/// A municipality's name where it stands beside the county's: "Kalmar
/// kommun", since "Kalmar 45 %" beside "Kalmar län 42,5 %" is easily misread;
/// every other name as it is.
pub fn beside_county(name: &str) -> String {
    if COUNTY_NAME.starts_with(&format!("{name} ")) {
        format!("{name} kommun")
    } else {
        name.to_string()
    }
}

/// One survey's published results: the catalogue, the areas and the rows,
/// stored column by column with repeated strings as indices (compact JSON).
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct StatTable {
    pub schema_version: u32,
    pub survey: Survey,
    /// Groups with fewer respondents are suppressed at build time.
    pub threshold: u32,
    /// "official" if every row is real, "exempeldata" if any row is example data.
    pub status: crate::model::Status,
    pub areas: Vec<Area>,
    /// Dictionary of sources, referred to by `Rows::source`.
    pub sources: Vec<String>,
    pub rows: Rows,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
}

/// Column-wise rows; every vector has one entry per row, sorted by indicator
/// (then grade, area, gender, answer and year).
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Rows {
    /// Index into `survey.indicators`.
    pub indicator: Vec<u16>,
    pub year: Vec<u16>,
    /// Index into `areas`.
    pub area: Vec<u16>,
    /// Index into `GRADES`.
    pub grade: Vec<u8>,
    /// Index into `GENDERS`.
    pub gender: Vec<u8>,
    /// Index into the indicator's `answers`, or −1 for a share.
    pub answer: Vec<i16>,
    /// `None`: suppressed (fewer than `threshold` respondents). The value never
    /// leaves the data build.
    pub value: Vec<Option<f64>>,
    pub n: Vec<Option<u32>>,
    /// The source's hedge word ("ca", "drygt" …), kept so that "drygt 16 000" is never shown as "16 000".
    pub approx: Vec<Option<Approx>>,
    /// Example data, not real results.
    pub example: Vec<bool>,
    /// Index into `sources`.
    pub source: Vec<u16>,
}

impl StatTable {
    /// More than one grade: the grade is a control and part of every title.
    pub fn by_grade(&self) -> bool {
        self.survey.grades.len() > 1
    }

    /// Any row for girls or boys: the gender is a control and part of every title.
    pub fn by_gender(&self) -> bool {
        self.rows.gender.iter().any(|&g| g != 0)
    }

    /// The county and the nation (two-digit codes) are what municipalities are
    /// compared with: charts draw them as references, not as more municipalities.
    pub fn is_reference(&self, area: usize) -> bool {
        self.areas.get(area).is_some_and(|a| a.code.len() < 4)
    }

    /// Any row for a municipality: the explorer can show the map view.
    pub fn has_municipal_rows(&self) -> bool {
        self.rows.area.iter().any(|&a| !self.is_reference(a as usize))
    }

    /// Any row with a number of respondents: tables show `n` and the suppression rule applies.
    pub fn has_respondents(&self) -> bool {
        self.rows.n.iter().any(Option::is_some)
    }

    /// The rows of one indicator. The data build publishes rows sorted by
    /// indicator, so a view reads only its indicator's rows, whatever the table's size.
    pub fn rows_of(&self, indicator: usize) -> std::ops::Range<usize> {
        let column = &self.rows.indicator;
        column.partition_point(|&i| (i as usize) < indicator)..column.partition_point(|&i| (i as usize) <= indicator)
    }

    /// Areas with at least one row, in table order.
    pub fn areas_with_data(&self) -> Vec<usize> {
        let mut seen = vec![false; self.areas.len()];
        for &a in &self.rows.area {
            if let Some(s) = seen.get_mut(a as usize) {
                *s = true;
            }
        }
        (0..self.areas.len()).filter(|&a| seen[a]).collect()
    }
}

/// One row, read out of the columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub indicator: usize,
    pub year: u16,
    pub area: usize,
    pub grade: usize,
    pub gender: usize,
    pub answer: Option<usize>,
    pub value: Option<f64>,
    pub n: Option<u32>,
    pub approx: Option<Approx>,
    pub example: bool,
    pub source: usize,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.indicator.len()
    }

    pub fn is_empty(&self) -> bool {
        self.indicator.is_empty()
    }

    pub fn get(&self, i: usize) -> Observation {
        Observation {
            indicator: self.indicator[i] as usize,
            year: self.year[i],
            area: self.area[i] as usize,
            grade: self.grade[i] as usize,
            gender: self.gender[i] as usize,
            answer: usize::try_from(self.answer[i]).ok(),
            value: self.value[i],
            n: self.n[i],
            approx: self.approx[i],
            example: self.example[i],
            source: self.source[i] as usize,
        }
    }

    /// Reorders every column so that rows go by indicator, grade, area, gender, answer and year.
    pub fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_unstable_by_key(|&i| {
            (
                self.indicator[i],
                self.grade[i],
                self.area[i],
                self.gender[i],
                self.answer[i],
                self.year[i],
            )
        });
        let mut sorted = Rows::default();
        for i in order {
            sorted.push(&self.get(i));
        }
        *self = sorted;
    }

    pub fn push(&mut self, o: &Observation) {
        self.indicator.push(o.indicator as u16);
        self.year.push(o.year);
        self.area.push(o.area as u16);
        self.grade.push(o.grade as u8);
        self.gender.push(o.gender as u8);
        self.answer.push(o.answer.map_or(-1, |a| a as i16));
        self.value.push(o.value);
        self.n.push(o.n);
        self.approx.push(o.approx);
        self.example.push(o.example);
        self.source.push(o.source as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::beside_county;

    #[test]
    fn only_the_name_the_county_shares_is_called_kommun() {
        for (name, shown) in [
            ("Kalmar", "Kalmar kommun"),
            ("Torsås", "Torsås"),
            ("Kalmarsund", "Kalmarsund"),
            ("Västervik", "Västervik"),
        ] {
            assert_eq!(beside_county(name), shown);
        }
    }
}
