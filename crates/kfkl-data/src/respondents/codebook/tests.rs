//! Tests of the codebook: how cells compare, and what a good and a bad codebook say.

use super::*;
use crate::respondents::tests::{catalogue, CODEBOOK};

#[test]
fn cells_and_codes_compare_as_written_or_as_a_spreadsheet_writes_them() {
    for (cell, want) in [
        ("1", "1"),
        (" 1 ", "1"),
        ("1.0", "1"),
        ("-1.0", "-1"),
        ("1.5", "1.5"),
        ("Kalmar", "Kalmar"),
        (".0", ".0"),
    ] {
        assert_eq!(normal(cell), want, "{cell:?}");
    }
    assert_eq!(
        municipality_key(MunicipalityBy::Code, "0880"),
        municipality_key(MunicipalityBy::Code, "880")
    );
    assert_eq!(municipality_key(MunicipalityBy::Name, " Mörbylånga"), "mörbylånga");
}

#[test]
fn a_good_codebook_reads() {
    let book = load(Path::new("k.toml"), CODEBOOK, &catalogue()).expect("valid");
    assert_eq!((book.year, book.questions.len()), (Some(2024), 2));
    assert_eq!(
        book.questions[0].measure,
        Measure::Share {
            yes: vec!["1".into(), "2".into()],
            valid: (1..=4).map(|c| c.to_string()).collect()
        }
    );
    assert_eq!(book.questions[1].no_answer, ["9", "8"]);
    assert_eq!(book.outside, ["686"]);
}

#[test]
fn errors_name_their_line_and_what_to_do() {
    // (change to the good codebook, the error)
    let cases = [
        (
            "enkat = \"lupp\"",
            "enkat = \"andts\"",
            "k.toml:1: enkat = 'andts', but the catalogue is 'lupp'",
        ),
        (
            "ar = 2024",
            "",
            "k.toml:1: the round is missing: give ar = 2024, or the column that holds it as kolumner.ar",
        ),
        (
            "varden = \"kod\"",
            "varden = \"nummer\"",
            "k.toml:1: kommun.varden = 'nummer': write \"kod\" or \"namn\"",
        ),
        (
            "gy2 = [2]",
            "gy2 = [2]\nak9 = [3]",
            "k.toml:1: arskurs.ak9: not a grade of lupp (ak8, gy2)",
        ),
        (
            "pojke = [2]",
            "pojke = [1]",
            "k.toml:1: kon: the code '1' means two things",
        ),
        (
            "indikator = \"trygg\"",
            "indikator = \"trygghet\"",
            "k.toml:15: fraga f1: unknown indicator 'trygghet' (not in the lupp catalogue)",
        ),
        (
            "andel = [1, 2]",
            "andel = [1, 5]",
            "k.toml:15: fraga f1: the code '5' of andel is not among koder",
        ),
        (
            "andel = [1, 2]",
            "andel = [1, 2, 3, 4]",
            "k.toml:15: fraga f1: andel must be some of koder, not none or all",
        ),
        (
            "fordelning = [1, 2, 3]",
            "fordelning = [1, 2]",
            "k.toml:20: fraga f2: fordelning has 2 codes, 'fritid' has 3 answers",
        ),
        (
            "fordelning = [1, 2, 3]",
            "andel = [1]\nkoder = [1, 2]",
            "k.toml:20: fraga f2: 'fritid' is a distribution of 3 answers: give fordelning",
        ),
        (
            "ej_svar = [8]",
            "ej_svar = [3]",
            "k.toml:20: fraga f2: the code '3' is both an answer and no answer",
        ),
        (
            "indikator = \"fritid\"",
            "indikator = \"trygg\"",
            "k.toml:20: fraga f2: 'trygg' is a share: give andel and koder",
        ),
    ];
    for (from, to, want) in cases {
        assert!(CODEBOOK.contains(from), "{from}");
        let text = CODEBOOK.replacen(from, to, 1);
        let errors = load(Path::new("k.toml"), &text, &catalogue()).expect_err(want);
        assert!(
            errors.iter().any(|e| e.to_string() == want),
            "{want}\n got: {:?}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }
}
