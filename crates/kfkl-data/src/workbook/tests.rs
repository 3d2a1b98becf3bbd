//! Tests of reading table workbooks: column names, both layouts, and the errors at their cells or tables.

use super::sheet::column_name;
use super::*;
use crate::respondents::tests::{areas, catalogue};

#[test]
fn columns_are_named_as_excel_names_them() {
    for (i, name) in [
        (0, "A"),
        (2, "C"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (701, "ZZ"),
        (702, "AAA"),
    ] {
        assert_eq!(column_name(i), name);
        assert_eq!(column_index(name), Some(i));
    }
    assert_eq!(column_index("A1"), None);
}

/// A workbook with `rows` (None: an empty cell) on the sheet "Tabell 1", and its mapping.
fn workbook(rows: &[&[Option<&str>]], mapping: &str) -> Result<Vec<Cell>, Vec<String>> {
    let dir = std::env::temp_dir().join(format!("kfkl-workbook-{}-{}", std::process::id(), rand_suffix(mapping)));
    std::fs::create_dir_all(&dir).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Tabell 1").unwrap();
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            match cell.map(|t| (t, t.replace(',', ".").parse::<f64>())) {
                Some((_, Ok(n))) => sheet.write(r as u32, c as u16, n).map(|_| ()),
                Some((t, Err(_))) => sheet.write(r as u32, c as u16, t).map(|_| ()),
                None => Ok(()),
            }
            .unwrap();
        }
    }
    book.save(dir.join("kan.xlsx")).unwrap();
    let text = format!("fil = \"kan.xlsx\"\nkalla = \"CAN, länsrapport\"\nsaknas = {{ \"..\" = \"för få svarande\", \"–\" = \"ingen uppgift\" }}\n{mapping}");
    let got = read(Path::new("kan.toml"), &text, &dir, &catalogue(), &areas())
        .map_err(|e| e.iter().map(ToString::to_string).collect());
    std::fs::remove_dir_all(&dir).unwrap();
    got
}

fn rand_suffix(s: &str) -> u64 {
    s.bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
}

fn fields(cells: &[Cell]) -> Vec<String> {
    cells.iter().map(|(at, f, _)| format!("{at} {}", f.join(","))).collect()
}

const TITLE: Option<&str> = Some("Tabell 1. Trygg i skolan, andel (%)");

#[test]
fn areas_as_rows_with_years_over_sexes() {
    let rows: &[&[Option<&str>]] = &[
        &[TITLE],
        &[],
        &[None, Some("2021"), None, None, Some("2023"), None, None],
        &[
            Some("Område"),
            Some("Pojkar"),
            Some("Flickor"),
            Some("Alla"),
            Some("Pojkar"),
            Some("Flickor"),
            Some("Alla"),
        ],
        &[
            Some("Kalmar"),
            Some("70"),
            Some("72"),
            Some("71"),
            Some("68,5"),
            Some(".."),
            Some("69"),
        ],
        &[
            Some("Kalmar län"),
            Some("65"),
            Some("66"),
            Some("65,5"),
            Some("–"),
            None,
            Some("64"),
        ],
        &[],
        &[Some("Källa: CAN")],
    ];
    let mapping = "[[tabell]]\nblad = \"Tabell 1\"\nlayout = \"omraden\"\nrubrikrader = [3, 4]\netikettkolumn = \"A\"\narskurs = \"gy2\"\nindikator = \"trygg\"\n";
    let got = fields(&workbook(rows, mapping).expect("reads"));
    assert_eq!(
        got,
        [
            "kan.xlsx:Tabell 1!B5 trygg,2021,0880,gy2,pojkar,,70",
            "kan.xlsx:Tabell 1!C5 trygg,2021,0880,gy2,flickor,,72",
            "kan.xlsx:Tabell 1!D5 trygg,2021,0880,gy2,alla,,71",
            "kan.xlsx:Tabell 1!E5 trygg,2023,0880,gy2,pojkar,,68.5",
            "kan.xlsx:Tabell 1!F5 trygg,2023,0880,gy2,flickor,,..",
            "kan.xlsx:Tabell 1!G5 trygg,2023,0880,gy2,alla,,69",
            "kan.xlsx:Tabell 1!B6 trygg,2021,08,gy2,pojkar,,65",
            "kan.xlsx:Tabell 1!C6 trygg,2021,08,gy2,flickor,,66",
            "kan.xlsx:Tabell 1!D6 trygg,2021,08,gy2,alla,,65.5",
            "kan.xlsx:Tabell 1!E6 trygg,2023,08,gy2,pojkar,,..",
            "kan.xlsx:Tabell 1!G6 trygg,2023,08,gy2,alla,,64",
        ]
    );
}

#[test]
fn years_as_rows_with_sexes_under_groups() {
    let rows: &[&[Option<&str>]] = &[
        &[TITLE],
        &[None, Some("Trygg"), None, None, Some("Fritid"), None],
        &[
            Some("År"),
            Some("Pojkar"),
            Some("Flickor"),
            Some("Alla"),
            Some("Pojkar"),
            Some("Alla"),
        ],
        &[
            Some("2021"),
            Some("0,7"),
            Some("0,72"),
            Some("0,71"),
            Some("0,5"),
            Some("0,45"),
        ],
    ];
    let mapping = "[[tabell]]\nblad = \"Tabell 1\"\nlayout = \"ar\"\nrubrikrader = [2, 3]\netikettkolumn = \"A\"\narskurs = \"ak8\"\nomrade = \"08\"\nskala = 100\ngrupper = { \"Trygg\" = \"trygg\" }\n";
    let err = workbook(rows, mapping).expect_err("Fritid is not mapped");
    assert_eq!(
        err,
        [
            "kan.xlsx:Tabell 1!E4: the group 'Fritid' is not in grupper",
            "kan.xlsx:Tabell 1!F4: the group 'Fritid' is not in grupper"
        ]
    );
    let mapping = mapping.replace(
        "{ \"Trygg\" = \"trygg\" }",
        "{ \"Trygg\" = \"trygg\", \"Fritid\" = \"trygg2\" }",
    );
    assert_eq!(
        workbook(rows, &mapping).expect_err("unknown indicator"),
        ["kan.toml:4: unknown indicator 'trygg2' (not in the lupp catalogue)"]
    );
    let one_group = mapping
        .replace(", \"Fritid\" = \"trygg2\"", "")
        .replace("rubrikrader = [2, 3]", "rubrikrader = [3]")
        .replace("grupper = { \"Trygg\" = \"trygg\" }", "indikator = \"trygg\"");
    let rows_one: Vec<&[Option<&str>]> = vec![
        rows[0],
        &[],
        rows[2],
        &[Some("2021"), Some("0,7"), Some("0,72"), Some("0,71")],
        &[Some("2023"), Some("0,6"), Some("x"), Some("0,65")],
    ];
    let err = workbook(&rows_one, &one_group).expect_err("x");
    assert_eq!(
        err,
        ["kan.xlsx:Tabell 1!C5: 'x' is not a number, nor a missing marker of saknas (.. –)"]
    );
    let rows_one: Vec<&[Option<&str>]> = vec![
        rows[0],
        &[],
        rows[2],
        &[Some("2021"), Some("0,7"), Some("0,72"), Some("0,71")],
    ];
    let got = fields(&workbook(&rows_one, &one_group).expect("reads"));
    assert_eq!(
        got,
        [
            "kan.xlsx:Tabell 1!B4 trygg,2021,08,ak8,pojkar,,70",
            "kan.xlsx:Tabell 1!C4 trygg,2021,08,ak8,flickor,,72",
            "kan.xlsx:Tabell 1!D4 trygg,2021,08,ak8,alla,,71"
        ]
    );
    // Without skala, fractions are refused rather than read as 0,7 %.
    let err = workbook(&rows_one, &one_group.replace("skala = 100\n", "")).expect_err("fractions");
    assert_eq!(
        err,
        ["kan.toml:4: Tabell 1: every share is at most 1, as if stored as a fraction: give skala = 100"]
    );
}

#[test]
fn a_wrong_place_is_named_by_its_cell_or_its_table() {
    let rows: &[&[Option<&str>]] = &[
        &[None, Some("2023")],
        &[Some("Område"), Some("Alla")],
        &[Some("Eksjö"), Some("50")],
    ];
    let mapping = "[[tabell]]\nblad = \"Tabell 1\"\nlayout = \"omraden\"\nrubrikrader = [1, 2]\netikettkolumn = \"A\"\narskurs = \"gy2\"\nindikator = \"trygg\"\n";
    assert_eq!(
        workbook(rows, mapping).expect_err("Eksjö"),
        ["kan.xlsx:Tabell 1!A3: 'Eksjö' is not an area: a municipality of the county, Kalmar län or Riket"]
    );
    assert_eq!(
        workbook(rows, &mapping.replace("Tabell 1\"", "Tabell 2\"")).expect_err("sheet"),
        ["kan.toml:4: blad = 'Tabell 2': the workbook has no such sheet (Tabell 1)"]
    );
    assert_eq!(
        workbook(rows, &mapping.replace("\"gy2\"", "\"ak9\"")).expect_err("grade"),
        ["kan.toml:4: arskurs = 'ak9' is not a grade of lupp (ak8, gy2)"]
    );
}
