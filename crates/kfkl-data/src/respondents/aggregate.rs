//! Respondents → counts: per round × grade × area × sex × indicator (× answer),
//! `n` (the pupils who answered) and the count in the share. Unweighted: the
//! survey asks every pupil. The county is every respondent of its 12
//! municipalities; pupils of a municipality outside it (Eksjö in LUPP) are
//! kept out. Problems are `file:row:column: reason`.

use std::collections::BTreeMap;

use kfkl_core::model::Areas;
use kfkl_core::stats::COUNTY;

use super::codebook::{municipality_key, normal, Codebook, Measure, MunicipalityBy, Sex};
use super::read::Grid;

/// (year, grade, area code, gender: 0 alla 1 flickor 2 pojkar, indicator)
pub type CellKey = (u16, usize, String, usize, usize);

/// One group's counts: `n` answered, `counts[k]` gave answer k (a share has one
/// count: those in the share).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub n: u32,
    pub counts: Vec<u32>,
}

/// What the file holds, counted, and what a person should look at.
#[derive(Debug, Default)]
pub struct Counted {
    pub cells: BTreeMap<CellKey, Cell>,
    /// Respondents per (year, grade, municipality code, sex), for the dry run.
    pub respondents: BTreeMap<(u16, usize, String, Sex), u32>,
    /// Rows whose municipality cell is empty.
    pub without_municipality: Vec<usize>,
    /// Respondents of municipalities outside the county, by the file's value.
    pub outside: BTreeMap<String, u32>,
    /// `row:column: reason`, without the file: errors stop the import.
    pub errors: Vec<String>,
}

/// Counts every respondent row of `grid` by the codebook.
pub fn count(grid: &Grid, book: &Codebook, areas: &Areas, survey: &kfkl_core::stats::Survey) -> Counted {
    let mut out = Counted::default();
    let Some(columns) = columns(grid, book, &mut out.errors) else {
        return out;
    };
    let counter = Counter {
        book,
        survey,
        columns,
        municipalities: municipality_keys(book, areas),
    };
    for (row, cells) in &grid.rows {
        if let Some(group) = counter.group(*row, cells, &mut out) {
            *out.respondents
                .entry((group.year, group.grade, group.code.clone(), group.sex))
                .or_default() += 1;
            counter.count_answers(*row, cells, &group, &mut out);
        }
    }
    out
}

/// Where the codebook's columns are in the file.
struct Columns {
    municipality: usize,
    grade: usize,
    sex: usize,
    round: Option<usize>,
    /// One a question of the codebook, in its order.
    questions: Vec<usize>,
}

/// Finds every column the codebook names; `None` when one is missing, each such an error.
fn columns(grid: &Grid, book: &Codebook, errors: &mut Vec<String>) -> Option<Columns> {
    let mut column = |name: &str| {
        let found = grid.column(name);
        if found.is_none() {
            errors.push(format!(
                "1:{name}: the codebook names the column '{name}', which the file does not have"
            ));
        }
        found
    };
    let (m_col, g_col, s_col) = (
        column(&book.municipality_column),
        column(&book.grade_column),
        column(&book.sex_column),
    );
    let y_col = book.round_column.as_deref().map(&mut column);
    let q_cols: Vec<Option<usize>> = book.questions.iter().map(|q| column(&q.column)).collect();
    let (Some(municipality), Some(grade), Some(sex)) = (m_col, g_col, s_col) else {
        return None;
    };
    if y_col.is_some_and(|c| c.is_none()) {
        return None;
    }
    Some(Columns {
        municipality,
        grade,
        sex,
        round: y_col.flatten(),
        questions: q_cols.into_iter().collect::<Option<Vec<usize>>>()?,
    })
}

/// Each municipality of the county as the municipality column names it (`municipality_key`),
/// with its code.
fn municipality_keys<'a>(book: &Codebook, areas: &'a Areas) -> Vec<(String, &'a str)> {
    areas
        .municipalities
        .iter()
        .map(|m| {
            (
                municipality_key(
                    book.municipality_by,
                    if book.municipality_by == MunicipalityBy::Code {
                        &m.code
                    } else {
                        &m.name
                    },
                ),
                m.code.as_str(),
            )
        })
        .collect()
}

fn cell_at(cells: &[String], i: usize) -> String {
    cells.get(i).map(String::as_str).unwrap_or_default().to_string()
}

/// The groups a respondent is counted in: round, grade, municipality and sex.
struct Group {
    year: u16,
    grade: usize,
    /// The municipality's code.
    code: String,
    sex: Sex,
}

/// What every row is counted by.
struct Counter<'a> {
    book: &'a Codebook,
    survey: &'a kfkl_core::stats::Survey,
    columns: Columns,
    municipalities: Vec<(String, &'a str)>,
}

impl Counted {
    fn bad(&mut self, row: usize, col: &str, reason: String) {
        self.errors.push(format!("{row}:{col}: {reason}"));
    }
}

impl Counter<'_> {
    /// A row's groups; `None` when the row is not counted: one without a municipality or from
    /// outside the county is tallied for the dry run, a cell that is no code is an error.
    fn group(&self, row: usize, cells: &[String], out: &mut Counted) -> Option<Group> {
        let book = self.book;
        let code = self.municipality(row, cells, out)?;
        let year = match (book.year, self.columns.round) {
            (Some(y), _) => y,
            (None, Some(c)) => match normal(&cell_at(cells, c))
                .parse::<u16>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
            {
                Some(y) => y,
                None => {
                    out.bad(
                        row,
                        book.round_column.as_deref().unwrap_or_default(),
                        format!("'{}' is not a year", cell_at(cells, c).trim()),
                    );
                    return None;
                }
            },
            (None, None) => unreachable!("the codebook gives the round"),
        };
        let grade_code = normal(&cell_at(cells, self.columns.grade));
        let Some(&(_, grade)) = book.grades.iter().find(|(c, _)| *c == grade_code) else {
            out.bad(
                row,
                &book.grade_column,
                format!("'{grade_code}' is not a grade code of the codebook (arskurs)"),
            );
            return None;
        };
        let sex_code = normal(&cell_at(cells, self.columns.sex));
        let sex = match book.sexes.iter().find(|(c, _)| *c == sex_code) {
            Some(&(_, sex)) => sex,
            // No answer to the sex question: counted in alla only.
            None if sex_code.is_empty() => Sex::Other,
            None => {
                out.bad(
                    row,
                    &book.sex_column,
                    format!("'{sex_code}' is not a code of kon (flicka, pojke, ovriga)"),
                );
                return None;
            }
        };
        Some(Group { year, grade, code, sex })
    }

    /// The code of the row's municipality, if it is one of the county's.
    fn municipality(&self, row: usize, cells: &[String], out: &mut Counted) -> Option<String> {
        let book = self.book;
        let place = cell_at(cells, self.columns.municipality);
        if place.trim().is_empty() {
            out.without_municipality.push(row);
            return None;
        }
        let key = municipality_key(book.municipality_by, &place);
        match self.municipalities.iter().find(|(k, _)| *k == key) {
            Some((_, code)) => Some(code.to_string()),
            None if book.outside.contains(&key) => {
                // As SCB writes it, whether the file held "0686" or, from SPSS, 686.
                let shown = if book.municipality_by == MunicipalityBy::Code {
                    format!("{key:0>4}")
                } else {
                    place.trim().to_string()
                };
                *out.outside.entry(shown).or_default() += 1;
                None
            }
            None => {
                out.bad(
                    row,
                    &book.municipality_column,
                    format!(
                        "'{}' is not a municipality of the county, nor listed in kommun.utanfor_lanet",
                        place.trim()
                    ),
                );
                None
            }
        }
    }

    /// Counts the row's answers in its municipality and the county, for each gender it counts in.
    fn count_answers(&self, row: usize, cells: &[String], group: &Group, out: &mut Counted) {
        let genders: &[usize] = match group.sex {
            Sex::Girl => &[0, 1],
            Sex::Boy => &[0, 2],
            Sex::Other if self.book.others_in_all => &[0],
            Sex::Other => &[],
        };
        for (q, &col) in self.book.questions.iter().zip(&self.columns.questions) {
            let answer = normal(&cell_at(cells, col));
            if answer.is_empty() || q.no_answer.contains(&answer) {
                continue;
            }
            let hit: Vec<usize> = match &q.measure {
                Measure::Share { yes, valid } if valid.contains(&answer) => {
                    yes.contains(&answer).then_some(0).into_iter().collect()
                }
                Measure::Distribution(codes) if codes.contains(&answer) => {
                    codes.iter().position(|c| *c == answer).into_iter().collect()
                }
                _ => {
                    out.bad(
                        row,
                        &q.column,
                        format!(
                            "'{answer}' is not a code of {} (codebook line {})",
                            self.survey.indicators[q.indicator].id, q.line
                        ),
                    );
                    continue;
                }
            };
            let width = match &q.measure {
                Measure::Share { .. } => 1,
                Measure::Distribution(codes) => codes.len(),
            };
            for area in [group.code.as_str(), COUNTY] {
                for &gender in genders {
                    let cell = out
                        .cells
                        .entry((group.year, group.grade, area.to_string(), gender, q.indicator))
                        .or_insert_with(|| Cell {
                            n: 0,
                            counts: vec![0; width],
                        });
                    cell.n += 1;
                    for &k in &hit {
                        cell.counts[k] += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::respondents::read::csv_text;
    use crate::respondents::tests::{areas, book, catalogue};

    /// kommun, arskurs, kon, f1 (trygg: 1–2 of 1–4, 9 no answer), f2 (fritid: 1, 2, 3)
    fn counted(rows: &str) -> Counted {
        let grid = csv_text(&format!("kommun,arskurs,kon,f1,f2\n{rows}")).unwrap();
        count(&grid, &book(), &areas(), &catalogue())
    }

    fn cell(c: &Counted, area: &str, gender: usize, indicator: usize) -> (u32, Vec<u32>) {
        c.cells
            .get(&(2024, 2, area.to_string(), gender, indicator))
            .map(|c| (c.n, c.counts.clone()))
            .unwrap_or_default()
    }

    #[test]
    fn shares_count_the_answers_in_the_share_among_those_who_answered() {
        // (rows, the cell for Kalmar's alla on f1: (n, count in the share))
        let cases: &[(&str, (u32, u32))] = &[
            ("0880,2,1,1,\n0880,2,2,3,\n", (2, 1)),
            // 9 and an empty cell are no answer: out of n.
            ("0880,2,1,1,\n0880,2,2,9,\n0880,2,2,,\n", (1, 1)),
            // "880" is 0880; 2.0 from a spreadsheet is 2.
            ("880,2.0,1,2,\n0880,2,1,4,\n", (2, 1)),
        ];
        for (rows, (n, yes)) in cases {
            let c = counted(rows);
            assert_eq!(c.errors, Vec::<String>::new(), "{rows}");
            assert_eq!(cell(&c, "0880", 0, 0), (*n, vec![*yes]), "{rows}");
        }
    }

    #[test]
    fn other_sex_codes_count_in_alla_only_and_the_county_is_its_municipalities() {
        let c =
            counted("0880,2,1,1,1\n0880,2,2,1,2\n0880,2,3,3,2\n0880,2,,3,3\n0881,2,1,1,1\n0686,2,1,1,1\n,2,1,1,1\n");
        assert_eq!(cell(&c, "0880", 0, 0), (4, vec![2]));
        assert_eq!(cell(&c, "0880", 1, 0), (1, vec![1]));
        assert_eq!(cell(&c, "0880", 2, 0), (1, vec![1]));
        // The distribution: one count per answer, in the catalogue's order.
        assert_eq!(cell(&c, "0880", 0, 1), (4, vec![1, 2, 1]));
        // Eksjö (0686, outside the county) and the row without a municipality are in neither.
        assert_eq!(cell(&c, "08", 0, 0), (5, vec![3]));
        assert_eq!(c.outside, BTreeMap::from([("0686".to_string(), 1)]));
        assert_eq!(c.without_municipality, [8]);
        // With ovriga_i_alla = false, alla is girls and boys.
        let mut book = book();
        book.others_in_all = false;
        let grid = csv_text("kommun,arskurs,kon,f1,f2\n0880,2,1,1,1\n0880,2,2,1,2\n0880,2,3,3,2\n").unwrap();
        let c = count(&grid, &book, &areas(), &catalogue());
        assert_eq!(cell(&c, "0880", 0, 0), (2, vec![2]));
    }

    #[test]
    fn codes_the_codebook_does_not_know_are_errors_at_their_row_and_column() {
        let c = counted("0880,2,1,5,\n0999,2,1,1,\n0880,7,1,1,\n0880,2,x,1,\n0880,2,1,1,4\n");
        assert_eq!(
            c.errors,
            [
                "2:f1: '5' is not a code of trygg (codebook line 15)",
                "3:kommun: '0999' is not a municipality of the county, nor listed in kommun.utanfor_lanet",
                "4:arskurs: '7' is not a grade code of the codebook (arskurs)",
                "5:kon: 'x' is not a code of kon (flicka, pojke, ovriga)",
                "6:f2: '4' is not a code of fritid (codebook line 20)",
            ]
        );
        let grid = csv_text("kommun,arskurs,f1,f2\n0880,2,1,1\n").unwrap();
        assert_eq!(
            count(&grid, &book(), &areas(), &catalogue()).errors,
            ["1:kon: the codebook names the column 'kon', which the file does not have"]
        );
    }
}
